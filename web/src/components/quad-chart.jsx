import { useMemo } from 'preact/hooks';
import { EChart } from './echart.jsx';
import { denseStart } from './dense-start.js';

export const QUAD_NAMES = ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
export const QUAD_COLORS = ['#4c9f70', '#1f6f4a', '#e0913a', '#c0392b'];

/** A series as stacked QuadClass bars with the mean Goldstein score as a line; a bar click selects its period. */
export function QuadChart({ series, onSelect }) {
  const option = useMemo(() => {
    const periods = series.points.map((p) => p.period);
    return {
      animation: false,
      tooltip: { trigger: 'axis', confine: true },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 40, top: 40, bottom: 60 },
      dataZoom: periods.length > 40 ? [{ type: 'slider', height: 18, bottom: 8, startValue: denseStart(series.points.map((p) => p.clusters)) }] : [],
      xAxis: { type: 'category', data: periods },
      yAxis: [
        { type: 'value', name: 'clusters', minInterval: 1 },
        { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } },
      ],
      series: [
        ...QUAD_NAMES.map((name, i) => ({
          name, type: 'bar', stack: 'quad', barMaxWidth: 48, itemStyle: { color: QUAD_COLORS[i] }, data: series.points.map((p) => p.quadclass[i]),
        })),
        {
          name: 'Goldstein (mean)', type: 'line', yAxisIndex: 1, connectNulls: false, symbolSize: 5,
          itemStyle: { color: '#34495e' }, data: series.points.map((p) => p.goldsteinMean),
        },
      ],
    };
  }, [series]);
  return <EChart option={option} label="Event clusters by QuadClass with mean Goldstein score" onClick={(i) => onSelect?.(series.points[i]?.period)} />;
}
