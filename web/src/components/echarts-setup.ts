/**
 * The parts of ECharts the UI uses, registered once. Importing from 'echarts/core' keeps the chunk to
 * what we draw, and this module is only ever imported dynamically. Legends are HTML next to the chart
 * (smaller than ECharts' legend component and readable by screen readers); the canvas renderer is a
 * few kB smaller than the SVG one, which keeps chart pages under the 300 kB budget. Radar and map
 * charts have setups of their own (echarts-radar-setup.ts, echarts-map-setup.ts), independent of this
 * one, loaded only by the page that draws them.
 */
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([
  BarChart,
  LineChart,
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
])

export { init }
