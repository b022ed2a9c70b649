import { describeError, redactUrl, type Logger } from '../../core/index.js';
import type { LatestChange, NotificationOutcome } from './types.js';

/**
 * POST a latest-change to the configured reload URL (`GLEANER_MODEL_RELOAD_URL`): a serving process
 * elsewhere, or Gleaner's own `POST /api/models/reload` in another process. The model has been promoted
 * whatever happens here, so a failure is logged and reported, never thrown.
 */
export async function notifyReload(
  url: string,
  change: LatestChange,
  options: { timeoutMs: number; logger?: Logger | undefined },
): Promise<NotificationOutcome> {
  const shown = redactUrl(url);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(change),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    // Drain the body so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { url: shown, ok: true, status: response.status };
    options.logger?.warn(
      {
        url: shown,
        status: response.status,
        model: `${change.kind}/${change.name}`,
        version: change.version,
      },
      'model reload notification refused; the promotion stands',
    );
    return { url: shown, ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const message = describeError(error);
    options.logger?.warn(
      { url: shown, err: message, model: `${change.kind}/${change.name}`, version: change.version },
      'model reload notification failed; the promotion stands',
    );
    return { url: shown, ok: false, error: message };
  }
}
