import type { AttributeSpec, CdpDomain, Profile } from './profile.js';

/** A profile as `gleaner profiles` and `GET /api/profiles` show it: everything but its functions. */
export interface ProfileDescription {
  name: string;
  description: string;
  needsBrowser: boolean;
  cdpDomains: CdpDomain[];
  /** Runs after the other profiles, alone (it changes the page). */
  exclusive: boolean;
  attributes: AttributeSpec[];
  qualityRule: string;
}

export function describeProfile(profile: Profile): ProfileDescription {
  return {
    name: profile.name,
    description: profile.description,
    needsBrowser: profile.needsBrowser,
    cdpDomains: [...profile.cdpDomains],
    exclusive: profile.exclusive ?? false,
    attributes: profile.attributes.map((a) => ({ ...a })),
    qualityRule: profile.qualityRule,
  };
}

/**
 * The profiles' reference as Markdown: one section per profile with its CDP domains, attribute table and
 * quality rule. `docs/profiles.md` carries this output (`gleaner profiles --markdown`), so the page lists
 * exactly what the code declares.
 */
export function profilesMarkdown(profiles: readonly Profile[]): string {
  // Table cells: a pipe would end the cell, a `<` start an HTML tag.
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');
  return profiles
    .map((p) => {
      const mode = p.needsBrowser ? 'browser only' : 'static or browser';
      const domains = p.cdpDomains.length ? p.cdpDomains.map((d) => `\`${d}\``).join(', ') : 'none';
      return [
        `### \`${p.name}\``,
        '',
        p.description,
        '',
        `- Mode: ${mode}${p.exclusive ? '; runs after the other profiles, alone' : ''}`,
        `- CDP domains: ${domains}`,
        '',
        '| attribute | type | description |',
        '| --- | --- | --- |',
        ...p.attributes.map((a) => `| \`${a.name}\` | ${a.type} | ${cell(a.description)} |`),
        '',
        `**Quality (0-100).** ${cell(p.qualityRule)}`,
        '',
      ].join('\n');
    })
    .join('\n');
}
