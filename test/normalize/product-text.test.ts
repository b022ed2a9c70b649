import { describe, expect, it } from 'vitest';
import { cleanDescription, cleanName, cleanText } from '../../src/normalize/index.js';

describe('cleanName and cleanDescription', () => {
  it('decode entities, drop markup and collapse whitespace', () => {
    expect(cleanName('  Fish &amp; Chips\n\t Deluxe ')).toBe('Fish & Chips Deluxe');
    expect(cleanName('Origins A Perfect World&trade; SPF&nbsp;40')).toBe('Origins A Perfect World™ SPF 40');
    expect(cleanDescription('<p>Light.</p><p>Strong &amp; quiet.</p>')).toBe('Light. Strong & quiet.');
    // Escaped twice by the template: still text in the end.
    expect(cleanDescription('&lt;p&gt;Ravensburger &amp;amp; friends&lt;/p&gt;')).toBe(
      'Ravensburger & friends',
    );
    expect(cleanName('Тефаль — сковорода 24 см')).toBe('Тефаль — сковорода 24 см');
  });

  it('caps the length at a word boundary', () => {
    const long = `${'word '.repeat(100)}end`;
    const capped = cleanText(long, 50);
    expect(capped!.length).toBeLessThanOrEqual(50);
    expect(capped!.endsWith('word…')).toBe(true);
    expect(cleanName('x'.repeat(400))!.length).toBe(300);
  });

  it('gives null for nothing', () => {
    expect(cleanName('   ')).toBeNull();
    expect(cleanName('<br>')).toBeNull();
    expect(cleanDescription(undefined)).toBeNull();
  });
});
