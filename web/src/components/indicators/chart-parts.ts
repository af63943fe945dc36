// The parts of ECharts the indicator chart draws with, named one by one so the bundler keeps
// only these (a namespace import of 'echarts/charts' would pull in every chart type). Loaded
// only through lib/charts.ts, on demand.
export { LineChart } from 'echarts/charts';
export { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
export { SVGRenderer } from 'echarts/renderers';
