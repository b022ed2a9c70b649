/** Chrome DevTools Protocol domains a profile needs enabled on the page it gathers from. */
export type CdpDomain =
  'DOM' | 'CSS' | 'DOMSnapshot' | 'Accessibility' | 'Performance' | 'Network' | 'Runtime' | 'Page';

export interface AttributeSpec {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'string[]' | 'object' | 'object[]';
  description: string;
}

export type Attributes = Record<string, unknown>;

/** A mining profile: what it reads from a page, the attributes it yields and how it scores them (0-100). */
export interface Profile {
  name: string;
  description: string;
  /** Whether it needs a rendered page (browser) or can work from the fetched HTML alone. */
  needsBrowser: boolean;
  cdpDomains: CdpDomain[];
  attributes: AttributeSpec[];
}
