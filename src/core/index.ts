export {
  resolveConfig,
  CONFIG_ENV_NAMES,
  SLICE_EXPIRY_MARGIN_SECONDS,
  type GleanerConfig,
  type GleanerConfigOptions,
  type ResolveConfigInput,
} from './config.js';
export { defaultChromePath, CHROME_CANDIDATES } from './chrome-path.js';
export {
  GleanerError,
  RetryableError,
  SkipError,
  FatalError,
  InvalidInputError,
  NotFoundError,
  policyOf,
  describeError,
  type ErrorPolicy,
  type GleanerErrorOptions,
} from './errors.js';
export { createLogger, redactUrl, type Logger, type LoggerOptions } from './logger.js';
export { TypedEmitter, type ProgressEvent } from './events.js';
export { contentHash, randomToken } from './ids.js';
