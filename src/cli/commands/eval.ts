import type { Command } from 'commander';
import { InvalidInputError } from '../../core/index.js';
import type { EvalResult } from '../../evaluation/index.js';
import { EVAL_FAMILY_NAMES } from '../../evaluation/names.js';
import { createContext, type GlobalOptions } from '../context.js';
import { collect } from '../options.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(`measure a part of Gleaner on a labelled folder: ${EVAL_FAMILY_NAMES.join(', ')}`)
    .argument('<family>', 'what to evaluate')
    .argument('<folder>', 'a folder laid out like ../shared/fixtures/<family> (see its README)')
    .option(
      '--option <key=value>',
      'a family option (repeatable), e.g. --option embedder=builtin',
      collect,
      [],
    )
    .option('--rows', 'print every case, not only the metrics', false)
    .option('--embedder <name>', 'shorthand for --option embedder=NAME (occupations)')
    .action(
      async (
        family: string,
        folder: string,
        options: { option: string[]; rows: boolean; embedder?: string },
        command: Command,
      ) => {
        const ctx = createContext(command.optsWithGlobals<GlobalOptions>());
        // The evaluations load with this command only (jsonld, the semantic index), not with every CLI start.
        const { EVAL_FAMILIES } = await import('../../evaluation/index.js');
        const evaluation = EVAL_FAMILIES[family];
        if (!evaluation) {
          throw new InvalidInputError(
            'family',
            `unknown evaluation "${family}": the families are ${Object.keys(EVAL_FAMILIES).join(', ')}`,
          );
        }
        const familyOptions: Record<string, string> = {};
        for (const pair of options.option) {
          const eq = pair.indexOf('=');
          if (eq <= 0) throw new InvalidInputError('--option', `--option "${pair}": write it as key=value`);
          familyOptions[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
        if (options.embedder !== undefined) familyOptions.embedder ??= options.embedder;
        const result = await evaluation.run(folder, familyOptions);
        // The table always; with --json the last line of stdout is the result as one object (DESIGN.md).
        process.stdout.write(`${formatResult(result, options.rows).join('\n')}\n`);
        ctx.result({ family: result.family, n: result.n, metrics: result.metrics });
      },
    );
}

function formatResult(result: EvalResult, rows: boolean): string[] {
  const lines = [`${result.family}: ${result.n} cases`];
  const width = Math.max(...Object.keys(result.metrics).map((k) => k.length), 6);
  for (const [key, value] of Object.entries(result.metrics))
    lines.push(`  ${key.padEnd(width)}  ${Number.isInteger(value) ? value : value.toFixed(4)}`);
  if (rows && result.rows.length > 0) {
    const columns = Object.keys(result.rows[0]!);
    lines.push('', columns.join('\t'));
    for (const row of result.rows) lines.push(columns.map((c) => String(row[c] ?? '')).join('\t'));
  }
  return lines;
}
