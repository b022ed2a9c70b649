import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InvalidInputError } from '../../core/index.js';
import { StaticFetcher } from '../../crawl/index.js';
import { ExtractionPool } from '../../extract/index.js';
import { extractSource } from '../../mining/index.js';
import { createContext, type GlobalOptions } from '../context.js';

interface ExtractOptions {
  syntaxes?: string;
  url?: string;
  strict?: boolean;
  flat?: boolean;
  uniform?: boolean;
  withOgArray?: boolean;
  addTextContent?: boolean;
  allowPrivate: boolean;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description(
      "extract one page (a file, .gz too, or a URL): its facts, or with --syntaxes its structured data in extruct's shapes",
    )
    .argument('<source>', 'an HTML file or an http(s) URL')
    .option(
      '--syntaxes <list>',
      'comma-separated: json-ld, microdata, rdfa, opengraph, microformat, dublincore',
    )
    .option('--url <url>', "the page's URL, for a file (relative URLs resolve against it)")
    .option('--strict', 'W3C-strict microdata (type a list, every value a list)')
    .option('--flat', 'flat microdata items linked by iid / iid_ref')
    .option(
      '--uniform',
      'flatten microdata, microformats, OpenGraph and Dublin Core into JSON-LD-like objects',
    )
    .option('--with-og-array', 'with --uniform, keep repeated OpenGraph properties as lists')
    .option('--add-text-content', "add each microdata item's text")
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses', false)
    .action(async (source: string, options: ExtractOptions, command: Command) => {
      const ctx = createContext(command.optsWithGlobals<GlobalOptions>());
      const isUrl = /^https?:\/\//i.test(source);
      let html: string | undefined;
      if (!isUrl) {
        if (!existsSync(source))
          throw new InvalidInputError('source', `${source} is neither an http(s) URL nor an existing file`);
        const bytes = await readFile(source);
        html = (source.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      }
      const pool = new ExtractionPool({
        workers: 1,
        timeoutMs: ctx.config.extractTimeoutMs,
        maxMemoryMb: ctx.config.extractMaxMemoryMb,
      });
      const fetcher = new StaticFetcher(ctx.config);
      try {
        const result = await extractSource(
          {
            html,
            url: isUrl ? source : options.url,
            syntaxes: options.syntaxes
              ?.split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            strict: options.strict,
            nested: options.flat ? false : undefined,
            uniform: options.uniform,
            withOgArray: options.withOgArray,
            addTextContent: options.addTextContent,
          },
          {
            pool,
            fetcher,
            allowPrivateAddresses: options.allowPrivate || ctx.config.allowPrivateAddresses,
            timeoutMs: ctx.config.requestTimeoutMs,
          },
        );
        process.stdout.write(`${ctx.json ? JSON.stringify(result) : JSON.stringify(result, null, 2)}\n`);
      } finally {
        await pool.close();
        await fetcher.close();
      }
    });
}
