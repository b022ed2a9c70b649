import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { API_ROUTES } from '../../src/api/server.js';
import { openApiDocument } from '../../src/api/openapi.js';
import { profileRoutes } from '../../src/api/routes/profiles.js';
import { registerProfiles } from '../../src/cli/commands/profiles.js';
// The product profile registers with the datasets module, as the CLI and the API load it.
import '../../src/datasets/index.js';
import {
  BUILTIN_PROFILES,
  describeProfile,
  listProfiles,
  profilesMarkdown,
  resolveProfiles,
} from '../../src/profiles/index.js';

const TYPES = ['string', 'number', 'boolean', 'string[]', 'object', 'object[]'];

describe('the profile registry', () => {
  it('registers the built-in profiles, each declaring 10 to 15 typed, described attributes and a quality rule', () => {
    const names = listProfiles().map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'seo_optimizer',
        'performance_optimizer',
        'accessibility_analyzer',
        'design_system_analyzer',
        'component_generator',
        'ux_pattern_analyzer',
        'workflow_predictor',
        'schema_linker',
      ]),
    );
    for (const profile of listProfiles()) {
      expect(profile.attributes.length, profile.name).toBeGreaterThanOrEqual(10);
      expect(profile.attributes.length, profile.name).toBeLessThanOrEqual(15);
      expect(new Set(profile.attributes.map((a) => a.name)).size).toBe(profile.attributes.length);
      for (const a of profile.attributes) {
        expect(TYPES).toContain(a.type);
        expect(a.description.length, `${profile.name}.${a.name}`).toBeGreaterThan(10);
      }
      expect(profile.qualityRule.length).toBeGreaterThan(40);
      expect(profile.description.length).toBeGreaterThan(20);
    }
    expect(resolveProfiles(['all'])).toEqual(listProfiles());
    expect(BUILTIN_PROFILES.filter((p) => !p.needsBrowser).map((p) => p.name)).toEqual([
      'seo_optimizer',
      'schema_linker',
    ]);
  });

  it('documents every profile and attribute in docs/profiles.md (regenerate with `gleaner profiles --markdown`)', () => {
    const doc = readFileSync(new URL('../../docs/profiles.md', import.meta.url), 'utf8');
    for (const profile of listProfiles()) {
      expect(doc, profile.name).toContain(`### \`${profile.name}\``);
      for (const a of profile.attributes)
        expect(doc, `${profile.name}.${a.name}`).toContain(`| \`${a.name}\` |`);
    }
    expect(doc).toContain(profilesMarkdown(BUILTIN_PROFILES));
  });

  it('lists the profiles at GET /api/profiles, in the OpenAPI document too', async () => {
    const route = profileRoutes[0]!;
    expect(route).toMatchObject({ method: 'GET', path: '/api/profiles' });
    const body = (await route.handler({} as Parameters<typeof route.handler>[0])) as {
      profiles: ReturnType<typeof describeProfile>[];
    };
    expect(body.profiles.map((p) => p.name)).toEqual(listProfiles().map((p) => p.name));
    expect(body.profiles.find((p) => p.name === 'accessibility_analyzer')).toMatchObject({
      needsBrowser: true,
      cdpDomains: ['Accessibility'],
      exclusive: true,
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
    const doc = openApiDocument(API_ROUTES, 'test') as { paths: Record<string, unknown> };
    expect(doc.paths['/api/profiles']).toBeDefined();
  });

  it('prints them with `gleaner profiles`, as JSON with --json and as Markdown with --markdown', async () => {
    const run = async (args: string[]): Promise<string> => {
      const program = new Command('gleaner').option('--json').exitOverride();
      registerProfiles(program);
      const writes: string[] = [];
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        writes.push(String(chunk));
        return true;
      });
      try {
        await program.parseAsync(['node', 'gleaner', ...args]);
      } finally {
        spy.mockRestore();
      }
      return writes.join('');
    };
    const json = JSON.parse((await run(['--json', 'profiles'])).trim().split('\n').at(-1)!) as {
      profiles: { name: string; attributes: unknown[] }[];
    };
    expect(json.profiles).toEqual(listProfiles().map(describeProfile));
    const human = await run(['profiles']);
    for (const profile of listProfiles()) {
      expect(human).toContain(profile.name);
      for (const a of profile.attributes) expect(human).toContain(a.name);
    }
    expect(await run(['profiles', '--markdown'])).toBe(profilesMarkdown(listProfiles()));
  });
});
