export {
  generateDemoNetwork,
  DEMO_NETWORK_NAME,
  type GenerateDemoNetworkOptions,
} from './generate-demo-network'
export { readDemoObservation } from './observation-columns'
export * from './types'
