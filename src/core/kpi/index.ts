/** The pure key-figure core: formula language, figure definitions, evaluator and statistics. */
export type {
  BinaryNode,
  BinaryOperator,
  BreakdownNode,
  CallNode,
  FormulaNode,
  IdentifierNode,
  NegateNode,
  NumberNode,
  WindowFunction,
} from './formula-ast'
export { formatFormula, walkFormula, WINDOW_FUNCTIONS } from './formula-ast'
export { tokenizeFormula, type Token, type TokenKind } from './formula-lexer'
export { MAX_FORMULA_MONTHS, parseFormula } from './formula-parser'
export {
  checkFormulaLength,
  checkFormulaLimits,
  FORMULA_LIMITS,
  MAX_REQUIRED_MONTHS,
  OWN_FIGURE_LIMITS,
} from './formula-limits'
export {
  computeRequiredHistory,
  suggestCode,
  validateFormula,
  type FormulaReferences,
  type FormulaVocabulary,
} from './formula-validate'
export {
  checkFigureDefinitions,
  checkNewFigureDefinition,
  listFigureBreakdowns,
  selectFigureVersion,
  SEX_BREAKDOWN_NAMES,
  transformRatio,
  type CheckedFigure,
  type DisplayTransform,
  type FigureDefinition,
} from './figure-definition'
export {
  betterSign,
  judgeDifference,
  orientationOf,
  POLARITIES,
  POLARITY_NAMES,
  type Judgement,
  type Polarity,
} from './polarity'
export { KENNZAHLEN_LEGAL_SOURCE, OFFICIAL_FIGURES } from './official-figures'
export {
  compileFigures,
  evaluateFigure,
  evaluateFigures,
  MISSING_REASONS,
  type CompiledFigure,
  type DataMissingReason,
  type EvaluateFiguresOptions,
  type FigureSeriesResult,
  type MissingDetail,
  type MissingReason,
  type MonthlySeries,
  type OrganisationFigureResult,
  type OrganisationSeries,
} from './evaluate'
export {
  computeChangeToPreviousYear,
  computeGroupStatistics,
  computeQuantile,
  computeTrend12,
  isMissingValue,
  type GroupMemberStatistics,
  type GroupMemberValue,
  type GroupStatistics,
} from './group-stats'
export {
  logGamma,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTDensity,
  studentTQuantile,
  studentTTwoSidedP,
  studentTUpperTail,
} from './student-t'
export {
  classifyResidual,
  fitOls,
  type OlsCoefficient,
  type OlsObservation,
  type OlsPredictor,
  type OlsResult,
  type ResidualClass,
} from './ols'
export { explainExpectation, type ExplanationLocale } from './explain-expectation'
export {
  findExcellence,
  type ConsistencyLeader,
  type ContextLeader,
  type ExcellenceMember,
  type ExcellenceResult,
  type ImprovementLeader,
  type LevelLeader,
} from './excellence'
export {
  reconcileFigureValues,
  roundingTolerance,
  type ComputedParts,
  type PublishedParts,
  type ReconciledPart,
  type Reconciliation,
  type ReconciliationFinding,
  type ReconciliationPair,
} from './reconcile'
export { combineSources, type SourceMix, type ValueSource } from './value-source'
