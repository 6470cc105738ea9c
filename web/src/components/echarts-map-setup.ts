/**
 * The map series on top of the shared ECharts setup: imported only by the map of rings, so chart
 * pages without a map do not load it (the Rings page shares the ECharts chunk with them).
 */
import { MapChart } from 'echarts/charts'
import { registerMap, use } from 'echarts/core'
import { init } from './echarts-setup'

use([MapChart])

export { init, registerMap }
