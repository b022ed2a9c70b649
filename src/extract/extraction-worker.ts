import { parentPort } from 'node:worker_threads';
import { compileSelectors, type CompiledSelectors } from './selectors.js';
import { extractPage } from './extract-page.js';
import { extractStructuredData } from './structured-data.js';
import type { ExtractionReply, ExtractionRequest } from './extraction-protocol.js';

// A job's selectors arrive as their spec; compiled once per spec and kept for the job's next pages.
const MAX_CACHED_SELECTOR_SETS = 64;
const compiled = new Map<string, CompiledSelectors>();

function selectorsFor(spec: Record<string, string> | undefined): CompiledSelectors | undefined {
  if (!spec || Object.keys(spec).length === 0) return undefined;
  const key = JSON.stringify(spec);
  let selectors = compiled.get(key);
  if (!selectors) {
    selectors = compileSelectors(spec);
    if (compiled.size >= MAX_CACHED_SELECTOR_SETS) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, selectors);
  }
  return selectors;
}

parentPort?.on('message', (request: ExtractionRequest) => {
  let reply: ExtractionReply;
  try {
    if (request.kind === 'structured') {
      reply = { id: request.id, ok: true, value: extractStructuredData(request.html, request.options) };
    } else {
      const selectors = selectorsFor(request.selectors);
      reply = {
        id: request.id,
        ok: true,
        value: extractPage(request.html, {
          url: request.url,
          ...(selectors ? { selectors } : {}),
          ...(request.product === true ? { product: true } : {}),
        }),
      };
    }
  } catch (error) {
    const e = error as Error & { code?: string; field?: string };
    reply = {
      id: request.id,
      ok: false,
      error: { name: e.name, message: e.message, code: e.code ?? null, field: e.field ?? null },
    };
  }
  parentPort?.postMessage(reply);
});

// Modules are loaded: the pool starts a page's clock only from here, so start-up never counts against a page.
parentPort?.postMessage({ ready: true });
