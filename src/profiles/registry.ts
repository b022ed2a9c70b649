import { InvalidInputError } from '../core/index.js';
import type { Profile } from './profile.js';

/**
 * The mining profiles by name. Each profile is a module of its own; a job names the ones it wants and
 * one page load feeds all of them. Profiles register here as they are built.
 */
const PROFILES = new Map<string, Profile>();

export function listProfiles(): Profile[] {
  return [...PROFILES.values()];
}

export function registerProfile(profile: Profile): void {
  if (PROFILES.has(profile.name)) throw new Error(`profile ${profile.name} is registered twice`);
  PROFILES.set(profile.name, profile);
}

/** The profiles of these names (`all` means every one); an unknown name is an error that lists the known ones. */
export function resolveProfiles(names: readonly string[], field = 'profiles'): Profile[] {
  if (names.includes('all')) return listProfiles();
  return names.map((name, i) => {
    const profile = PROFILES.get(name);
    if (!profile) {
      const known = [...PROFILES.keys()];
      throw new InvalidInputError(
        `${field}.${i}`,
        `unknown profile "${name}": known profiles are ${known.length ? known.join(', ') : '(none registered)'}, or "all"`,
      );
    }
    return profile;
  });
}
