import type { Command } from 'commander';
import { buildApi } from '../../api/index.js';
import { FatalError } from '../../core/index.js';
import { startGleaner, type Gleaner } from '../../runtime/index.js';
import {
  apiKeysFor,
  createContext,
  packageVersion,
  type CliContext,
  type GlobalOptions,
} from '../context.js';
import { onShutdown, parseIntOption } from '../options.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (and, unless --workers 0, the workers) until stopped')
    .option('--host <host>', 'interface to listen on')
    .option('--port <port>', 'port to listen on', parseIntOption('--port'))
    .option(
      '--workers <n>',
      'mining jobs this process runs at once (0: API only)',
      parseIntOption('--workers'),
    )
    .action(async (options: { host?: string; port?: number; workers?: number }, command: Command) => {
      const ctx = createContext(
        command.optsWithGlobals<GlobalOptions>(),
        { host: options.host, port: options.port },
        'server',
      );
      const gleaner = await startGleaner({
        config: ctx.config,
        logger: ctx.logger,
        workers: options.workers ?? ctx.config.workerConcurrency,
      });
      const url = await serveApi(gleaner, ctx);
      ctx.result({ url });
      await untilShutdown();
      await gleaner.close();
    });
}

/** Listen with the API; prints the URL and the key to use. Returns the URL. */
export async function serveApi(gleaner: Gleaner, ctx: CliContext): Promise<string> {
  const { keys, generated } = apiKeysFor(ctx.config);
  const app = buildApi(gleaner, { apiKeys: keys, version: packageVersion() });
  try {
    await app.listen({ host: ctx.config.host, port: ctx.config.port });
  } catch (error) {
    throw new FatalError(
      `cannot listen on ${ctx.config.host}:${ctx.config.port}: ${(error as Error).message}. Choose another with --port or GLEANER_PORT.`,
      { cause: error },
    );
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : ctx.config.port;
  const url = `http://${ctx.config.host.includes(':') ? `[${ctx.config.host}]` : ctx.config.host}:${port}`;
  ctx.say(`API listening on ${url}  (OpenAPI: ${url}/api/openapi.json)`);
  ctx.logger.info({ url }, 'API listening');
  if (generated)
    ctx.say(
      `API key (kept in ${ctx.config.dataDir}/api-key): ${generated}\n  try: curl -H 'x-api-key: ${generated}' ${url}/api/mining-jobs`,
    );
  const closeGleaner = gleaner.close.bind(gleaner);
  // Close the listener before the database, so no request arrives at a closed store.
  Object.assign(gleaner, {
    close: async () => {
      await app.close();
      await closeGleaner();
    },
  });
  return url;
}

export function untilShutdown(): Promise<void> {
  return new Promise((resolve) => {
    const remove = onShutdown(() => {
      remove();
      resolve();
    });
  });
}
