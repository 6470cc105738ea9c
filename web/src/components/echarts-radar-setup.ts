/**
 * The parts of ECharts a radar chart needs, registered once: only the self-assessment comparison
 * draws one, and passes this module as its chart loader (see EChart's `loadCharts`), so no other
 * page loads it and that page does not load the bar and line parts.
 */
import { RadarChart } from 'echarts/charts'
import { RadarComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([RadarChart, RadarComponent, TooltipComponent, CanvasRenderer])

export { init }
