// Opens kdx's HTML reports in headless Chromium and runs axe-core on them with
// the WCAG 2.0/2.1 A and AA rules and axe's best practices. Exits 1 listing
// every violation, 2 when the check itself cannot run, 0 when all pages pass.
//
//   node axe_check.mjs [--screenshot page.html=out.png] file.html|folder ...
//
// Chromium: $KDX_CHROMIUM, else Debian's /usr/bin/chromium.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
// A wide screen and a phone: narrow pages bring out scrolling tables and reflow.
const viewports = [{ width: 1280, height: 900 }, { width: 390, height: 844 }];

function pages(args) {
  const files = [];
  for (const arg of args) {
    const stat = fs.statSync(arg);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(arg).sort())
        if (name.endsWith('.html')) files.push(path.join(arg, name));
    } else {
      files.push(arg);
    }
  }
  return files;
}

function describe(violation) {
  const lines = [`  ${violation.id} (${violation.impact}): ${violation.help}`, `    ${violation.helpUrl}`];
  for (const node of violation.nodes.slice(0, 5))
    lines.push(`    at ${node.target.join(' ')}: ${node.failureSummary.replace(/\n/g, ' ')}`);
  if (violation.nodes.length > 5) lines.push(`    and ${violation.nodes.length - 5} more`);
  return lines.join('\n');
}

async function check(browser, file) {
  const problems = [];
  const page = await browser.newPage();
  // Anything fetched from the network is a fault: the pages are self-contained.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('file:') || request.url().startsWith('data:')) request.continue();
    else {
      problems.push(`  fetches ${request.url()}`);
      request.abort();
    }
  });
  for (const viewport of viewports) {
    await page.setViewport(viewport);
    await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
    await page.evaluate(axeSource);
    // The charts' tables sit in closed <details>: open them, so that axe
    // checks them too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const result = await page.evaluate(
      (runTags) => window.axe.run(document, { runOnly: { type: 'tag', values: runTags }, resultTypes: ['violations'] }),
      tags);
    for (const v of result.violations) problems.push(`  [${viewport.width} px]\n${describe(v)}`);
  }
  await page.close();
  return problems;
}

async function main() {
  let args = process.argv.slice(2);
  const shots = [];
  while (args[0] === '--screenshot') {
    const [page, png] = args[1].split('=');
    shots.push({ page, png });
    args = args.slice(2);
  }
  const files = pages(args);
  if (files.length === 0 && shots.length === 0) {
    console.error('axe_check: no HTML files given');
    return 2;
  }
  const executablePath = process.env.KDX_CHROMIUM || '/usr/bin/chromium';
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: (process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []).concat(['--disable-gpu']),
  });
  let failed = 0;
  try {
    for (const file of files) {
      const problems = await check(browser, file);
      if (problems.length) {
        failed++;
        console.log(`FAIL ${file}\n${problems.join('\n')}`);
      } else {
        console.log(`ok   ${file}`);
      }
    }
    for (const shot of shots) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1000, height: 800, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(path.resolve(shot.page)).href, { waitUntil: 'load' });
      await page.screenshot({ path: shot.png, fullPage: true });
      await page.close();
      console.log(`screenshot ${shot.png}`);
    }
  } finally {
    await browser.close();
  }
  const version = JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;
  console.log(`axe-core ${version}, ${tags.join(', ')}: ${files.length - failed} of ${files.length} pages without violations`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`axe_check: ${error.stack || error}`);
  process.exit(2);
});
