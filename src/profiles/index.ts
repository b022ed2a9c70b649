export { listProfiles, registerProfile, resolveProfiles } from './registry.js';
export type { Profile, AttributeSpec, Attributes, CdpDomain } from './profile.js';
