// ECharts, loaded the first time a chart is drawn: it is by far the largest library of the UI
// and only the indicator pages need it, so it never weighs on the first page. Only the line
// chart, the components it uses and the SVG renderer (crisp at any zoom, text selectable) are
// registered, which keeps the chunk to what is drawn.
import type { EChartsType } from 'echarts/core';

export type { EChartsType };

type EChartsCore = typeof import('echarts/core');

let loading: Promise<EChartsCore> | null = null;

export function loadECharts(): Promise<EChartsCore> {
  if (!loading) {
    loading = (async () => {
      const [echarts, parts] = await Promise.all([
        import('echarts/core'),
        import('../components/indicators/chart-parts'),
      ]);
      echarts.use([parts.LineChart, parts.GridComponent, parts.TooltipComponent, parts.LegendComponent, parts.SVGRenderer]);
      return echarts;
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** Whether the reader asked for less motion (then charts draw without animation). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
    : false;
}
