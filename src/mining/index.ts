export {
  MiningService,
  type MiningJobView,
  type MiningJobReport,
  type MiningEvents,
} from './mining-service.js';
export { miningJobInput, parseMiningJob, type MiningJobInput, type MiningJobSpec } from './job-spec.js';
export { SliceRunner, type SliceResult, type SliceSettings } from './slice-runner.js';
export { JobRuntimes } from './job-runtime.js';
export { scriptsNeeded } from './render-choice.js';
export { ProfileRun, cdpDomainsOf, needsBrowser } from './run-profiles.js';
export {
  extractSource,
  type ExtractSourceInput,
  type ExtractSourceResult,
  type FetchSummary,
} from './extract-source.js';
