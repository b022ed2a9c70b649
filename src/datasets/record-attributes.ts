/** One attribute of a training record: its value and where it came from. */
export interface RecordAttribute {
  value: unknown;
  /** 0..1: how sure the extractor (or the model, for a predicted value) is. */
  confidence: number;
  /** Where the value came from: `json-ld`, `microdata`, `visible`, … or `model:<version>` when predicted. */
  source: string;
  /** Filled by the topic's model rather than read from the page. */
  predicted?: boolean;
}

export type RecordAttributes = Record<string, RecordAttribute>;

/** A value counts as present when it is not null, not blank and not an empty list. */
export function hasValue(attribute: RecordAttribute | undefined): attribute is RecordAttribute {
  if (!attribute) return false;
  const { value } = attribute;
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
