// The page in headless chromium, for the Playwright tests: a static server
// of www/ on a free port, Debian's chromium, and a page that may reach
// nothing but its own origin (no CDN).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { wasmDir } from './helpers.mjs';

const www = path.join(wasmDir, 'www');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A static server of www/ on 127.0.0.1, on a free port. */
function serve() {
  return new Promise((resolve) => {
    const s = createServer((req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const file = path.join(www, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
      if (!file.startsWith(www) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

/**
 * Starts the server and the browser: `{ openPage, newPage, close, base }`.
 * `openPage()` gives `{ page, errors }` once the page's engine is ready
 * (`errors` collects the page's uncaught errors); `newPage()` a blank tab,
 * and `base` the page's address.
 */
export async function startBrowser() {
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  async function openPage() {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    await page.route('**/*', (r) => (r.request().url().startsWith(base) ? r.continue() : r.abort()));
    await page.goto(base);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    return { page, errors };
  }
  async function close() {
    await browser.close();
    server.close();
  }
  return { openPage, newPage: (options) => browser.newPage(options), close, base };
}
