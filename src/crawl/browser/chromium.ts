import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { FatalError, describeError } from '../../core/index.js';

/**
 * The flags of DESIGN.md, and why the others are there:
 * - site isolation off: every navigation to another site would otherwise swap renderer processes (measured
 *   about 2× slower with a blank page between pages); the tabs hold no secrets to isolate.
 * - no background throttling: headless tabs count as hidden, and throttled timers stall script-rendered pages.
 * - no WebUI omnibox pop-ups: headless Chromium still builds a window per browser context, with two
 *   pop-up renderers of its own (chrome://omnibox-popup.top-chrome): 110 MB of PSS for two tabs.
 * - no back-forward cache: a page navigated away from would stay alive in it.
 * Popup blocking stays on (puppeteer turns it off by default): `window.open` without a click is refused.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-site-isolation-trials',
  '--disable-features=site-per-process,IsolateOrigins,BackForwardCache,InterestFeedContentSuggestions,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-extensions',
  '--mute-audio',
  '--hide-scrollbars',
  '--window-size=1366,900',
];

/** The tabs' viewport, CSS pixels (the window size above). */
export const VIEWPORT = { width: 1366, height: 900 } as const;

/**
 * The scale of the tabs' output image (CDP `Emulation.setDeviceMetricsOverride`'s `scale`). Pages still
 * lay out, paint and report paint timings at the viewport above, with a device pixel ratio of 1 (a test
 * checks what the page sees); only the rasterized image, which nothing reads, is a quarter of its size.
 * Two paired runs of the browser-mining benchmark: JSON-LD only 107 and 105 against 117 and 108 ms of CPU
 * a page, 282-286 against 365-374 MB of Chromium PSS; all profiles 325 and 304 against 330 and 325 ms,
 * about 400 against 425 MB.
 */
export const OUTPUT_SCALE = 0.25;

export interface ChromiumOptions {
  /** The Chrome or Chromium executable. @example '/usr/bin/chromium' */
  executablePath: string;
  userAgent: string;
  /** V8 old-space limit of each renderer: past it the tab crashes instead of eating the machine. */
  rendererHeapMb: number;
}

/** A running Chromium with its own temporary profile folder, removed when it closes. */
export interface Chromium {
  browser: Browser;
  pid: number | null;
  close(): Promise<void>;
}

/** Refuse at once, with the fix, when the executable is not there. */
export function assertChromium(executablePath: string): void {
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new FatalError(
      `Chromium was not found at ${executablePath} (it renders pages for --render browser and auto, and for the browser profiles). ` +
        'Install it (Debian/Ubuntu: apt-get install chromium-headless-shell, or chromium) or set CHROME_PATH to a Chrome or Chromium executable.',
      { code: 'browser-missing' },
    );
  }
}

export async function launchChromium(options: ChromiumOptions): Promise<Chromium> {
  assertChromium(options.executablePath);
  // puppeteer-core loads with the first browser, not with every process that might start one.
  const { default: puppeteer } = await import('puppeteer-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'gleaner-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: options.executablePath,
      headless: true,
      pipe: true,
      userDataDir,
      defaultViewport: VIEWPORT,
      ignoreDefaultArgs: ['--disable-popup-blocking'],
      // Our own signal handling closes the browser; puppeteer's would race it.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      protocolTimeout: 30_000,
      args: [
        ...CHROMIUM_ARGS,
        `--user-agent=${options.userAgent}`,
        `--js-flags=--max-old-space-size=${options.rendererHeapMb}`,
      ],
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new FatalError(
      `Chromium at ${options.executablePath} did not start: ${describeError(error)}. ` +
        'Check that it runs (chromium --headless --version), or set CHROME_PATH to another executable.',
      { code: 'browser-launch', cause: error },
    );
  }
  // The window Chromium opens at start is not a tab of ours: its renderer would hold ~30 MB for nothing.
  for (const page of await browser.pages().catch(() => [])) await page.close().catch(() => undefined);
  let closing: Promise<void> | null = null;
  return {
    browser,
    pid: browser.process()?.pid ?? null,
    close() {
      closing ??= (async () => {
        const child = browser.process();
        await Promise.race([browser.close().catch(() => undefined), delay(5_000)]);
        // A browser that did not close in time is killed: an orphan Chromium keeps hundreds of MB.
        if (child && child.exitCode === null && child.signalCode === null) killTree(child);
        await removeProfile(userDataDir);
      })();
      return closing;
    },
  };
}

/**
 * Chromium's helper processes may still write into the profile for a moment after the browser process
 * is gone (a killed browser's renderers above all): retry for a while, then leave it to the OS's tmp
 * cleaning rather than fail a close.
 */
async function removeProfile(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    try {
      await rm(dir, { recursive: true, force: true });
      return;
    } catch {
      await delay(200);
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Kill the browser with its whole process group: puppeteer starts it detached, as the group's leader, so
 * the renderers go too, and so does the browser when CHROME_PATH is a wrapper script that did not `exec`.
 */
function killTree(child: { pid?: number | undefined; kill(signal: NodeJS.Signals): boolean }): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
