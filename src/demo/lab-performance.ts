import { renderDocument } from './layout.js';
import type { RenderContext } from './render-context.js';
import type { DemoLabTruth } from './types.js';

/** `/lab/performance`: a render-blocking stylesheet and script, long main-thread tasks, a big DOM, a layout shift. */

export const LAB_PERFORMANCE_PATH = '/lab/performance';
export const LAB_BLOCKING_CSS = '/static/lab/blocking.css';
export const LAB_BLOCKING_JS = '/static/lab/blocking.js';

const ROWS = 400;
const LONG_TASK_MS = 120;

export const LAB_PERFORMANCE_TRUTH: Omit<DemoLabTruth['performance'], 'path'> = {
  renderBlocking: [LAB_BLOCKING_CSS, LAB_BLOCKING_JS],
  longTaskMs: LONG_TASK_MS,
  domElements: ROWS * 4,
};

export const LAB_BLOCKING_CSS_BODY = `.perf-table { border-collapse: collapse; } .perf-table td { padding: 2px 8px; }
.perf-banner { height: 160px; background: #ffe8a3; }
`;

// Synchronous in the head: it blocks parsing and rendering until it has run.
export const LAB_BLOCKING_JS_BODY = `window.labStartedAt = performance.now();
`;

export function renderLabPerformance(ctx: RenderContext): string {
  const rows = Array.from(
    { length: ROWS },
    (_, i) => `<tr><td>${i + 1}</td><td>Item ${i + 1}</td><td>${(i * 7) % 100}</td></tr>`,
  );
  // The busy loops make long tasks; the banner, added after the first frame, shifts the table down.
  const script = `<script>
(function () {
  function busy(ms) { var end = performance.now() + ms; while (performance.now() < end) {} }
  busy(${LONG_TASK_MS});
  requestAnimationFrame(function () {
    setTimeout(function () {
      var banner = document.createElement('div');
      banner.className = 'perf-banner';
      banner.textContent = 'Late banner';
      var main = document.getElementById('perf');
      main.insertBefore(banner, main.firstChild);
      busy(60);
    }, 0);
  });
})();
</script>`;
  const main = `<div id="perf">
<h1>Performance lab</h1>
<p>A page that costs its visitors: a blocking stylesheet and script, long tasks on the main thread, ${ROWS} table rows and a banner that pushes the content down after the first paint.</p>
<table class="perf-table"><tbody>
${rows.join('\n')}
</tbody></table>
</div>
${script}`;
  return renderDocument(
    ctx,
    {
      path: LAB_PERFORMANCE_PATH,
      title: 'Performance lab',
      description:
        'Render-blocking resources, long tasks, a large DOM and a layout shift, for performance audits.',
      ogType: 'website',
      head: `<link rel="stylesheet" href="${LAB_BLOCKING_CSS}">\n<script src="${LAB_BLOCKING_JS}"></script>\n`,
    },
    main,
  );
}
