import { Command, CommanderError } from 'commander';
import { describeError, GleanerError, InvalidInputError } from '../core/index.js';
import { packageVersion } from './context.js';
import { registerDemo } from './commands/demo.js';
import { registerEval } from './commands/eval.js';
import { registerExtract } from './commands/extract.js';
import { registerJobs } from './commands/jobs.js';
import { registerMine } from './commands/mine.js';
import { registerProfiles } from './commands/profiles.js';
import { registerModels } from './commands/models.js';
import { registerRecords } from './commands/records.js';
import { registerServe } from './commands/serve.js';
import { registerTrain } from './commands/train.js';
import { registerWorker } from './commands/worker.js';

export function buildProgram(): Command {
  const program = new Command('gleaner')
    .description('Mine the web into training data; train, version and serve the models that fill its gaps.')
    .version(packageVersion())
    .option('--data-dir <dir>', 'folder of the embedded database and models (env GLEANER_DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL instead of the embedded database (env DATABASE_URL)')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (env GLEANER_LOG_LEVEL)')
    .option('--json', 'print the result as one JSON line on stdout')
    .showHelpAfterError()
    .exitOverride();
  registerDemo(program);
  registerMine(program);
  registerServe(program);
  registerWorker(program);
  registerJobs(program);
  registerEval(program);
  registerExtract(program);
  registerProfiles(program);
  registerModels(program);
  registerRecords(program);
  registerTrain(program);
  return program;
}

/** Run the CLI; errors print what failed and how to fix it, never a stack trace for a known error. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof InvalidInputError) process.stderr.write(`gleaner: ${error.message}\n`);
    else if (error instanceof GleanerError) process.stderr.write(`gleaner: ${error.message}\n`);
    else
      process.stderr.write(
        `gleaner: unexpected error: ${describeError(error)}\n${(error as Error).stack ?? ''}\n`,
      );
    return error instanceof InvalidInputError ? 2 : 1;
  }
}
