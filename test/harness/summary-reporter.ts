import type { Reporter, RunnerTestFile } from 'vitest/node';

type Task = RunnerTestFile['tasks'][number];

/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, after vitest's own summary, so that
 * tools reading only a run's last lines (CI) see the counts without parsing vitest's coloured table.
 */
export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const visit = (task: Task | RunnerTestFile): void => {
      if ('tasks' in task) {
        for (const child of task.tasks) visit(child);
        // A file or suite that failed before its tests ran (an import error) counts as one failure.
        if (task.result?.state === 'fail' && task.tasks.length === 0) counts.failed += 1;
        return;
      }
      const state = task.result?.state;
      if (state === 'pass') counts.passed += 1;
      else if (state === 'fail') counts.failed += 1;
      else counts.skipped += 1;
    };
    for (const file of files) visit(file);
    process.stdout.write(
      `\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
