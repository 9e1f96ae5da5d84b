import { useEffect, useRef } from 'preact/hooks';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, DataZoomComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

/** An ECharts canvas that follows its container's width; `onClick` gets the clicked data index. */
export function EChart({ option, onClick, height = 320, label }) {
  const el = useRef(null);
  const chart = useRef(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    const c = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p.dataIndex, p));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div class="chart" ref={el} style={{ height: `${height}px` }} role="img" aria-label={label} />;
}
