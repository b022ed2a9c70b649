import { expect } from 'vitest';
import type { Attributes, Profile } from '../../src/profiles/index.js';

/** A profile's attributes are exactly the ones it declares, each of its declared type, and survive JSON. */
export function expectDeclaredAttributes(profile: Profile, attributes: Attributes): void {
  expect(Object.keys(attributes).sort()).toEqual(profile.attributes.map((a) => a.name).sort());
  for (const spec of profile.attributes) {
    const value = attributes[spec.name];
    if (value === null) continue;
    const kind = Array.isArray(value) ? 'array' : typeof value;
    const expected = {
      string: 'string',
      number: 'number',
      boolean: 'boolean',
      'string[]': 'array',
      'object[]': 'array',
      object: 'object',
    }[spec.type];
    expect(kind, `${profile.name}.${spec.name}`).toBe(expected);
  }
  expect(JSON.parse(JSON.stringify(attributes))).toEqual(attributes);
}
