export { BrowserFetcher, type BrowserFetcherOptions, type BrowserFetcherStats } from './browser-fetcher.js';
export { assertChromium } from './chromium.js';
export { treeMemoryMb, processTree } from './process-memory.js';
export { evaluateExpression } from './evaluate.js';
