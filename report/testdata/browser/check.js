// check.js opens laatu's HTML reports in headless Chromium and reports, as
// JSON on stdout, what report/html_browser_test.go checks: axe-core's WCAG
// 2.1 AA violations and the page's width at each window width, and a PDF of
// each page printed on A4 (and, when asked, screenshots).
//
// Usage: node check.js JOB.json, where the job is
//   {"chromium": "/usr/bin/chromium", "widths": [1280, 390],
//    "pages": [{"name": "compare-fi", "path": "/tmp/x.html", "pdf": "/tmp/x.pdf", "noAxe": false}],
//    "shots": "/tmp/dir or empty"}
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function main() {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await chromium.launch({
    executablePath: job.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const out = new Array(job.pages.length);
  // Two pages at a time: axe takes seconds a page, mostly on one core.
  let next = 0;
  const worker = async () => {
    while (next < job.pages.length) {
      const i = next++;
      out[i] = await checkPage(browser, job, job.pages[i]);
    }
  };
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out));
}

async function checkPage(browser, job, p) {
  const result = { name: p.name, views: [] };
  for (const width of job.widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, offline: true });
    const page = await context.newPage();
    await page.goto('file://' + p.path, { waitUntil: 'load' });
    let axe = [];
    if (!p.noAxe) {
      await page.addScriptTag({ content: axeSource });
      axe = await page.evaluate(async () => {
        const r = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          resultTypes: ['violations'],
        });
        return r.violations.map(v => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary),
        }));
      });
    }
    const size = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    if (job.shots) {
      // Slices of the page, small enough to look at one by one.
      const h = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, i = 1; y < h; y += 1500, i++) {
        await page.screenshot({
          path: path.join(job.shots, `${p.name}-${width}-${i}.png`),
          clip: { x: 0, y, width, height: Math.min(1500, h - y) }, fullPage: true,
        });
      }
    }
    result.views.push({ width, violations: axe, scrollWidth: size.scrollWidth, innerWidth: size.innerWidth });
    if (p.pdf && width === job.widths[0]) {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: p.pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    }
    await context.close();
  }
  return result;
}

main().catch(err => { console.error(err && err.stack || String(err)); process.exit(1); });
