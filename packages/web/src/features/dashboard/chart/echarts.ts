/**
 * ECharts, only the parts the dashboard draws. IndicatorChart imports this
 * module dynamically, so ECharts is its own chunk, fetched on the indicator page only.
 */
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use as registerEchartsParts, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// The target is drawn as a flat line series rather than a markLine: MarkLineComponent
// alone would add 18 kB to the chunk.
registerEchartsParts([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>;
export type { EChartsType };
export { init };
