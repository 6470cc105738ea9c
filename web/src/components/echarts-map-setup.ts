/**
 * The parts of ECharts the map of rings needs (a choropleth with tooltips), registered once and
 * imported only by that map, so the Rings page loads neither bar nor line charts and chart pages
 * without a map never load this.
 */
import { MapChart } from 'echarts/charts'
import { TooltipComponent } from 'echarts/components'
import { init, registerMap, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([MapChart, TooltipComponent, CanvasRenderer])

export { init, registerMap }
