import { useMemo } from 'preact/hooks';
import { EChart } from './echart.jsx';
import { denseStart } from './dense-start.js';

/** Event clusters of the whole corpus by period; a bar click selects its period. */
export function VolumeChart({ points, onSelect }) {
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', confine: true },
      grid: { left: 40, right: 16, top: 16, bottom: 60 },
      dataZoom: points.length > 40 ? [{ type: 'slider', height: 18, bottom: 8, startValue: denseStart(points.map((p) => p.clusters)) }] : [],
      xAxis: { type: 'category', data: points.map((p) => p.period) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: 'event clusters', type: 'bar', barMaxWidth: 48, itemStyle: { color: '#3b6ea5' }, data: points.map((p) => p.clusters) }],
    }),
    [points],
  );
  return <EChart option={option} height={240} label="Event clusters over time" onClick={(i) => onSelect?.(points[i]?.period)} />;
}
