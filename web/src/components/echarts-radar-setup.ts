/**
 * Radar series on top of the shared ECharts setup: only the self-assessment comparison draws one, so
 * the other chart pages do not load it. EChart imports this when an option has a radar series.
 */
import { RadarChart } from 'echarts/charts'
import { RadarComponent } from 'echarts/components'
import { use } from 'echarts/core'

use([RadarChart, RadarComponent])
