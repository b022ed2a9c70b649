import { InvalidInputError } from '../../core/index.js';
import type { Gate, Metrics, PromotionCode } from './types.js';

export interface GateVerdict {
  pass: boolean;
  code: Exclude<PromotionCode, 'already-latest'>;
  reason: string;
}

export function checkGate(gate: Gate): void {
  if (typeof gate.metric !== 'string' || gate.metric === '')
    throw new InvalidInputError(
      'gate.metric',
      'a gate names the metric it compares, e.g. { metric: "top1" }',
    );
  if (gate.min !== undefined && !Number.isFinite(gate.min))
    throw new InvalidInputError('gate.min', `gate.min must be a finite number, got ${gate.min}`);
  if (gate.mustBeat !== undefined && gate.mustBeat !== 'latest')
    throw new InvalidInputError(
      'gate.mustBeat',
      `gate.mustBeat can only be "latest", got "${String(gate.mustBeat)}"`,
    );
}

/**
 * Whether a candidate may replace the latest version. Pure: the model store calls it under the model's
 * lock with the metrics of the candidate and of the version that is latest at that moment.
 */
export function judge(
  gate: Gate,
  candidate: Metrics,
  latest: { version: string; metrics: Metrics } | null,
): GateVerdict {
  const value = candidate[gate.metric];
  const name = gate.metric;
  if (typeof value !== 'number' || !Number.isFinite(value))
    return {
      pass: false,
      code: 'missing-metric',
      reason: `metrics.json has no number "${name}" (it has ${Object.keys(candidate).join(', ') || 'nothing'}); the gate cannot judge it`,
    };
  const higher = gate.higherIsBetter ?? true;
  const worse = (a: number, b: number): boolean => (higher ? a < b : a > b);
  if (gate.min !== undefined && worse(value, gate.min))
    return {
      pass: false,
      code: 'below-floor',
      reason: `${name} ${format(value)} is ${higher ? 'below' : 'above'} the gate's ${higher ? 'floor' : 'ceiling'} ${format(gate.min)}`,
    };
  if (gate.mustBeat === 'latest' && latest !== null) {
    const current = latest.metrics[name];
    if (typeof current === 'number' && Number.isFinite(current) && worse(value, current))
      return {
        pass: false,
        code: 'worse-than-latest',
        reason: `${name} ${format(value)} is worse than the latest version ${latest.version}'s ${format(current)}`,
      };
    if (typeof current !== 'number')
      return {
        pass: true,
        code: 'promoted',
        reason: `${name} ${format(value)}${floorText(gate)}; the latest version ${latest.version} has no ${name} to compare with`,
      };
    return {
      pass: true,
      code: 'promoted',
      reason: `${name} ${format(value)}${floorText(gate)}, not worse than the latest version ${latest.version}'s ${format(current)}`,
    };
  }
  return { pass: true, code: 'promoted', reason: `${name} ${format(value)}${floorText(gate)}` };
}

function floorText(gate: Gate): string {
  if (gate.min === undefined) return '';
  return (gate.higherIsBetter ?? true)
    ? ` meets the floor ${format(gate.min)}`
    : ` meets the ceiling ${format(gate.min)}`;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4).replace(/0+$/, '');
}
