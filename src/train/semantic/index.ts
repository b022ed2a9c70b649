export {
  loadCanonicalFile,
  parseCanonical,
  type CanonicalConcept,
  type CanonicalEntry,
  type CanonicalVocabulary,
} from './canonical.js';
export { parseCsv, type CsvRecord, type CsvParse } from './csv.js';
export {
  loadFeedbackFile,
  parseFeedbackCsv,
  type FeedbackRow,
  type FeedbackIssue,
  type FeedbackFile,
} from './feedback.js';
export {
  loadSemanticInputs,
  parseQueryLines,
  type LabelledQuery,
  type InputIssue,
  type SemanticInputs,
  type SemanticInputFiles,
} from './inputs.js';
export {
  labelSlices,
  splitFeedback,
  unitHash,
  MAX_SLICE_LABELS,
  FEEDBACK_EVALUATION_SHARE,
  FEEDBACK_CALIBRATION_SHARE,
  type HeldOutLabel,
  type LabelSlices,
  type FeedbackSplit,
} from './splits.js';
export {
  calibrate,
  decide,
  CALIBRATION_OBJECTIVE,
  DEFAULT_CALIBRATION,
  type Calibration,
  type CalibrationPair,
  type CalibrationQuery,
  type Decision,
} from './calibration.js';
export {
  conceptScores,
  goldRank,
  rankMetrics,
  type LabelScore,
  type ConceptScore,
  type RankMetrics,
} from './ranking.js';
export { LexicalIndex, type LexicalHit } from './lexical-index.js';
export { SEMANTIC_META_FILE, CALIBRATION_FILE } from './semantic-index-files.js';
export {
  SemanticIndex,
  type ConceptMatch,
  type MatchAnswer,
  type QueryCandidates,
  type SemanticIndexOptions,
} from './semantic-index.js';
export {
  loadEmbedder,
  saveEmbedder,
  parseEmbedderName,
  EMBEDDER_NAMES,
  type EmbedderName,
  type EmbedderRecipe,
} from './embedder-files.js';
export {
  buildSemanticIndex,
  type SemanticBuild,
  type SemanticBuildOptions,
  type EvaluationSource,
} from './build.js';
export { evaluate as evaluateSemanticIndex, type EvaluatedQuery } from './evaluate.js';
export { makeEmbedder, type EmbedderChoice } from './make-embedder.js';
export {
  SEMANTIC_MODES,
  SEMANTIC_INDEX_KIND,
  DEFAULT_SEMANTIC_INDEX_NAME,
  type SemanticMode,
} from './names.js';
export {
  runSemanticTraining,
  METRICS_FILE as SEMANTIC_METRICS_FILE,
  REPORT_FILE as SEMANTIC_REPORT_FILE,
  type SemanticTrainingOptions,
  type SemanticTrainingResult,
} from './modes.js';
export {
  SEMANTIC_STAGES,
  type SemanticStage,
  type SemanticProgressEvent,
  type SemanticProgress,
} from './stages.js';
