export { listProfiles, registerProfile, resolveProfiles } from './registry.js';
export type {
  Profile,
  AttributeSpec,
  Attributes,
  CdpDomain,
  GatherContext,
  PageSnapshot,
} from './profile.js';
