export {
  openDatabase,
  type Database,
  type Queryable,
  type QueryResult,
  type OpenDatabaseOptions,
} from './database.js';
export { migrate, MIGRATIONS } from './migrate.js';
export {
  insertMiningJob,
  getMiningJob,
  listMiningJobs,
  acquireLease,
  renewLease,
  releaseLease,
  leaseState,
  addJobCounts,
  finishMiningJob,
  type MiningJobRow,
  type MiningJobStatus,
  type RenderMode,
  type ListMiningJobsFilter,
} from './mining-jobs.js';
export {
  enqueueUrls,
  nextPending,
  frontierCounts,
  settleUrls,
  deferUrl,
  listUnfetched,
  type FrontierEntry,
  type FrontierCounts,
  type SkippedUrl,
} from './frontier.js';
export {
  upsertPages,
  getPage,
  listPages,
  backlinks,
  pageErrorSummary,
  extractionSummary,
  type ExtractionSummary,
  type PageWrite,
  type LinkWrite,
  type PageRow,
  type ListPagesFilter,
  type Backlink,
  type PageErrorSummary,
} from './pages.js';
export {
  replacePageProfiles,
  listPageProfiles,
  listProfileResults,
  profileSummary,
  type PageProfileWrite,
  type PageProfileRow,
  type ProfileResultRow,
  type ProfileSummary,
  type ListProfileResultsFilter,
} from './page-profiles.js';
export {
  recordSchemaLinkPatterns,
  listSchemaLinkPatterns,
  type SchemaLinkPatternWrite,
  type SchemaLinkPatternRow,
} from './schema-link-patterns.js';
export {
  upsertTrainingRecords,
  rescoreTrainingRecords,
  listTrainingRecords,
  getTrainingRecord,
  trainingRecordCounts,
  topicRecords,
  type TrainingRecordWrite,
  type TrainingRecordRow,
  type ListTrainingRecordsFilter,
  type RecordCounts,
} from './training-records.js';
export {
  getTopicSettings,
  updateTopicSettings,
  listTopics,
  type TopicSettingsRow,
} from './topic-settings.js';
export {
  requestTrainingJob,
  startTrainingJob,
  reportTrainingStage,
  finishTrainingJob,
  getTrainingJob,
  listTrainingJobs,
  type TrainingKind,
  type TrainingJobStatus,
  type TrainingJobRow,
} from './training-jobs.js';
export {
  RECORD_EMBEDDING_DIMENSIONS,
  assertVectorSupport,
  upsertRecordEmbeddings,
  recordsNeedingEmbedding,
  similarRecords,
  type SimilarRecord,
} from './record-embeddings.js';
export {
  upsertModelVersion,
  setLatestModelVersion,
  listModelVersions,
  getModelVersion,
  type ModelRow,
  type ModelRowWrite,
  type ListModelsFilter,
} from './models.js';
