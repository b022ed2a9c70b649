import type { MiningJobReport } from '../mining/index.js';
import type { ExtractionSummary } from '../store/index.js';

/** The human summary of a finished mining job. */
export function formatJobSummary(report: MiningJobReport, facts: ExtractionSummary | null): string[] {
  const seconds =
    report.startedAt && report.finishedAt
      ? (report.finishedAt.getTime() - report.startedAt.getTime()) / 1000
      : null;
  const attempted = report.pagesStored + report.pagesFailed;
  const lines = [
    `job ${report.id} (${report.topic}): ${report.status}${report.error ? ` — ${report.error}` : ''}`,
    `  pages stored ${report.pagesStored}, bad pages ${report.pagesFailed}, URLs skipped ${report.urlsSkipped}, still queued ${report.frontier.pending}` +
      (seconds ? `, ${seconds.toFixed(1)} s (${(attempted / seconds).toFixed(1)} pages/s)` : ''),
  ];
  if (facts) {
    lines.push(
      `  found: ${facts.pagesWithJsonLd} pages with JSON-LD (${facts.jsonLdErrors} invalid blocks skipped), ${facts.pagesWithMicrodata} with microdata, ` +
        `${facts.pagesWithRdfa} with RDFa, ${facts.pagesWithOpenGraph} with OpenGraph, ${facts.pagesWithArticle} with article text`,
      `         ${facts.links} links (${facts.internalLinks} internal), ${facts.images} images (${facts.imagesWithoutAlt} without alt)`,
    );
  }
  if (report.profiles.length > 0) {
    lines.push('  profiles (pages, failed, mean quality 0-100, mean ms a page):');
    for (const p of report.profiles)
      lines.push(
        `    ${p.profile.padEnd(24)} ${String(p.pages).padStart(6)} ${String(p.failed).padStart(6)}  ${p.meanQuality === null ? '   –' : p.meanQuality.toFixed(1).padStart(5)}  ${String(p.meanDurationMs).padStart(6)}`,
      );
  }
  const { records } = report;
  if (records.records > 0)
    lines.push(
      `  training records ${records.records}, of which ${records.needsTrainingData} need training data (a required field missing or doubtful): gleaner records --job ${report.id}`,
    );
  if (report.pagesStored + report.pagesFailed >= report.spec.maxPages && report.frontier.pending > 0) {
    lines.push(`  stopped at the page limit (${report.spec.maxPages}); raise it with --max-pages`);
  }
  if (report.errors.length > 0) {
    lines.push('  bad pages by reason:');
    for (const e of report.errors)
      lines.push(`    ${String(e.count).padStart(5)}  ${e.errorCode ?? 'error'}  e.g. ${e.example}`);
  }
  const skipped = new Map<string, { count: number; example: string }>();
  for (const u of report.unfetched.filter((u) => u.state === 'skipped')) {
    const key = u.reason ?? 'skipped';
    const entry = skipped.get(key) ?? { count: 0, example: u.url };
    entry.count++;
    skipped.set(key, entry);
  }
  if (skipped.size > 0) {
    lines.push('  URLs not fetched:');
    for (const [reason, e] of skipped)
      lines.push(`    ${String(e.count).padStart(5)}  ${reason}  e.g. ${e.example}`);
  }
  return lines;
}
