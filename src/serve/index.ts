export {
  SemanticMatcher,
  NoPromotedModelError,
  MAX_QUERIES_PER_REQUEST,
  MAX_K,
  type SemanticMatcherOptions,
  type MatchRequest,
  type MatchResponse,
  type LoadedIndex,
  type ReloadOutcome,
} from './semantic-matcher.js';
