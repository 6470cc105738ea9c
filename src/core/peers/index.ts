/**
 * Public API of the peer-group statistics core: pure functions over plain arrays, no database,
 * no HTTP. See each file for the method and its conventions.
 */
export type { Points } from './matrix'
export {
  buildStandardisedMatrix,
  computeAverageRanks,
  type BuildStandardisedMatrixOptions,
  type ColumnTransform,
  type ExcludedRow,
  type IndicatorColumn,
  type StandardisedMatrix,
} from './transform'
export { clusterWard, computeWardLinkage, cutTree, type LinkageRow } from './ward'
export {
  refineKMeans,
  runKMeans,
  type KMeansResult,
  type RefineKMeansOptions,
  type RunKMeansOptions,
} from './kmeans'
export { formBoundedRings, type BoundedRingsResult, type FormBoundedRingsOptions } from './bounded-rings'
export {
  explainNeighbour,
  findNearestNeighbours,
  type ExplainNeighbourOptions,
  type FindNearestNeighboursOptions,
  type IndicatorContribution,
  type Neighbour,
  type NeighbourExplanation,
  type NeighbourList,
} from './neighbours'
// Everything quality.ts exports (measures of a partition) belongs to the package's surface.
export * from './quality'
export {
  assessPartition,
  assessPartitionAsync,
  clusterDistinctRows,
  createRecluster,
  defaultRingBounds,
  formPeerPartition,
  renumberLabels,
  runBootstrapWithPauses,
  type AssessPartitionOptions,
  type BootstrapPlan,
  type BootstrapRunner,
  type FormPeerPartitionOptions,
  type PartitionQuality,
  type PeerMethod,
  type PeerPartition,
  type ReclusterOptions,
} from './form-peer-groups'
export {
  deriveRegressionWeights,
  type RegressionTarget,
  type RegressionWeights,
  type TargetFit,
} from './regression-weights'
