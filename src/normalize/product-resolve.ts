import type {
  AttributeSource,
  ProductAttribute,
  ProductAttributeName,
  ProductIssue,
} from './product-attributes.js';

/**
 * How one attribute's value is chosen among its normalized candidates, and when a disagreement is a
 * conflict worth recording. The rule:
 *
 * 1. Candidates whose normalized values are equal form one group (`1.299,00 €` in the page and `1299` in
 *    the JSON-LD agree).
 * 2. Each source is one vote, weighted by its best candidate's confidence; a group's weight is the sum of
 *    its sources' votes. Two independent sources saying the same outweigh one that says otherwise
 *    (OpenGraph and the visible page against a stale JSON-LD price), one strong source outweighs one weak.
 * 3. The heaviest group wins; a tie goes to the group seen first (candidates come best first). Its
 *    confidence is the chance that not every agreeing source is wrong, `1 − Π(1 − cᵢ)`, capped at
 *    `MAX_CONFIDENCE`.
 * 4. Another group with a candidate of confidence at least `CONFLICT_FLOOR` from a source the winner does
 *    not have is a conflict: recorded as an issue naming both values and sources, and the winner's
 *    confidence is multiplied by `CONFLICT_PENALTY`.
 */
export const MAX_CONFIDENCE = 0.99;
export const CONFLICT_FLOOR = 0.5;
export const CONFLICT_PENALTY = 0.85;

export interface Normalized<T> {
  value: T;
  /** Equality key of the value (the value itself for strings). */
  key: string;
  source: AttributeSource;
  confidence: number;
}

export function resolveAttribute<T>(
  attribute: ProductAttributeName,
  candidates: readonly Normalized<T>[],
  issues: ProductIssue[],
  options: { recordConflicts: boolean },
): ProductAttribute<T> | undefined {
  if (candidates.length === 0) return undefined;
  const groups: { members: Normalized<T>[]; score: number }[] = [];
  const byKey = new Map<string, { members: Normalized<T>[]; score: number }>();
  for (const candidate of candidates) {
    let group = byKey.get(candidate.key);
    if (group === undefined) {
      group = { members: [], score: 0 };
      byKey.set(candidate.key, group);
      groups.push(group);
    }
    group.members.push(candidate);
  }
  const agreement = new Map<{ members: Normalized<T>[]; score: number }, number>();
  for (const group of groups) {
    const bySource = new Map<AttributeSource, number>();
    for (const m of group.members)
      bySource.set(m.source, Math.max(bySource.get(m.source) ?? 0, m.confidence));
    let weight = 0;
    let allWrong = 1;
    for (const c of bySource.values()) {
      weight += c;
      allWrong *= 1 - c;
    }
    group.score = weight;
    agreement.set(group, Math.min(MAX_CONFIDENCE, 1 - allWrong));
  }
  let winner = groups[0]!;
  for (const group of groups) if (group.score > winner.score) winner = group;
  const lead = winner.members.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  let confidence = agreement.get(winner) ?? 0;
  if (options.recordConflicts) {
    const winnerSources = new Set(winner.members.map((m) => m.source));
    const rivals = groups.filter(
      (g) =>
        g !== winner && g.members.some((m) => m.confidence >= CONFLICT_FLOOR && !winnerSources.has(m.source)),
    );
    if (rivals.length > 0) {
      confidence *= CONFLICT_PENALTY;
      const describe = (g: { members: Normalized<T>[] }) =>
        `${g.members[0]!.key} (${[...new Set(g.members.map((m) => m.source))].join(', ')})`;
      issues.push({
        attribute,
        reason: `conflicting values across sources: kept ${describe(winner)} over ${rivals.map(describe).join(', ')}`,
      });
    }
  }
  return { value: lead.value, confidence: Math.round(confidence * 1000) / 1000, source: lead.source };
}
