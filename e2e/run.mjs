// End-to-end run through the real page, plus the size and speed budget.
//
// Serves the release build (dist/) on 127.0.0.1, drives Debian's Chromium with playwright-core,
// types workloads into the widget and reads the figures back, saves screenshots under
// test-output/, and measures: the gzipped bundle against a minimal Yew app built the same way
// (floor/dist), and the time of a full 128–10,240 MB Lambda sweep in the browser.
//
// Every response carries the strict Content-Security-Policy the README promises (CSP below); any
// violation reported in a page fails the run.
//
// Usage: node e2e/run.mjs   (after `trunk build --release` here and in floor/)

import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test-output');
fs.mkdirSync(OUT, { recursive: true });

// Budget targets (issue: foundation). A frame at 60 Hz is 16.7 ms.
const FRAME_MS = 1000 / 60;
const SWEEP_BUDGET_SHARE = 0.10;
// What a page loads first against the floor (issue: small enough to embed): a page with one
// panel ≤ 3×, the full widget ≤ 4.5×; the product aims at 2.5× in the end.
const PANEL_TARGET_RATIO = 3;
const FULL_TARGET_RATIO = 4.5;
// RAIL's response budget: an answer to input within 100 ms reads as instant
// (https://web.dev/articles/rail).
const RESPONSE_MS = 100;
// The ceilings stop a first load growing unnoticed (see README, "Size"). Raise one only in a
// commit that says what the extra bytes buy.
// The widget's own page opens with its first panel's module (Lambda's). 3.31 → 3.32: closed
// disclosures draw nothing (below), 0.3 KB. 3.32 → 3.21: the smaller allocator, each service's
// limits in its own panel's module, and a stylesheet per panel (3.31× → 3.19× measured).
const SIZE_CEILING_FULL = 3.21;
// A link with scenarios opens the full module at once. 8.0 → 8.36: the JS API's compare answers
// ranges (the band and the tornado, with their JSON), about 26 KB.
// 8.36 → 8.46: kept answers (each service's Clone of its answer and the shelf), 7.3 KB, so a key
// reprices only the section it changed, once for the panel and the comparison both.
// 8.46 → 8.49: closed disclosures draw nothing (the charts' tables, the comparison's options
// tables, each S3 class's and EBS type's working, EC2's study notes and type finder) and the EC2
// type list is drawn once, 1.1 KB: a key's work in Yew is about a fifth to a quarter less.
const SIZE_CEILING_FULL_MODULE = 8.49;
// The module with the exercises and the trade-off explorers (every feature): loaded by a page that
// asks or makes an exercise, has ranges, or asks for the explorers.
// 8.8 → 11.45: the four trade-off explorers (engines, JSON and components), about 143 KB.
const SIZE_CEILING_EXERCISE_MODULE = 11.45;
// +0.01–0.02 each: the engine's workload reader takes `ranges`, Lambda's pricer is shared with the
// crossover, EC2's compare can build one option (the alternatives), and every page's stylesheet
// has the explorers' rules (0.3 KB).
// Closed disclosures draw nothing: Lambda 0.3 KB, EC2 0.1 KB, EBS 0.4 KB, S3 0.8 KB (+0.01–0.02).
// Lowered to what the smaller allocator, per-service limits and a stylesheet per panel reached
// (+0.02): Lambda 3.31× → 3.19×, EC2 4.36× → 4.25×, EBS 3.22× → 3.12×, S3 3.64× → 3.53×.
// Embeds load their panel without the own page's code (its link and saved work): lowered to
// what that reached (+0.02): Lambda 3.19× → 3.13×, EC2 4.25× → 4.19×, EBS 3.12× → 3.05×, S3 3.53× → 3.47×.
const SIZE_CEILING_PANEL = { lambda: 3.15, ec2: 4.21, ebs: 3.07, s3: 3.49 };
// The widget's own page on a link to its EC2 panel: EC2's module with the own page's code.
const SIZE_CEILING_OWN_EC2 = 4.27;
// Keystroke-to-paint (see keystrokeToPaint): the target is a median within one 16.7 ms frame
// and a p90 within two; not met yet (README, "Speed"), so these ceilings stop it growing. 60/100
// → 55/90 once a key repriced only what it changed and EC2's hidden working was no longer drawn:
// the same build measured EC2 at a median of 25.4 ms in one run and 37.4 ms in another, so the
// ceilings leave room for a run that takes half again as long.
const K2P_CEILING_MS = { median: 55, p90: 90 };
// With eight ranged inputs across the four services (the band and every swing repriced).
const K2P_RANGES_CEILING_MS = 80;

// The policy the widget works under: no inline script or style, no eval; only what WASM needs.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'";

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json',
};

function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Gzipped size (level 9) of the wasm, js and css a page loads. */
function bundle(dir) {
  const files = fs.readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f));
  const parts = files.map((f) => ({ f, gz: zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length }));
  return { parts, total: parts.reduce((a, p) => a + p.gz, 0) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Records console errors, page errors and CSP violations of a page into `problems`. */
/** Opens every `<details>` and waits until what each draws on opening is drawn (disclosures whose
 *  content is drawn only while open), then opens any drawn inside them. */
async function openAllDetails(page) {
  for (let round = 0; round < 3; round++) {
    const opened = await page.evaluate(() => {
      const closed = [...document.querySelectorAll('details:not([open])')];
      closed.forEach((d) => { d.open = true; });
      return closed.length;
    });
    if (opened === 0) break;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  }
}

async function watch(page, problems) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.console.push(String(e)));
}

/** CSP violations seen by the page, plus any the console reported. */
async function cspViolations(page, problems) {
  const seen = await page.evaluate(() => window.__cspViolations ?? []);
  return [...seen, ...problems.console.filter((t) => /Content Security Policy/i.test(t))];
}

/** axe-core over the page (evaluated, not injected as a script tag: the CSP forbids inline scripts). */
async function axe(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.evaluate(fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * What each page loads first: every widget file it fetched (the loader, a module's glue and
 * wasm, the stylesheet: files at the root of dist/, not the host page's own), gzipped at level 9
 * from dist/, in a fresh browser context; and the time from navigation to the first field that
 * works (its panel's figure is on the page; typing into it then changes that figure).
 */
const FIRST_LOADS = [
  // The widget's own page starts with the module of the panel it opens on; another panel or the
  // scenarios bring the full module (timed: `swap`).
  { name: 'full widget (its own page)', url: '', module: 'lambda', field: '#lambda-duration_ms', value: '280', figure: '#lambda-requested-total',
    swap: { tab: '#tab-ec2', figure: '#ec2-on-demand-monthly', back: '#tab-lambda' } },
  { name: 'full widget on a link to its EC2 panel', url: '#v1&tab=ec2', module: 'ec2', ceiling: SIZE_CEILING_OWN_EC2, field: '#ec2-hours_per_month', value: '400', figure: '#ec2-on-demand-monthly' },
  { name: 'full widget on a link with two scenarios', url: '#v2&base=0&s=A&s=B&ec2.count=4', module: 'full', ceiling: SIZE_CEILING_FULL_MODULE, field: '#lambda-duration_ms', value: '280', figure: '#lambda-requested-total' },
  // An exercise's link loads the module with the exercises (Trunk's build of every feature).
  { name: 'full widget on a link with an exercise', url: '#v2&x=monthly_cost&x.service=lambda&s=A', module: 'web', ceiling: SIZE_CEILING_EXERCISE_MODULE, field: '#exercise-answer', value: '18.73', press: 'Enter', figure: '#exercise-verdict' },
  // A link with ranges loads the same module (it has the trade-off explorers).
  { name: 'full widget on a link with ranges', url: '#v1&range.lambda.invocations_per_month=1000000~5000000', module: 'web', ceiling: SIZE_CEILING_EXERCISE_MODULE, field: '#lambda-duration_ms', value: '280', figure: '#lambda-requested-total' },
  { name: 'Lambda embed', url: 'embed/lambda.html', panel: 'lambda', module: 'lambda-embed', field: '#lambda-duration_ms', value: '280', figure: '#lambda-requested-total' },
  { name: 'EC2 embed', url: 'embed/ec2.html', panel: 'ec2', module: 'ec2-embed', field: '#ec2-hours_per_month', value: '400', figure: '#ec2-on-demand-monthly' },
  { name: 'EBS embed', url: 'embed/ebs.html', panel: 'ebs', module: 'ebs-embed', field: '#ebs-size_gib', value: '200', figure: '#ebs-cheapest-total' },
  { name: 'S3 embed', url: 'embed/s3.html', panel: 's3', module: 's3-embed', field: '#s3-storage_gb', value: '20000', figure: '#s3-cheapest-monthly' },
  { name: 'iframe route, one panel', url: 'index.html?embed=1&panels=ebs', panel: 'ebs', module: 'ebs-embed', field: '#ebs-size_gib', value: '200', figure: '#ebs-cheapest-total' },
];

async function firstLoads(browser, base, dist) {
  const out = [];
  for (const spec of FIRST_LOADS) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
    const page = await context.newPage();
    const problems = { console: [] };
    await watch(page, problems);
    await page.addInitScript((sel) => {
      window.__firstFigure = null;
      new MutationObserver((_, o) => {
        if (document.querySelector(sel)) { window.__firstFigure = performance.now(); o.disconnect(); }
      }).observe(document, { subtree: true, childList: true });
    }, spec.figure);
    const fetched = [];
    page.on('response', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${base}${spec.url}`);
    const figure = page.locator(spec.figure);
    await figure.waitFor({ timeout: 20000 });
    const before = await figure.textContent();
    await page.fill(spec.field, spec.value);
    if (spec.press) await page.press(spec.field, spec.press);
    await page.waitForFunction(([sel, was]) => document.querySelector(sel)?.textContent !== was, [spec.figure, before], { timeout: 5000 }).catch(() => {});
    const after = await figure.textContent();
    const ms = await page.evaluate(() => window.__firstFigure);
    await page.waitForLoadState('networkidle');
    const files = [...new Set(fetched)].map((p) => p.slice(1)).filter((f) => /^[^/]+\.(wasm|js|css)$/.test(f));
    const parts = files.map((f) => ({ f, gz: zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length }));
    const modules = files.filter((f) => f.endsWith('.wasm')).map((f) => f.replace(/-[0-9a-f]{12,16}_bg\.wasm$/, ''));
    const want = `awscost-${spec.module ?? spec.panel}`;
    check(`first load: the ${spec.name} works (typing changes ${spec.figure}: ${before} → ${after})`, after !== before);
    check(`first load: the ${spec.name} loads ${want} only`, modules.length === 1 && modules[0] === want, modules.join(', '));
    let swapMs = null;
    if (spec.swap) {
      // Another panel: the full module takes over, with what was typed.
      const t0 = Date.now();
      await page.click(spec.swap.tab);
      await page.locator(spec.swap.figure).waitFor({ timeout: 20000 });
      swapMs = Date.now() - t0;
      await page.click(spec.swap.back);
      const kept = await page.inputValue(spec.field);
      check(`first load: on the ${spec.name}, another panel brings the full module in ${swapMs} ms, with what was typed`, kept === spec.value, kept);
    }
    if (spec.panel) {
      // The JS API on a one-panel page: load() brings the full module, which leaves the widget
      // already there alone (no second widget in the same element).
      const api = await page.evaluate(async () => {
        const ready = new Promise((r) => document.addEventListener('awscost:ready', () => r(true), { once: true }));
        const m = await import('/awscost-embed.js');
        const a = await m.load();
        return { version: a.version, ready: await ready, same: (await m.load()) === a, widgets: document.querySelectorAll('[data-awscost-mounted]').length, apps: document.querySelectorAll('.awscost').length };
      });
      check(`first load: on the ${spec.name} page, load() brings the JS API and mounts nothing twice`, /^\d+\.\d+\.\d+$/.test(api.version) && api.ready && api.same && api.widgets === 1 && api.apps === 1, JSON.stringify(api));
    }
    const csp = await cspViolations(page, problems);
    check(`first load: the ${spec.name} has no CSP violations or console errors`, csp.length === 0 && problems.console.length === 0, [...csp, ...problems.console].join(' | '));
    out.push({ ...spec, parts, total: parts.reduce((a, p) => a + p.gz, 0), first_figure_ms: ms, swap_ms: swapMs });
    await context.close();
  }
  return out;
}

/**
 * Keystroke-to-paint: a key pressed in a field until the frame that shows its new figure. In
 * the page, a capturing keydown listener notes the event's time stamp; a MutationObserver sees
 * the figure change; the time is read after the next animation frame has run (so the frame with
 * the new figure is the one being painted). Every measured key makes a value not typed before
 * (the page keeps answers it has worked out, so a value typed again would be answered at once):
 * the digits of `start` are replaced one at a time, 1 to 9 in turn, from the last leftwards,
 * never the first; `start` needs a digit after the first for every nine keys. Selecting the digit
 * (arrow keys) changes nothing on the page and is not measured.
 */
async function keystrokeToPaint(page, field, start, figure, presses) {
  await page.fill(field, start);
  await page.evaluate(([f, g]) => {
    window.__k2p = [];
    const input = document.querySelector(f);
    let down = null;
    input.addEventListener('keydown', (e) => { down = e.timeStamp; }, { capture: true });
    new MutationObserver(() => {
      if (down === null) return;
      const t0 = down;
      down = null;
      requestAnimationFrame(() => setTimeout(() => window.__k2p.push(performance.now() - t0), 0));
    }).observe(document.querySelector(g).closest("section") ?? document.body, { subtree: true, childList: true, characterData: true });
  }, [field, figure]);
  if (Math.ceil(presses / 9) > start.length - 1) throw new Error(`keystrokeToPaint: ${start} has too few digits for ${presses} keys`);
  await page.focus(field);
  for (let i = 0; i < presses; i++) {
    const from = Math.floor(i / 9);
    await page.keyboard.press('End');
    for (let k = 0; k < from; k++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    const n = await page.evaluate(() => window.__k2p.length);
    await page.keyboard.press(String((i % 9) + 1));
    await page.waitForFunction((m) => window.__k2p.length > m, n, { timeout: 5000 });
  }
  const runs = (await page.evaluate(() => window.__k2p)).sort((a, b) => a - b);
  return { n: runs.length, median: runs[Math.floor(runs.length / 2)], p90: runs[Math.floor(runs.length * 0.9)], max: runs[runs.length - 1] };
}

/**
 * Accessible names of the page's focusable controls, as Chromium computes them (the
 * accessibility tree over CDP), with the names given to more than one control.
 */
async function controlNames(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const focusable = nodes.filter((n) => !n.ignored && (n.properties ?? []).some((p) => p.name === 'focusable' && p.value?.value));
  const named = focusable.map((n) => ({ role: n.role?.value, name: (n.name?.value ?? '').trim() }))
    // A select's options are its choices, not controls of their own.
    .filter((n) => !['RootWebArea', 'WebArea', 'generic', 'heading', 'option', 'MenuListOption'].includes(n.role));
  const seen = new Map();
  for (const n of named) seen.set(n.name, (seen.get(n.name) ?? 0) + 1);
  return { count: named.length, unnamed: named.filter((n) => !n.name).map((n) => n.role), repeated: [...seen].filter(([name, k]) => name && k > 1).map(([name, k]) => `${name} ×${k}`) };
}

/**
 * A newcomer's first minute: a 375 px phone on every tab, the keyboard (the tabs pattern, the
 * skip link), unique names for every control, messages in the fields' own words, and cards
 * that state the same period.
 */
async function firstMinute(browser, base) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = { console: [] };
  await watch(page, problems);
  await page.goto(base);
  await page.locator('#lambda-requested-total').waitFor({ timeout: 20000 });

  // Keyboard: the skip link is the first Tab stop and lands in the panel's first field, leaving
  // the link (the page's state) alone. The page writes its state into the link once it has
  // been open a moment (SAVE_AFTER_MS): wait for that first, so the link read is the page's.
  await page.waitForFunction(() => location.hash.length > 1, null, { timeout: 5000 });
  const hashBefore = await page.evaluate(() => location.hash);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => ({ id: document.activeElement?.id, text: document.activeElement?.textContent }));
  await page.keyboard.press('Enter');
  const landed = await page.evaluate(() => ({ id: document.activeElement?.id, inPanel: Boolean(document.activeElement?.closest('#panel-lambda')) }));
  check('keyboard: the first Tab stop is the skip link, which lands in the panel\'s first field', skip.id === 'skip' && /Skip to the Lambda inputs/.test(skip.text ?? '') && landed.inPanel && (await page.evaluate(() => location.hash)) === hashBefore, `${JSON.stringify(skip)} → ${JSON.stringify(landed)}`);

  // The tabs: one Tab stop, arrow keys, Home and End (the first arrow brings the full module).
  const stops = await page.locator('[role=tab][tabindex="0"]').count();
  await page.focus('#tab-lambda');
  const at = async () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r({ focus: document.activeElement?.id, selected: document.querySelector('[role=tab][aria-selected=true]')?.id, stops: document.querySelectorAll('[role=tab][tabindex="0"]').length }))));
  const walk = [];
  for (const [key, want] of [['ArrowRight', 'tab-ec2'], ['ArrowRight', 'tab-ebs'], ['End', 'tab-s3'], ['ArrowRight', 'tab-lambda'], ['ArrowLeft', 'tab-s3'], ['Home', 'tab-lambda']]) {
    await page.keyboard.press(key);
    // The first arrow brings the full module: wait until it has taken over (its scenario bar is
    // on the page) before the next key, as a key pressed during the swap has no element to go to.
    if (walk.length === 0) await page.locator('#scenario-add').waitFor({ timeout: 20000 }).catch(() => {});
    await page.waitForFunction((w) => document.activeElement?.id === w && document.querySelector(`#${w}`)?.getAttribute('aria-selected') === 'true', want, { timeout: 20000 }).catch(() => {});
    const got = await at();
    walk.push(`${key}→${got.focus}${got.selected === want && got.stops === 1 ? '' : ' (wrong)'}`);
    if (got.focus !== want || got.selected !== want || got.stops !== 1) break;
  }
  check('keyboard: the tab list is one Tab stop; arrows, Home and End move and select (WAI-ARIA tabs)', stops === 1 && walk.length === 6 && !walk.join(' ').includes('wrong'), walk.join(', '));

  // A phone: every tab fits 375 px (the document never scrolls sideways), details open too;
  // the tabs keep one row; the panel comes before the comparison.
  for (const tab of ['lambda', 'ec2', 'ebs', 's3']) {
    await page.click(`#tab-${tab}`);
    await page.locator(`#panel-${tab}`).waitFor({ timeout: 20000 });
    await openAllDetails(page);
    const fit = await page.evaluate(() => {
      const tops = [...document.querySelectorAll('[role=tab]')].map((t) => Math.round(t.getBoundingClientRect().top));
      const panel = document.querySelector('[role=tabpanel]').getBoundingClientRect().top;
      const compare = document.querySelector('#scenario-compare')?.getBoundingClientRect().top ?? Infinity;
      return { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, rows: new Set(tops).size, panelFirst: panel < compare };
    });
    check(`phone (375 px): the ${tab} tab fits without sideways scrolling, tabs on one row, the panel before the comparison`, fit.scroll === fit.client && fit.rows === 1 && fit.panelFirst, JSON.stringify(fit));
    await page.screenshot({ path: path.join(OUT, `e2e-phone-${tab}.png`), fullPage: true });
    const v = await axe(page);
    check(`axe at 375 px: no accessibility violations on the ${tab} tab`, v.length === 0, v.join(' | '));
    const names = await controlNames(page);
    check(`names: every control on the ${tab} tab has a name of its own (${names.count} controls)`, names.unnamed.length === 0 && names.repeated.length === 0, [...names.unnamed.map((r) => `unnamed ${r}`), ...names.repeated].join(' | '));
  }
  await page.click('#compare-jump');
  check('phone: the comparison is one tap away', await page.evaluate(() => document.activeElement?.id === 'compare-title'));

  // Cards side by side state the same period.
  await page.click('#tab-ec2');
  const cards = await page.locator('#panel-ec2 .cards .figure').allTextContents();
  check('EC2 cards: On-Demand and the cheapest suitable option both a month', cards.length === 2 && cards.every((t) => /^\$[\d,]+\.\d\d a month$/.test(t.trim())), cards.join(' | '));

  // What the comparison counts is said, before and after the first edit.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 1200 } });
  const p = await fresh.newPage();
  p.on('pageerror', (e) => problems.console.push(String(e)));
  await p.goto(`${base}#v2&s=A&s=B`);
  const counting = p.locator('#compare-counting');
  await counting.waitFor({ timeout: 20000 });
  const before = (await counting.textContent()) ?? '';
  await p.fill('#lambda-memory_mb', '1024');
  await p.waitForFunction(() => /changed/.test(document.querySelector('#compare-counting')?.textContent ?? ''), null, { timeout: 5000 }).catch(() => {});
  const after = (await counting.textContent()) ?? '';
  check('the comparison says what it counts: every example at first, then the services changed', /example workload/.test(before) && /changed from their examples: Lambda\./.test(after) && (await counting.getAttribute('role')) === 'status', `${before} | ${after}`);

  // Messages in the fields' own words: the label, never the JSON path; 1e400 and plurals.
  await p.fill('#lambda-memory_mb', '');
  const listed = p.locator('#compare-problems');
  await listed.waitFor({ timeout: 5000 });
  const said = (await listed.textContent()) ?? '';
  check('the comparison names a field by its label (Memory), not its path', said.includes('Memory: Enter a value.') && !said.includes('lambda.memory_mb'), said);
  await p.fill('#lambda-memory_mb', '1e400');
  const big = (await p.locator('#lambda-memory_mb-error').textContent()) ?? '';
  check('1e400 is explained as too large, with what is allowed', /^Too large to work with: enter a number below [\d,]+\.$/.test(big), big);
  await p.fill('#lambda-memory_mb', '1024');
  await p.click('#tab-s3');
  await p.fill('#s3-object_count', '0');
  const one = (await p.locator('#s3-object_count-error').textContent()) ?? '';
  check('plurals: "at least 1 object"', /at least 1 object:/.test(one), one);
  await fresh.close();
  check('first minute: no console errors', problems.console.length === 0, problems.console.join(' | '));
  await context.close();
}

/** The embed example page (embed/example.html) and the iframe route, under the same CSP. */
async function embedding(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
  const problems = { console: [] };
  await watch(page, problems);
  await page.goto(`${base}embed/example.html`);
  const first = page.locator('[data-awscost]').nth(0);
  const second = page.locator('[data-awscost]').nth(1);
  await first.locator('#lambda-requested-total').waitFor({ timeout: 20000 });
  const lateRequests = [];
  page.on('request', (r) => lateRequests.push(r.url()));

  check('embed: a [data-awscost] element becomes a widget ($18.73)', (await first.locator('#lambda-requested-total').textContent()) === '$18.73');
  const tabs = await first.locator('[role=tab]').allTextContents();
  check('embed: data-panels="lambda,s3" offers those two panels', tabs.length === 2 && /Lambda/.test(tabs[0]) && /S3/.test(tabs[1]), tabs.join(', '));
  check('embed: the widget brings its stylesheet', await first.locator('.awscost').evaluate((e) => getComputedStyle(e).getPropertyValue('--accent').trim() === '#0b5cab'));

  // 100 GiB gp3 in eu-west-1 at $0.088 a GB-month; 3,000 IOPS and 125 MiB/s are included: $8.80.
  const ebs = second.locator('#awscost-2-ebs-cheapest-total');
  await ebs.waitFor({ timeout: 5000 });
  check('embed: data-workload and data-region fill the form (gp3 in eu-west-1, $8.80)', ((await ebs.textContent()) ?? '').includes('$8.80'), await ebs.textContent());
  check('embed: data-compact drops the header', (await second.locator('header, h1, [role=tab], #region').count()) === 0);
  check('embed: the compact widget names its region', ((await second.locator('.as-of').textContent()) ?? '').startsWith('eu-west-1'));

  // The JS API from the host page: mount (2 × m5.large always on in eu-west-1 at $0.107/h = $156.22) …
  await page.click('#mount-ec2');
  const od = page.locator('#ec2-widget #awscost-3-ec2-on-demand-monthly');
  await od.waitFor({ timeout: 5000 });
  check('embed: awscost.mount puts an EC2 widget in an element (2 × m5.large, $156.22)', ((await od.textContent()) ?? '').includes('$156.22'), await od.textContent());
  const thrown = await page.evaluate(() => {
    try { window.awscost.mount(document.createElement('div'), { panels: 'lambda,rds' }); return 'no error'; } catch (e) { return String(e.message); }
  });
  check('embed: awscost.mount names a bad option', /"rds" is not a panel/.test(thrown), thrown);
  // … and compare, into the page's <pre>.
  await page.click('#compare');
  const out = JSON.parse((await page.locator('#compare-result').textContent()) || '{}');
  check('embed: awscost.compare from the host page returns $18.73', out.monthly_usd === '18.73', JSON.stringify(out));
  await page.click('#compare-scenarios');
  const scMd = (await page.locator('#scenarios-result').textContent()) ?? '';
  // The Lambda page's $18.73 example against the same at 1,024 MB ($43.73).
  check('embed: awscost.scenarios from the host page: +$25.00 (+133.48%)', scMd.includes('| **Total** | $18.73 | $43.73 | +$25.00 (+133.48%) |'), scMd.slice(0, 200));
  check('embed: awscost.version is set', /^awscost \d+\.\d+\.\d+$/.test((await page.locator('#api-version').textContent()) ?? ''));
  // Hostile calls: wrong types, a huge string, mount twice on one element, mount on a detached
  // element. Each gives the documented error (or works), and the widgets on the page go on.
  const hostile = await page.evaluate(() => {
    const a = window.awscost;
    const errorOf = (f) => { try { f(); return 'no error'; } catch (e) { return String(e.message); } };
    const t0 = performance.now();
    const huge = a.compare('x'.repeat(10_000_000));
    const hugeMs = performance.now() - t0;
    const mounted = document.querySelector('[data-awscost-mounted]');
    return {
      number: JSON.parse(a.compare(42)).errors[0].message,
      undef: JSON.parse(a.compare(undefined)).errors[0].message,
      nul: JSON.parse(a.scenarios(null, 'csv')).errors[0].message,
      object: JSON.parse(a.compare({ region: 'us-east-1', lambda: { memory_mb: 512, duration_ms: 1000, invocations_per_month: 3000000 } })).lambda.requested.monthly_usd,
      badFormat: JSON.parse(a.scenarios('{"scenarios":[]}', 'pdf')).errors[0].field,
      huge: JSON.parse(huge).errors.length, hugeMs,
      twice: errorOf(() => a.mount(mounted, { panels: 'ebs' })),
      detached: errorOf(() => a.mount(document.createElement('div'), { panels: 'ebs' })),
      notElement: errorOf(() => a.mount('#nope', {})),
    };
  });
  check('embed: the JS API answers a number or undefined for JSON with the documented error', hostile.number === 'Give the workload as JSON text or as an object.' && hostile.undef === hostile.number
    && /scenarios as JSON text/.test(hostile.nul), JSON.stringify(hostile));
  check('embed: the JS API takes an object for JSON text ($18.73)', hostile.object === '18.73', JSON.stringify(hostile));
  check('embed: a 10 MB string is refused with errors, quickly', hostile.huge > 0 && hostile.hugeMs < 1000 && hostile.badFormat === 'format', `${hostile.hugeMs.toFixed(0)} ms`);
  check('embed: mount twice on one element throws, a detached element mounts, a non-element throws', /already holds a widget/.test(hostile.twice)
    && hostile.detached === 'no error' && /must be an element/.test(hostile.notElement), JSON.stringify(hostile));
  // Generated calls: 10,000 seeded random calls of every function with arguments of every type
  // (numbers, null, undefined, arrays, objects, random and broken JSON, long strings). Each
  // returns text (JSON for the JSON functions) or, for mount, throws an Error; none stops the
  // module (its widgets would show the crash message).
  const API_CALLS = 10000;
  const fuzz = await page.evaluate((n) => {
    let s = 20261207;
    const rand = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
    const pick = (l) => l[Math.floor(rand() * l.length)];
    const json = ['{"region":"us-east-1","lambda":{"memory_mb":512}}', '{"region":"eu-west-1","ebs":{"size_gib":-1}}',
      '{"region":"us-east-1","ec2":{"instance_type":"m5.large","count":1e308}}', '{"scenarios":[{"name":"A","workload":{"region":"us-east-1"}}],"exercise":{"question":"monthly_cost"}}',
      '{"region":', '[]', 'null', '{"region":"us-east-1","s3":{"storage_gb":"lots"}}', '{"baseline":9,"scenarios":[]}'];
    const value = () => pick([
      () => Math.floor(rand() * 1e6) - 5e5, () => null, () => undefined, () => true, () => [1, 'a'], () => ({}),
      () => ({ region: 'us-east-1', lambda: { memory_mb: Math.floor(rand() * 20000) } }),
      () => pick(json), () => pick(json).slice(0, Math.floor(rand() * 40)), () => 'x'.repeat(Math.floor(rand() * 5000)),
      () => String.fromCharCode(...Array.from({ length: 20 }, () => Math.floor(rand() * 0xffff))),
    ])();
    const a = window.awscost;
    let calls = 0; let texts = 0; let thrown = 0; const bad = [];
    const detached = document.createElement('div');
    const t0 = performance.now();
    let slowest = 0;
    for (let i = 0; i < n; i++) {
      const f = pick(['compare', 'sweep', 'scenarios', 'grade', 'mount'].filter((k) => typeof a[k] === 'function'));
      const t = performance.now();
      try {
        // One element mounts (the first time); after that it holds a widget, or is no element.
        const out = f === 'mount' ? a.mount(pick([detached, value()]), value())
          : a[f](value(), value());
        if (f !== 'mount') {
          if (typeof out !== 'string') bad.push(`${f} returned ${typeof out}`);
          else { JSON.parse(out.startsWith('{') || out.startsWith('[') ? out : '{}'); texts += 1; }
        }
      } catch (e) {
        if (f === 'mount' && e instanceof Error) thrown += 1; else bad.push(`${f}: ${e}`);
      }
      slowest = Math.max(slowest, performance.now() - t);
      calls += 1;
    }
    return { calls, texts, thrown, bad: bad.slice(0, 3), bads: bad.length, ms: performance.now() - t0, slowest,
      crashed: document.querySelectorAll('.crashed').length };
  }, API_CALLS);
  console.log(`hostile: ${fuzz.calls} JS API calls (${fuzz.texts} answered, ${fuzz.thrown} mount errors thrown) in ${(fuzz.ms / 1000).toFixed(1)} s, slowest ${fuzz.slowest.toFixed(1)} ms, ${fuzz.bads} failures`);
  check(`embed: ${API_CALLS} generated JS API calls each answer text or throw an Error, none stops the module`, fuzz.bads === 0 && fuzz.crashed === 0 && fuzz.calls === API_CALLS, JSON.stringify(fuzz.bad));
  const ebsTotal = page.locator('#awscost-2-ebs-cheapest-total');
  const ebsBefore = await ebsTotal.textContent();
  await page.fill('#awscost-2-ebs-size_gib', '333');
  await page.waitForFunction((was) => document.querySelector('#awscost-2-ebs-cheapest-total')?.textContent !== was, ebsBefore, { timeout: 5000 }).catch(() => {});
  check('embed: after the hostile calls the widgets on the page still work', (await ebsTotal.textContent()) !== ebsBefore, `${ebsBefore} → ${await ebsTotal.textContent()}`);

  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  check('embed: three widgets on one page keep every element id unique', dup.length === 0 && ids.includes('awscost-2-compare-table'), [...new Set(dup)].slice(0, 5).join(', '));
  // A label still focuses its own widget's field.
  await page.click('label[for="awscost-2-ebs-size_gib"]');
  check('embed: a label focuses the field of its own widget', await page.evaluate(() => document.activeElement?.id === 'awscost-2-ebs-size_gib'));
  await openAllDetails(page);
  const violations = await axe(page);
  check('embed: axe finds no accessibility violations on the example page', violations.length === 0, violations.join(' | '));
  await page.screenshot({ path: path.join(OUT, 'e2e-embed.png'), fullPage: true });
  check('embed: no network requests after load', lateRequests.length === 0, lateRequests.join(' | '));
  const csp = await cspViolations(page, problems);
  check('embed: no CSP violations on the example page', csp.length === 0, csp.join(' | '));
  check('embed: no console errors', problems.console.length === 0, problems.console.join(' | '));
  await page.close();

  // The iframe route: compact, one panel, no header; and inside a real iframe.
  const frame = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  const fp = { console: [] };
  await watch(frame, fp);
  await frame.goto(`${base}index.html?embed=1&panels=lambda`);
  await frame.locator('#lambda-requested-total').waitFor({ timeout: 20000 });
  check('iframe route: ?embed=1&panels=lambda shows the Lambda panel ($18.73)', (await frame.locator('#lambda-requested-total').textContent()) === '$18.73');
  check('iframe route: compact, no header or tabs', (await frame.locator('header, h1, [role=tab]').count()) === 0);
  await frame.screenshot({ path: path.join(OUT, 'e2e-iframe.png'), fullPage: true });
  const fcsp = await cspViolations(frame, fp);
  check('iframe route: no CSP violations, no console errors', fcsp.length === 0 && fp.console.length === 0, [...fcsp, ...fp.console].join(' | '));
  await frame.close();
}

/**
 * Exercises: a teacher makes one from the page in a few actions; a learner opens its link in a
 * fresh browser, answers wrong, steps through the working, answers right, and finds every step
 * matching the panel's figures to the cent.
 */
async function exercises(browser, base) {
  const teacherCtx = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
  let link = '';
  try {
    const page = await teacherCtx.newPage();
    const problems = { console: [] };
    await watch(page, problems);
    await page.goto(base);
    await page.locator('#lambda-requested-total').waitFor({ timeout: 20000 });
    const t0 = Date.now();
    let actions = 0;
    const act = async (f) => { actions += 1; await f(); };
    // AWS's first Lambda example is the page's default workload: $18.73 a month.
    // The scenarios bring the full module; "Make an exercise" the module with the exercises,
    // which opens with its form open.
    await act(() => page.click('#scenarios-open'));
    await page.locator('#make-exercise-open').waitFor({ timeout: 20000 });
    await act(() => page.click('#make-exercise-open'));
    await page.locator('#make-exercise[open] #exercise-title-text').waitFor({ timeout: 20000 });
    await act(() => page.fill('#exercise-title-text', 'Lambda: the monthly bill'));
    await page.waitForFunction(() => document.querySelector('#exercise-link')?.value.includes('x.title='), null, { timeout: 5000 }).catch(() => {});
    link = await page.inputValue('#exercise-link');
    const seconds = (Date.now() - t0) / 1000;
    check(`a teacher makes an exercise in ${actions} actions`, actions <= 5 && link.includes('#v2') && link.includes('x=monthly_cost'), link);
    check('making it takes under a minute', seconds < 60, `${seconds.toFixed(1)} s`);
    const preview = (await page.locator('#make-exercise .made').textContent()) ?? '';
    check('the teacher sees the question and its answer (not in the link)', preview.includes('18.73') && !link.includes('18.73'), preview);
    // The same grading through the JS API.
    const graded = await page.evaluate(() => JSON.parse(window.awscost.grade(JSON.stringify({
      scenarios: [{ name: 'A', workload: { region: 'us-east-1', lambda: { memory_mb: 512, duration_ms: 1000, invocations_per_month: 3000000 } } }],
      exercise: { question: 'monthly_cost', service: 'lambda' },
    }), '$18.50')));
    check('awscost.grade grades an answer ($18.50 against $18.73: right within 10 %)', graded.grade === 'right' && graded.expected === '18.73', JSON.stringify(graded).slice(0, 200));
    const ask = await page.evaluate(() => JSON.parse(window.awscost.grade('{"scenarios": []}', '1')));
    check('awscost.grade names the field of a bad file', Array.isArray(ask.errors) && ask.errors.some((e) => e.field.startsWith('exercise')), JSON.stringify(ask));
    check('no page errors while making an exercise', problems.console.length === 0, problems.console.join(' | '));
  } finally {
    await teacherCtx.close();
  }

  const learnerCtx = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
  try {
    await learnerCtx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
    const page = await learnerCtx.newPage();
    const problems = { console: [] };
    await watch(page, problems);
    await page.goto(link);
    const prompt = page.locator('#exercise-prompt');
    await prompt.waitFor({ timeout: 20000 });
    check('the learner sees the question', /Lambda.*USD a month/.test((await prompt.textContent()) ?? ''), await prompt.textContent());
    check('no figure is shown before the learner answers', (await page.locator('#lambda-requested-total').count()) === 0
      && !((await page.locator('.exercise').textContent()) ?? '').includes('18.73'));
    const workload = (await page.locator('.exercise table.workload').first().textContent()) ?? '';
    check('the workload is shown read-only', workload.includes('3000000') && (await page.locator('.exercise table.workload input').count()) === 0, workload.slice(0, 200));
    await page.fill('#exercise-answer', '30');
    await page.click('#exercise-check');
    const verdict = page.locator('#exercise-verdict');
    check('a wrong answer is told how far off', /^Not this time: 11\.27 off \(60\.17 %\)/.test((await verdict.textContent()) ?? ''), await verdict.textContent());
    let steps = 0;
    while ((await page.locator('#exercise-next').count()) > 0 && steps < 20) {
      await page.click('#exercise-next');
      steps += 1;
      const shown = await page.locator('#exercise-steps li').count();
      if (shown !== steps) break;
    }
    const said = await page.locator('#exercise-steps li').allTextContents();
    check('the working is revealed one step at a time', steps === said.length && steps >= 3, `${steps} steps`);
    // AWS's example 1 after the Free Tier: 2M requests $0.40 + 1,100,000 GB-s $18.33 = $18.73.
    check('each step is a sentence to say aloud, ending at the answer', said[0].endsWith('= $0.40') && said.some((t) => t.includes('1,100,000 GB-s') && t.endsWith('= $18.33')) && said[said.length - 1].includes('$18.73'), said.join(' | '));
    check('the answer is shown once every step is', ((await page.locator('#exercise-answer-shown').textContent()) ?? '').includes('$18.73'));
    await page.fill('#exercise-answer', '18.73');
    await page.click('#exercise-check');
    check('a right answer is told so', ((await verdict.textContent()) ?? '').startsWith('Right'), await verdict.textContent());
    const v = await axe(page);
    check('axe: no accessibility violations in exercise mode', v.length === 0, v.join(' | '));
    await page.screenshot({ path: path.join(OUT, 'e2e-exercise.png'), fullPage: true });
    await page.click('#exercise-leave');
    const total = page.locator('#lambda-requested-total');
    await total.waitFor({ timeout: 5000 });
    check('the panel shows the figure the working ended at', (await total.textContent()) === '$18.73', await total.textContent());
    // "Explain" on the panel's working: the same sentences.
    await page.locator('#panel-lambda .explain summary').first().click();
    // The sentences are drawn when the box opens: wait for them before reading.
    await page.locator('#panel-lambda .explain ol li').first().waitFor({ timeout: 5000 });
    const explained = await page.locator('#panel-lambda .explain ol li').allTextContents();
    check('"Explain" says the panel\'s working in the exercise\'s sentences, to the same total', explained.length === said.length
      && explained.slice(0, -1).every((t, i) => t === said[i]) && explained[explained.length - 1].includes('$18.73'), explained.join(' | '));
    check('no page errors while answering', problems.console.length === 0, problems.console.join(' | '));
  } finally {
    await learnerCtx.close();
  }

  // A link whose exercise cannot be asked opens the calculator with a notice; the iframe route
  // asks an exercise given as JSON.
  const odd = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
  try {
    const page = await odd.newPage();
    const problems = { console: [] };
    await watch(page, problems);
    await page.goto(`${base}#v2&x=guess_the_bill&s=A&lambda.memory_mb=1024`);
    const notice = page.locator('#share-notice');
    await notice.waitFor({ timeout: 20000 });
    check('an unknown exercise opens the calculator with a notice', /cannot be asked: "guess_the_bill"/.test((await notice.textContent()) ?? '')
      && (await page.inputValue('#lambda-memory_mb')) === '1024', await notice.textContent());
    const ex = encodeURIComponent(JSON.stringify({ question: 'cheapest_option', service: 'ebs', title: 'Which volume?' }));
    const wl = encodeURIComponent(JSON.stringify({ region: 'us-east-1', ebs: { size_gib: 2000, iops: 10000, throughput_mibps: 500 } }));
    await page.goto(`${base}index.html?embed=1&panels=ebs&workload=${wl}&exercise=${ex}`);
    const choice = page.locator('#exercise-answer');
    await choice.waitFor({ timeout: 20000 });
    // AWS's EBS example need: gp3 at $210.00 is the cheapest type (https://aws.amazon.com/ebs/pricing/).
    await choice.selectOption('gp3');
    await page.click('#exercise-check');
    check('the iframe route asks an exercise (which EBS type is cheapest: gp3)', ((await page.locator('#exercise-verdict').textContent()) ?? '').startsWith('Right'), await page.locator('#exercise-verdict').textContent());
    check('no page errors with odd exercises', problems.console.length === 0, problems.console.join(' | '));
  } finally {
    await odd.close();
  }
}

/**
 * The trade-off explorers (full module): ranges with the band and the tornado (AWS's first Lambda
 * example, 512 MB × 1 s × 3M requests = $18.73 a month, is $1.67 at 1M requests and $35.80 at 5M:
 * worked in src/explore/ranges.rs), keystroke-to-paint with eight ranged inputs across the four
 * services, and axe over the explorers.
 */
async function explorers(browser, base, keystrokes) {
  let ctx = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
  try {
    let page = await ctx.newPage();
    const problems = { console: [] };
    await watch(page, problems);
    await page.goto(`${base}#v1&range.lambda.invocations_per_month=1000000~5000000`);
    const band = page.locator('table.band');
    await band.waitFor({ timeout: 20000 });
    const lambdaRow = (await band.locator('tbody tr').first().textContent()) ?? '';
    check('ranges: a link with a range opens the band (Lambda $1.67 / $18.73 / $35.80)', ['$1.67', '$18.73', '$35.80'].every((t) => lambdaRow.includes(t)), lambdaRow);
    check('ranges: the tornado draws one bar per ranged input', (await page.locator('.tornado rect.bar').count()) === 1);
    await page.locator('#lambda-duration_ms ~ .range .range-toggle').click();
    await page.fill('#lambda-duration_ms-low', '500');
    await page.fill('#lambda-duration_ms-high', '3000');
    await page.waitForFunction(() => document.querySelectorAll('.tornado rect.bar').length === 2, null, { timeout: 5000 }).catch(() => {});
    const rows = await page.locator('.tornado table tbody tr th').allTextContents();
    // 1 s → 3 s triples the GB-seconds: its swing ($1.67 → … ) is the larger, so it comes first.
    check('ranges: the tornado sorts the inputs by swing (duration above requests)', rows.length === 2 && /duration/i.test(rows[0]), rows.join(' | '));
    await page.fill('#lambda-duration_ms-low', '1500');
    const rangeError = page.locator('#lambda-duration_ms-range-error');
    await rangeError.waitFor({ timeout: 5000 }).catch(() => {});
    check('ranges: a low above the likely value is said beside the range', /low/i.test((await rangeError.textContent().catch(() => '')) ?? ''));
    await page.fill('#lambda-duration_ms-low', '500');
    await openAllDetails(page);
    const v = await axe(page);
    check('axe: no accessibility violations with ranges, the band and the tornado', v.length === 0, v.join(' | '));
    await page.screenshot({ path: path.join(OUT, 'e2e-ranges.png'), fullPage: true });

    // Eight ranged inputs across the four services: a keystroke reprices the panel, each
    // service's band and every swing.
    const eight = ['lambda.memory_mb=256~1024', 'lambda.duration_ms=500~2000', 'lambda.invocations_per_month=1000000~9000000',
      'lambda.ephemeral_storage_mb=512~2048', 'ec2.count=1~4', 'ebs.size_gib=100~4000', 'ebs.iops=3000~12000', 's3.storage_gb=1000~50000']
      .map((r) => `range.${r}`).join('&');
    // A new document (a change of fragment alone is not a new page).
    await page.goto('about:blank');
    await page.goto(`${base}#v1&ec2.count=2&${eight}`);
    await page.locator('table.band').waitFor({ timeout: 20000 });
    check('ranges: eight ranged inputs in four services draw eight bars', (await page.locator('.tornado rect.bar').count()) === 8, String(await page.locator('.tornado rect.bar').count()));
    const k = await keystrokeToPaint(page, '#lambda-invocations_per_month', '3000000', '#lambda-requested-total', 40);
    keystrokes.lambda_8_ranges = k;
    console.log(`budget: keystroke-to-paint in the lambda panel with 8 ranged inputs (${k.n} keys): median ${k.median.toFixed(1)} ms, p90 ${k.p90.toFixed(1)} ms, max ${k.max.toFixed(1)} ms (a frame is ${FRAME_MS.toFixed(1)} ms; target ${k.median <= FRAME_MS ? 'met' : 'not met'})`);
    // Measured 46.9–51.0 ms in three runs: not within a frame yet (README, "Speed"); the ceiling
    // stops it growing.
    check(`keystroke-to-paint with 8 ranged inputs: median within the ${K2P_RANGES_CEILING_MS} ms ceiling`, k.median <= K2P_RANGES_CEILING_MS, `${k.median.toFixed(1)} ms`);

    // Lambda ↔ EC2: AWS's first example (512 MB × 1 s) against the smallest type that fits,
    // c5.large on its 3-year Standard RI All Upfront ($815 ÷ 36 = $22.64 a month): Lambda's month
    // is N × $0.00000853335 − $6.86668 after the Free Tier, so EC2 costs less from 3,457,678.
    // From the own page's first module, "Explore trade-offs" brings the module with the
    // explorers, opening on the same workload (the defaults: what was saved is cleared).
    // A fresh browser (the page with ranges saved them when it was left).
    await ctx.close();
    ctx = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
    page = await ctx.newPage();
    await watch(page, problems);
    await page.goto(base);
    await page.locator('#explore-open').waitFor({ timeout: 20000 });
    await page.click('#explore-open');
    await page.locator('#l2e details').waitFor({ timeout: 20000 });
    check('"Explore trade-offs" brings the explorers (the module with them takes over)', (await page.locator('.ranges').count()) === 1);
    await page.click('#l2e-open');
    const crossover = page.locator('#l2e-crossover');
    await crossover.waitFor({ timeout: 5000 });
    check('Lambda ↔ EC2: the crossover of AWS example 1 against c5.large (3-year RI) is 3,457,678 invocations a month', (await crossover.textContent()) === '3,457,678 invocations a month', await crossover.textContent());
    check('Lambda ↔ EC2: both costs now ($18.73 Lambda, $22.64 EC2)', (await page.locator('#l2e-now-lambda').textContent()) === '$18.73' && (await page.locator('#l2e-now-ec2').textContent()) === '$22.64');
    check('Lambda ↔ EC2: a chart with the crossover marked, and the table behind it', (await page.locator('.l2e-chart svg .marker.cheapest').count()) === 1
      && ((await page.locator('#l2e-table').textContent()) ?? '').includes('crossover'));
    await page.selectOption('#l2e-option', 'on-demand');
    await page.waitForFunction(() => document.querySelector('#l2e-crossover')?.textContent === 'None below the quota', null, { timeout: 5000 }).catch(() => {});
    check('Lambda ↔ EC2: On-Demand c5.large never beats this function below the concurrency quota', (await crossover.textContent()) === 'None below the quota', await crossover.textContent());
    await openAllDetails(page);
    let v2 = await axe(page);
    check('axe: no accessibility violations in the Lambda ↔ EC2 explorer', v2.length === 0, v2.join(' | '));
    await page.screenshot({ path: path.join(OUT, 'e2e-lambda-to-ec2.png'), fullPage: true });

    // EC2: cheaper alternatives to m5.large On-Demand ($0.096 an hour, $70.08 a month) and Spot
    // with interruptions.
    await page.click('#tab-ec2');
    await page.locator('#ec2-alt-box details').waitFor({ timeout: 5000 });
    await page.click('#ec2-alt-open');
    const table = page.locator('#ec2-alt-table');
    await table.waitFor({ timeout: 5000 });
    await page.selectOption('#ec2-alt-architecture', 'any');
    await page.waitForFunction(() => document.querySelectorAll('#ec2-alt-table tbody tr').length > 3, null, { timeout: 5000 }).catch(() => {});
    const alt = await page.evaluate(() => [...document.querySelectorAll('#ec2-alt-table tbody tr')].map((r) => ({
      type: r.getAttribute('data-type'), cls: r.className, monthly: r.querySelector('.monthly')?.textContent ?? '' })));
    const usd = (t) => Number(t.replace(/[^0-9.]/g, ''));
    const chosen = alt.find((r) => r.type === 'm5.large');
    const cheaper = alt.filter((r) => /cheaper-fit/.test(r.cls));
    check('alternatives: cheaper types that fit m5.large, none dearer than it ($70.08)', chosen && usd(chosen.monthly) === 70.08 && cheaper.length > 0
      && cheaper.every((r) => usd(r.monthly) < 70.08), JSON.stringify(alt.slice(0, 4)));
    await page.click('#ec2-alt-sort-monthly');
    const sortState = await page.getAttribute('#ec2-alt-sort-monthly', 'aria-sort').catch(() => null)
      ?? await page.evaluate(() => document.querySelector('#ec2-alt-sort-monthly')?.closest('th')?.getAttribute('aria-sort'));
    check('alternatives: the table sorts by a column (aria-sort says how)', /ascending|descending/.test(sortState ?? ''), String(sortState));
    const pick = cheaper[0].type;
    await page.click(`#ec2-alt-use-${pick.replace(/\./g, '-')}`);
    await page.waitForFunction((t) => document.querySelector('#ec2-instance_type')?.value === t, pick, { timeout: 5000 }).catch(() => {});
    check(`alternatives: "Use ${pick}" makes it the chosen type`, (await page.inputValue('#ec2-instance_type').catch(() => '')) === pick, await page.inputValue('#ec2-instance_type').catch(() => ''));
    await page.click(`#ec2-alt-use-m5-large`).catch(() => {});
    await page.fill('#ec2-instance_type', 'm5.large').catch(() => {});
    await page.locator('#ec2-int-box details').waitFor({ timeout: 5000 });
    await page.click('#ec2-int-open');
    const effective = page.locator('#ec2-int-effective');
    await effective.waitFor({ timeout: 5000 });
    const calm = usd((await effective.textContent()) ?? '');
    // The Advisor's bands are rare interruptions (>20 % of instances a month is 0.0066 a day per
    // instance: under a cent here); an own rate of 2 a day with hourly checkpoints is not.
    await page.selectOption('#ec2-int-band', '');
    await page.fill('#ec2-int-per-day', '2');
    await page.waitForFunction((c) => Number((document.querySelector('#ec2-int-effective')?.textContent ?? '').replace(/[^0-9.]/g, '')) !== c, calm, { timeout: 5000 }).catch(() => {});
    const stormy = usd((await effective.textContent()) ?? '');
    check('Spot with interruptions: the effective cost grows with the interruption rate (<5 % band → 2 a day)', stormy > calm, `${calm} → ${stormy}`);
    check('Spot with interruptions: where Spot crosses On-Demand and the best commitment is said', /interruption|never/i.test((await page.locator('#ec2-int-cross-on-demand').textContent()) ?? '')
      && /interruption|never|already/i.test((await page.locator('#ec2-int-cross-commitment').textContent()) ?? ''));
    check('Spot with interruptions: a chart and the table behind it', (await page.locator('#ec2-int-chart polyline.spot').count()) === 1 && (await page.locator('#ec2-int-points tbody tr').count()) > 2);
    await openAllDetails(page);
    v2 = await axe(page);
    check('axe: no accessibility violations in the EC2 explorers', v2.length === 0, v2.join(' | '));
    await page.screenshot({ path: path.join(OUT, 'e2e-ec2-explorers.png'), fullPage: true });
    const api = await page.evaluate(() => JSON.parse(window.awscost.explore(JSON.stringify({
      workload: { region: 'us-east-1', ec2: { instance_type: 'm5.large' }, lambda: { memory_mb: 512, duration_ms: 1000, invocations_per_month: 3000000 } },
      alternatives: { architecture: 'any' }, spot_interruptions: { band: '5-10%', checkpoint_minutes: 30, restart_minutes: 5 }, lambda_to_ec2: {},
    }))));
    check('awscost.explore answers the three explorers in one call', api.alternatives?.chosen?.monthly_usd === '70.08' && api.lambda_to_ec2?.crossover?.invocations_per_month !== undefined
      && api.spot_interruptions?.on_demand?.monthly_usd === '70.08', JSON.stringify(api).slice(0, 300));
    check('no page errors in the explorers', problems.console.length === 0, problems.console.join(' | '));
  } finally {
    await ctx.close();
  }
}

/**
 * Long use: 10,000 random edits, tab switches, scenario copies and removals in the full module,
 * dispatched in the page (a render every 25 actions), with the JS heap and the WebAssembly memory
 * measured before and after (after a garbage collection). Seeded, so a failure can be replayed.
 */
const SOAK_ACTIONS = 10000;
// The most the JS heap and the WebAssembly memory may grow over the soak (MB): measured 0.2 and
// 0.1 MB; a leak of 500 bytes an action would pass 5 MB.
const SOAK_HEAP_MB = 5;
const SOAK_WASM_MB = 8;
async function soak(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
  const page = await context.newPage();
  const problems = { console: [] };
  await watch(page, problems);
  await page.goto(`${base}#v2&s=A`);
  await page.locator('#lambda-requested-total').waitFor({ timeout: 20000 });
  const seed = Number(process.env.SOAK_SEED ?? 20261207);
  const t0 = Date.now();
  const r = await page.evaluate(async ([n, seed]) => {
    let s = seed >>> 0;
    const rand = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
    const pick = (list) => list[Math.floor(rand() * list.length)];
    const settle = () => new Promise((done) => setTimeout(done, 0));
    const measure = async () => { window.gc?.(); await settle(); return { heap: performance.memory.usedJSHeapSize, wasm: window.awscost.memory() }; };
    const before = await measure();
    const values = ['0', '1', '512', '1024', '10240', '730', '-5', '1e400', '0.5', 'abc', '', '99999999', '3,000,000'];
    const counts = { edits: 0, tabs: 0, copies: 0, removals: 0 };
    const errors = [];
    window.addEventListener('error', (e) => errors.push(String(e.message)));
    for (let i = 0; i < n; i++) {
      const x = rand();
      if (x < 0.85) {
        const fields = [...document.querySelectorAll('#awscost-app .panel input[type=text]')];
        const f = pick(fields);
        if (f) { f.value = pick(values); f.dispatchEvent(new InputEvent('input', { bubbles: true })); counts.edits += 1; }
      } else if (x < 0.93) {
        pick([...document.querySelectorAll('#awscost-app [role=tab]')])?.click(); counts.tabs += 1;
      } else if (x < 0.97) {
        const add = document.getElementById('scenario-add');
        if (add && !add.disabled) { add.click(); counts.copies += 1; }
      } else {
        const rm = document.getElementById('scenario-remove');
        if (rm) { rm.click(); counts.removals += 1; }
      }
      if (i % 25 === 24) await settle();
    }
    await settle();
    const after = await measure();
    return { counts, errors, before, after };
  }, [SOAK_ACTIONS, seed]);
  const seconds = (Date.now() - t0) / 1000;
  const mb = (b) => (b / 1048576).toFixed(1);
  const heapGrowth = (r.after.heap - r.before.heap) / 1048576;
  const wasmGrowth = (r.after.wasm - r.before.wasm) / 1048576;
  console.log(`soak: ${SOAK_ACTIONS} actions (${r.counts.edits} edits, ${r.counts.tabs} tab switches, ${r.counts.copies} scenario copies, ${r.counts.removals} removals) in ${seconds.toFixed(1)} s, seed ${seed}; JS heap ${mb(r.before.heap)} → ${mb(r.after.heap)} MB, WebAssembly memory ${mb(r.before.wasm)} → ${mb(r.after.wasm)} MB`);
  check(`soak: ${SOAK_ACTIONS} random actions without an error`, r.errors.length === 0 && problems.console.length === 0, [...r.errors, ...problems.console].slice(0, 3).join(' | '));
  check(`soak: the JS heap grows less than ${SOAK_HEAP_MB} MB`, heapGrowth < SOAK_HEAP_MB, `${heapGrowth.toFixed(1)} MB`);
  check(`soak: the WebAssembly memory grows less than ${SOAK_WASM_MB} MB`, wasmGrowth < SOAK_WASM_MB, `${wasmGrowth.toFixed(1)} MB`);
  // Still working: a known workload answers as before.
  await page.goto(`${base}#v1`);
  await page.reload();
  await page.locator('#lambda-requested-total').waitFor({ timeout: 20000 });
  check('soak: afterwards the page still answers AWS example 1 ($18.73)', (await page.locator('#lambda-requested-total').textContent()) === '$18.73');
  await context.close();
  return { actions: SOAK_ACTIONS, seconds, seed, ...r.counts, heap_before_mb: +mb(r.before.heap), heap_after_mb: +mb(r.after.heap), wasm_before_mb: +mb(r.before.wasm), wasm_after_mb: +mb(r.after.wasm) };
}

async function main() {
  const dist = path.join(ROOT, 'dist');
  const floorDist = path.join(ROOT, 'floor', 'dist');
  for (const d of [dist, floorDist]) {
    if (!fs.existsSync(path.join(d, 'index.html'))) throw new Error(`${d} is missing: build it first`);
  }

  let loads = [];
  const keystrokes = {};
  const server = await serve(dist);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      // Precise heap figures and window.gc() for the soak's memory measure.
      '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    const problems = { console: [] };
    const consoleErrors = problems.console;
    await watch(page, problems);

    await page.goto(base);
    const total = page.locator('#lambda-requested-total');
    await total.waitFor({ timeout: 20000 });
    // All pricing is bundled: once the page has loaded, the only thing fetched is the full module
    // and its stylesheet, when another panel is first opened.
    const lateRequests = [];
    page.on('request', (r) => lateRequests.push(r.url()));

    // AWS's first Lambda pricing example is the default workload: $18.73.
    check('default workload answers AWS example 1 ($18.73)', (await total.textContent()) === '$18.73');

    // Type AWS's "ML on customer support tickets" example: 6M × 280 ms at 4096 MB, 2048 MB /tmp.
    await page.fill('#lambda-memory_mb', '4096');
    await page.fill('#lambda-duration_ms', '280');
    await page.fill('#lambda-invocations_per_month', '6,000,000');
    await page.fill('#lambda-ephemeral_storage_mb', '2048');
    await page.waitForFunction(() => document.querySelector('#lambda-requested-total')?.textContent === '$106.41', null, { timeout: 5000 }).catch(() => {});
    check('typed example "customer support ML" reads back $106.41', (await total.textContent()) === '$106.41');
    const lines = await page.locator('.lines tbody tr').allTextContents();
    check('its line items include ephemeral storage $0.08', lines.some((l) => l.includes('Ephemeral storage') && l.includes('$0.08')), lines.join(' | '));

    // Expand a line into its working.
    await page.locator('.lines summary', { hasText: 'Compute' }).first().click();
    const working = await page.locator('.lines details[open] .formula').first().textContent();
    check('a line expands into its formula', /6,320,000 GB-s/.test(working ?? ''), working ?? '');

    // Cheapest and fastest are marked on the chart and named.
    const cheapest = await page.locator('#lambda-cheapest').textContent();
    check('cheapest setting is named', /^\d+ MB: \$[\d,]+\.\d\d$/.test(cheapest ?? ''), cheapest ?? '');
    check('chart marks cheapest, fastest and requested', (await page.locator('.chart .marker').count()) === 3);

    // Bad input: explained beside the field, kept as typed, never a crash.
    await page.fill('#lambda-memory_mb', '20000');
    const err = page.locator('#lambda-memory_mb-error');
    await err.waitFor({ timeout: 5000 });
    check('out-of-range memory explained beside the field', /at most 10,240 MB/.test(await err.textContent()));
    check('typed text is kept', (await page.inputValue('#lambda-memory_mb')) === '20000');
    await page.fill('#lambda-memory_mb', '4096');
    await page.waitForFunction(() => !document.querySelector('#lambda-memory_mb-error'), null, { timeout: 5000 });
    check('fixing the field clears the error', (await total.textContent()) === '$106.41');

    await page.screenshot({ path: path.join(OUT, 'e2e-lambda.png'), fullPage: true });

    // S3: the issue's example workload is the panel's default. Standard-IA's steady month is
    // 10,000 GB × $0.0125 + 1M GET × $0.001/1,000 + 1,000 GB retrieved × $0.01 = $136.00
    // (https://aws.amazon.com/s3/pricing/, us-east-1).
    if (await page.locator('#tab-s3').count()) {
      const clicked = Date.now();
      await page.click('#tab-s3');
      const ia = page.locator('#s3-row-STANDARD_IA .monthly');
      await ia.waitFor({ timeout: 5000 });
      console.log(`budget: the first other panel (S3) opened ${Date.now() - clicked} ms after its tab was clicked (the full module takes over)`);
      check('the full module takes over with the focus where it was (the S3 tab)', await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(document.activeElement?.id === 'tab-s3')))));
      await page.click('#tab-lambda');
      check('the full module opens with what was typed in the Lambda panel ($106.41)', (await page.inputValue('#lambda-memory_mb')) === '4096'
        && (await page.locator('#lambda-requested-total').textContent()) === '$106.41');
      await page.click('#tab-s3');
      await ia.waitFor({ timeout: 5000 });
      check('S3 panel: Standard-IA month is $136.00', ((await ia.textContent()) ?? '').includes('$136.00'), await ia.textContent());
      await page.fill('#s3-storage_gb', '-5');
      const s3err = page.locator('#s3-storage_gb-error');
      await s3err.waitFor({ timeout: 5000 });
      check('S3 panel: a negative size is explained beside the field', ((await s3err.textContent()) ?? '').length > 0);
      await page.fill('#s3-storage_gb', '10000');
      await page.screenshot({ path: path.join(OUT, 'e2e-s3.png'), fullPage: true });
    }

    // EC2: one m5.large always on in us-east-1 at AWS's published $0.096 an hour = $70.08 a month.
    if (await page.locator('#tab-ec2').count()) {
      await page.click('#tab-ec2');
      const od = page.locator('#ec2-on-demand-monthly');
      await od.waitFor({ timeout: 5000 });
      check('EC2 panel: m5.large On-Demand is $70.08 a month', ((await od.textContent()) ?? '').includes('$70.08'), await od.textContent());
      const rows = await page.locator('#ec2-options tr[id^=ec2-row-]').count();
      const missing = (await page.locator('#ec2-options tr.missing').evaluateAll((els) => els.map((e) => e.dataset.options).join(' '))).split(' ').filter(Boolean).length;
      check('EC2 panel: every purchasing option is a row or named as unpriced (35)', rows + missing === 35, `${rows} + ${missing}`);
      check('EC2 panel: five groups', (await page.locator('#ec2-options > tbody.group').count()) === 5);
      const be = await page.locator('#ec2-row-reserved-standard-3y-all-upfront .break-even').textContent();
      check('EC2 panel: a 3-year RI shows its break-even', /\d/.test(be ?? ''), be ?? '');
      await page.fill('#ec2-hours_per_month', '800');
      const e = page.locator('#ec2-hours_per_month-error');
      await e.waitFor({ timeout: 5000 });
      check('EC2 panel: 800 hours a month is explained beside the field', /744/.test((await e.textContent()) ?? ''));
      await page.fill('#ec2-hours_per_month', '730');
      await page.screenshot({ path: path.join(OUT, 'e2e-ec2.png'), fullPage: true });
      // t3.small in each region: On-Demand 0.0208 / 0.0228 / 0.0224 an hour × 730 h.
      await page.fill('#ec2-instance_type', 't3.small');
      for (const [region, monthly] of [['us-east-1', '$15.18'], ['eu-west-1', '$16.64'], ['ap-south-1', '$16.35']]) {
        await page.selectOption('#region', region);
        await page.waitForFunction((m) => document.querySelector('#ec2-row-on-demand .monthly')?.textContent === m, monthly, { timeout: 5000 }).catch(() => {});
        const got = await page.locator('#ec2-row-on-demand .monthly').textContent();
        check(`EC2 panel: t3.small On-Demand in ${region} is ${monthly} a month`, got === monthly, got ?? '');
      }
      await page.selectOption('#region', 'us-east-1');
      await page.fill('#ec2-instance_type', 'm5.large');
    }

    // EBS: AWS's example need (2,000 GiB, 10,000 IOPS, 500 MiB/s) is cheapest on gp3 at
    // 2,000 × $0.08 + 7,000 × $0.005 + 375 × $0.04 = $210.00 a month (https://aws.amazon.com/ebs/pricing/).
    if (await page.locator('#tab-ebs').count()) {
      await page.click('#tab-ebs');
      const cheapestType = page.locator('#ebs-cheapest');
      await cheapestType.waitFor({ timeout: 5000 });
      check('EBS panel: gp3 is cheapest for the example need', (await cheapestType.textContent())?.trim() === 'gp3');
      check('EBS panel: at $210.00 a month', ((await page.locator('#ebs-cheapest-total').textContent()) ?? '').includes('$210.00'));
      // 100 GiB at 3,000 IOPS: gp2 must grow to 1,000 GiB ($100.00); gp3 costs $8.00.
      await page.fill('#ebs-size_gib', '100');
      await page.fill('#ebs-iops', '3000');
      await page.fill('#ebs-throughput_mibps', '125');
      await page.waitForFunction(() => document.querySelector('#ebs-cheapest-total')?.textContent?.includes('$8.00'), null, { timeout: 5000 }).catch(() => {});
      check('EBS panel: typed need reads back gp3 at $8.00', ((await page.locator('#ebs-cheapest-total').textContent()) ?? '').includes('$8.00'));
      check('EBS panel: gp2 grows to 1,000 GiB', ((await page.locator('#ebs-row-gp2 .provisioned').textContent()) ?? '').includes('1,000'));
      await page.screenshot({ path: path.join(OUT, 'e2e-ebs.png'), fullPage: true });
    }
    if (await page.locator('#tab-lambda').count()) await page.click('#tab-lambda');

    // The JS API speaks the CLI's JSON.
    const api = await page.evaluate(() => JSON.parse(window.awscost.compare(JSON.stringify({
      region: 'us-east-1',
      lambda: { memory_mb: 512, duration_ms: 1000, invocations_per_month: 3000000 },
    }))));
    check('window.awscost.compare returns the CLI contract', api?.lambda?.requested?.monthly_usd === '18.73' && api.lambda.options.length === 10113);

    // Speed: a full 10,113-setting sweep, timed in the page over repeated runs.
    const timing = await page.evaluate(() => {
      const w = JSON.stringify({ region: 'us-east-1', lambda: { memory_mb: 1024, duration_ms: 850.5, invocations_per_month: 25000000, cpu_bound_percent: 70, multi_threaded: true, ephemeral_storage_mb: 1024 } });
      for (let i = 0; i < 10; i++) window.awscost.sweep(w);
      const runs = [];
      for (let i = 0; i < 60; i++) {
        const t0 = performance.now();
        const out = window.awscost.sweep(w);
        runs.push(performance.now() - t0);
        if (!out.includes('"settings":10113')) throw new Error(out);
      }
      runs.sort((a, b) => a - b);
      return { median: runs[Math.floor(runs.length / 2)], p90: runs[Math.floor(runs.length * 0.9)], min: runs[0] };
    });
    const share = timing.median / FRAME_MS;
    console.log(`budget: Lambda sweep of 10,113 settings in the browser: median ${timing.median.toFixed(3)} ms, p90 ${timing.p90.toFixed(3)} ms, min ${timing.min.toFixed(3)} ms = ${(share * 100).toFixed(1)} % of a 16.7 ms frame (budget ${SWEEP_BUDGET_SHARE * 100} %)`);
    check('sweep within 10 % of a frame', share <= SWEEP_BUDGET_SHARE, `${(share * 100).toFixed(1)} %`);

    // Speed of the comparison: eight scenarios, each with all four services (a full Lambda sweep
    // each), read, priced, compared and written as JSON, as the widget does when any field changes.
    const scenarioTiming = await page.evaluate(() => {
      const w = (n) => ({ region: 'us-east-1',
        lambda: { memory_mb: 512 + n * 128, duration_ms: 1000, invocations_per_month: 3000000 },
        ec2: { instance_type: 'm5.large', count: 2 + n, hours_per_month: 730, horizon_years: 3 },
        ebs: { size_gib: 2000, iops: 10000, throughput_mibps: 500 },
        s3: { storage_gb: 10000, object_count: 1000000, get_requests_per_month: 1000000, retrieval_gb_per_month: 1000 } });
      const input = JSON.stringify({ scenarios: [...Array(8).keys()].map((n) => ({ name: `S${n}`, workload: w(n) })) });
      for (let i = 0; i < 3; i++) window.awscost.scenarios(input, 'json');
      const runs = [];
      for (let i = 0; i < 15; i++) {
        const t0 = performance.now();
        const out = window.awscost.scenarios(input, 'json');
        runs.push(performance.now() - t0);
        if (!out.includes('"S7"')) throw new Error(out.slice(0, 300));
      }
      runs.sort((a, b) => a - b);
      return { median: runs[Math.floor(runs.length / 2)], max: runs[runs.length - 1] };
    });
    console.log(`budget: 8 scenarios × 4 services compared in the browser: median ${scenarioTiming.median.toFixed(1)} ms, max ${scenarioTiming.max.toFixed(1)} ms (a response within ${RESPONSE_MS} ms reads as instant)`);
    check(`8 full scenarios compared within ${RESPONSE_MS} ms`, scenarioTiming.median <= RESPONSE_MS, `${scenarioTiming.median.toFixed(1)} ms`);

    // Keystroke-to-paint with the full catalog: the Lambda field (each key re-prices all 10,113
    // memory settings) and the EC2 instance count (every purchasing option of the grown catalog).
    for (const [tab, field, start, figure] of [['lambda', '#lambda-invocations_per_month', '3000000', '#lambda-requested-total'], ['ec2', '#ec2-count', '20000', '#ec2-on-demand-monthly']]) {
      await page.click(`#tab-${tab}`);
      await page.locator(figure).waitFor({ timeout: 5000 });
      const k = await keystrokeToPaint(page, field, start, figure, 36);
      keystrokes[tab] = k;
      console.log(`budget: keystroke-to-paint in the ${tab} panel (${k.n} keys): median ${k.median.toFixed(1)} ms, p90 ${k.p90.toFixed(1)} ms, max ${k.max.toFixed(1)} ms (a frame is ${FRAME_MS.toFixed(1)} ms)`);
      console.log(`budget: keystroke-to-paint target (median within one frame, p90 within two): ${k.median <= FRAME_MS && k.p90 <= 2 * FRAME_MS ? 'met' : 'not met'}`);
      check(`keystroke-to-paint in the ${tab} panel: median within the ${K2P_CEILING_MS.median} ms ceiling`, k.median <= K2P_CEILING_MS.median, `${k.median.toFixed(1)} ms`);
      check(`keystroke-to-paint in the ${tab} panel: p90 within the ${K2P_CEILING_MS.p90} ms ceiling`, k.p90 <= K2P_CEILING_MS.p90, `${k.p90.toFixed(1)} ms`);
    }
    await page.fill('#ec2-count', '1');
    await page.click('#tab-lambda');
    await page.fill('#lambda-invocations_per_month', '3,000,000');

    // Accessibility: axe-core over every panel with its details open, WCAG 2.1 A/AA and best practice.
    for (const tab of ['lambda', 'ec2', 'ebs', 's3']) {
      if (!(await page.locator(`#tab-${tab}`).count())) continue;
      await page.click(`#tab-${tab}`);
      await page.locator(`#panel-${tab}`).waitFor({ timeout: 5000 });
      await openAllDetails(page);
      const violations = await axe(page);
      check(`axe: no accessibility violations on the ${tab} panel`, violations.length === 0, violations.join(' | '));
    }

    const late = lateRequests.map((u) => new URL(u).pathname);
    check('after load, only the full module is fetched (its glue, wasm and stylesheet, once)', late.length === 3 && late.every((f) => /^\/(awscost-full-[0-9a-f]+(\.js|_bg\.wasm)|style-[0-9a-f]+\.css)$/.test(f)), late.join(' | '));
    const pageCsp = await cspViolations(page, problems);
    check('no CSP violations on the page (strict policy)', pageCsp.length === 0, pageCsp.join(' | '));
    check('the page has no inline script', !/<script(?![^>]*\bsrc=)[^>]*>/.test(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')));
    check('no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));

    // Nothing is lost: the inputs live in the URL fragment and in local storage.
    await page.click('#tab-ebs');
    await page.fill('#ebs-size_gib', '750');
    await page.click('#tab-lambda');
    await page.fill('#lambda-memory_mb', '2048');
    await page.fill('#lambda-duration_ms', '1,250');
    await page.waitForFunction(() => location.hash.includes('lambda.duration_ms=1,250'), null, { timeout: 5000 }).catch(() => {});
    const link = page.url();
    check('the link carries what was typed', /#v1&.*ebs\.size_gib=750/.test(link) && link.includes('lambda.memory_mb=2048'), link);
    const intact = async (p, where) => {
      await p.locator('#lambda-memory_mb').waitFor({ timeout: 20000 });
      const lambdaOk = (await p.inputValue('#lambda-memory_mb')) === '2048' && (await p.inputValue('#lambda-duration_ms')) === '1,250';
      await p.click('#tab-ebs');
      const ebsOk = (await p.inputValue('#ebs-size_gib')) === '750';
      await p.click('#tab-lambda');
      check(`${where}: the typed workload is intact`, lambdaOk && ebsOk);
    };
    await page.reload();
    await intact(page, 'after a reload');
    await page.goto(base);
    await intact(page, 'reopened without the link (local storage)');
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
    try {
      const shared = await fresh.newPage();
      shared.on('pageerror', (e) => consoleErrors.push(String(e)));
      await shared.goto(link);
      await intact(shared, 'the shared link in a fresh browser');
    } finally {
      await fresh.close();
    }

    // A malformed or tampered link opens the defaults with a notice; a value is only ever text.
    const bad = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
    try {
      const p = await bad.newPage();
      let dialogs = 0;
      p.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
      p.on('pageerror', (e) => consoleErrors.push(String(e)));
      await p.goto(`${base}#v9&lambda.memory_mb=1`);
      const notice = p.locator('#share-notice');
      await notice.waitFor({ timeout: 20000 });
      check('a malformed link shows a notice saying why', /could not be read: .*"v9"/.test((await notice.textContent()) ?? ''), await notice.textContent());
      check('a malformed link opens the defaults', (await p.inputValue('#lambda-memory_mb')) === '512'
        && (await p.locator('#lambda-requested-total').textContent()) === '$18.73');
      const v = await axe(p);
      check('axe: no accessibility violations with the notice and presets', v.length === 0, v.join(' | '));
      await p.click('#share-notice-dismiss');
      check('the notice can be dismissed', (await p.locator('#share-notice').count()) === 0);
      await p.goto(`${base}#v1&tab=ec2&ec2.instance_type=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
      await p.reload();
      const typed = p.locator('#ec2-instance_type');
      await typed.waitFor({ timeout: 20000 });
      check('a link with markup puts it in the field as text only', (await typed.inputValue()) === '<img src=x onerror=alert(1)>'
        && (await p.locator('main img').count()) === 0 && dialogs === 0);
      // Saved work that cannot be read opens the defaults with a notice, and stays as it was
      // until something is changed.
      const broken = 'v2&s=A&lambda.memory_mb=%ZZ';
      // Set from a lesson page of the same origin (the widget's own page saves when it is left).
      await p.goto(`${base}embed/lambda.html`);
      await p.evaluate((b) => localStorage.setItem('awscost:v1', b), broken);
      await p.goto(base);
      const savedNotice = p.locator('#share-notice');
      await savedNotice.waitFor({ timeout: 20000 });
      check('unreadable saved work opens the defaults with a notice', /saved in this browser could not be read/.test((await savedNotice.textContent()) ?? '')
        && (await p.inputValue('#lambda-memory_mb')) === '512', await savedNotice.textContent());
      await p.waitForTimeout(400);
      check('unreadable saved work is left as it was until something is changed', (await p.evaluate(() => localStorage.getItem('awscost:v1'))) === broken);
      // A full storage quota: the page is not saved, and works and keeps its link all the same.
      await p.addInitScript(() => { Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }; });
      await p.goto(`${base}#v1`);
      await p.reload();
      await p.locator('#lambda-requested-total').waitFor({ timeout: 20000 });
      await p.fill('#lambda-memory_mb', '1024');
      await p.waitForFunction(() => location.hash.includes('lambda.memory_mb=1024'), null, { timeout: 5000 }).catch(() => {});
      check('with the storage quota full the page still answers ($43.73) and writes its link', (await p.locator('#lambda-requested-total').textContent()) === '$43.73'
        && p.url().includes('lambda.memory_mb=1024'), p.url());
    } finally {
      await bad.close();
    }

    // Presets: a few clicks from a blank page.
    const pre = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
    try {
      const p = await pre.newPage();
      p.on('pageerror', (e) => consoleErrors.push(String(e)));
      await p.goto(base);
      await p.locator('#preset-web-tier').click({ timeout: 20000 });
      // Two m5.large always on at AWS's $0.096 an hour: 2 × 730 h × $0.096 = $140.16 a month.
      const od = p.locator('#panel-ec2 #ec2-on-demand-monthly');
      await od.waitFor({ timeout: 5000 });
      check('preset "steady web tier" shows EC2 at $140.16 On-Demand', ((await od.textContent()) ?? '').includes('$140.16'), await od.textContent());
      await p.click('#preset-log-archive');
      const plan = p.locator('#panel-s3 #s3-plan-total');
      await plan.waitFor({ timeout: 5000 });
      // us-east-1 (https://aws.amazon.com/s3/pricing/): 30 days of 5,000 GB Standard at $0.023 = $115.00;
      // 5M transitions at $0.05 per 1,000 = $250.00; 2,525 days of Deep Archive with its per-object
      // overhead = $503.19; 1,000 GETs and 10 GB bulk retrieval a month = $23.18: $891.37.
      check('preset "7-year log archive" shows the S3 plan total $891.37', ((await plan.textContent()) ?? '').includes('$891.37'), await plan.textContent());
      await p.waitForFunction(() => location.hash.includes('s3.lifecycle=STANDARD,DEEP_ARCHIVE'), null, { timeout: 5000 }).catch(() => {});
      check('the preset is in the link', p.url().includes('s3.lifecycle=STANDARD,DEEP_ARCHIVE'), p.url());
      await p.screenshot({ path: path.join(OUT, 'e2e-preset.png'), fullPage: true });
    } finally {
      await pre.close();
    }
    // Scenarios: A vs B set up from a blank page, shared, reloaded, exported and printed.
    const sc = await browser.newContext({ viewport: { width: 1280, height: 1800 }, acceptDownloads: true });
    try {
      await sc.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
      const p = await sc.newPage();
      const scProblems = { console: [] };
      await watch(p, scProblems);
      await p.goto(base);
      const t0 = Date.now();
      let actions = 0;
      const act = async (f) => { actions += 1; await f(); };
      // 2 × m5.large always on over 3 years: the cheapest suitable option is the 3-year Standard RI,
      // all upfront; B doubles the fleet, so every figure doubles.
      await act(() => p.locator('#preset-web-tier').click({ timeout: 20000 }));
      await act(() => p.click('#scenario-add'));
      await act(() => p.fill('#ec2-count', '4'));
      const b = p.locator('#compare-ec2-1');
      await p.waitForFunction(() => document.querySelector('#compare-ec2-1')?.textContent?.includes('+100%'), null, { timeout: 5000 }).catch(() => {});
      const aText = (await p.locator('#compare-ec2-0').textContent()) ?? '';
      const bText = (await b.textContent()) ?? '';
      const money = (t) => Number((t.match(/\$([\d,]+\.\d\d)/) ?? ['', 'NaN'])[1].replace(/,/g, ''));
      const [av, bv] = [money(aText), money(bText)];
      check('scenarios: A vs B in 3 actions, B = 2 × A with its delta', actions === 3 && bv === Math.round(av * 200) / 100 && bText.includes(`+$${(bv - av).toFixed(2)} (+100%)`), `${aText} | ${bText} (${Date.now() - t0} ms)`);
      check('scenarios: the input that differs is named', /ec2\.count\s*2 → 4/.test((await p.locator('#compare-diff-1').textContent()) ?? ''), await p.locator('#compare-diff-1').textContent());
      await p.waitForFunction(() => /#v2&.*s=A&.*s=B&ec2\.count=4/.test(location.hash), null, { timeout: 5000 }).catch(() => {});
      const scLink = p.url();
      check('scenarios: the link carries both (v2)', /#v2&.*s=A&.*s=B&ec2\.count=4/.test(scLink), scLink);
      const scIntact = async (q, where) => {
        await q.locator('#compare-ec2-1').waitFor({ timeout: 20000 });
        const ok = (await q.locator('#compare-ec2-1').textContent()) === bText
          && (await q.locator('#scenario-1').getAttribute('aria-pressed')) === 'true'
          && (await q.inputValue('#ec2-count')) === '4';
        check(`scenarios: ${where}, A vs B is intact`, ok, (await q.locator('#compare-ec2-1').textContent()) ?? '');
      };
      await p.reload();
      await scIntact(p, 'after a reload');
      const other = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
      try {
        const q = await other.newPage();
        q.on('pageerror', (e) => consoleErrors.push(String(e)));
        await q.goto(scLink);
        await scIntact(q, 'the shared link in a fresh browser');
      } finally {
        await other.close();
      }
      // Pinning B: A is measured against it.
      await p.click('#scenario-pin');
      const aDelta = (await p.locator('#compare-total-0').textContent()) ?? '';
      check('scenarios: pinning B measures A against it (-50%)', aDelta.includes('(-50%)'), aDelta);

      // Export: Markdown in the box, the same text copied and downloaded.
      await p.click('#export-markdown');
      const md = await p.inputValue('#export-text');
      check('export: Markdown has the table and the total', md.includes('| Service |') && /\| \*\*Total\*\* \|/.test(md), md.slice(0, 200));
      await p.click('#export-copy');
      await p.locator('#export-status', { hasText: 'Copied' }).waitFor({ timeout: 5000 }).catch(() => {});
      const clip = await p.evaluate(() => navigator.clipboard.readText());
      check('export: Copy puts the same text on the clipboard', clip === md, `${clip.length} vs ${md.length} characters`);
      const [download] = await Promise.all([p.waitForEvent('download'), p.click('#export-download')]);
      const file = fs.readFileSync(await download.path(), 'utf8');
      check('export: Download saves the same text (awscost.md)', file === md && download.suggestedFilename() === 'awscost.md', download.suggestedFilename());
      await p.click('#export-csv');
      const csvText = await p.inputValue('#export-text');
      check('export: CSV has a header and a line per scenario per row', csvText.startsWith('scenario,baseline,region,service,row,') && csvText.split(/\r?\n/).filter((l) => l.includes(',total,total,')).length === 2, csvText.slice(0, 200));
      await p.click('#export-json');
      const json = JSON.parse(await p.inputValue('#export-text'));
      check('export: JSON is the CLI\'s (scenarios, services, method)', json.baseline === 1 && json.scenarios.length === 2 && json.services[0].service === 'ec2' && typeof json.method === 'string');
      await p.click('#export-input');
      const input = await p.inputValue('#export-text');
      const again = JSON.parse(await p.evaluate((i) => window.awscost.scenarios(i, 'json'), input));
      check('export: the input for the CLI reproduces the JSON (awscost.scenarios)', JSON.stringify(again) === JSON.stringify(json));
      const apiMd = await p.evaluate(() => window.awscost.scenarios(JSON.stringify({ scenarios: [
        { name: 'A', workload: { region: 'us-east-1', lambda: { memory_mb: 512, duration_ms: 1000, invocations_per_month: 3000000 } } },
        { name: 'B', workload: { region: 'us-east-1', lambda: { memory_mb: 1024, duration_ms: 1000, invocations_per_month: 3000000 } } }] }), 'markdown'));
      // The Lambda page's $18.73 example, and the same at 1,024 MB: $43.73.
      check('window.awscost.scenarios writes Markdown: A $18.73, B $43.73 (+133.48%)', apiMd.includes('| **Total** | $18.73 | $43.73 | +$25.00 (+133.48%) |'), apiMd.slice(0, 300));

      await openAllDetails(p);
      const v = await axe(p);
      check('axe: no accessibility violations with scenarios compared and an export open', v.length === 0, v.join(' | '));
      await p.screenshot({ path: path.join(OUT, 'e2e-scenarios.png'), fullPage: true });

      // Print: on A4 (the printable width at 96 dpi with Chromium's default margins) nothing is
      // wider than the paper, and the buttons are not printed.
      await p.setViewportSize({ width: 718, height: 1000 });
      await p.emulateMedia({ media: 'print' });
      for (const tab of ['ec2', 'lambda', 'ebs', 's3']) {
        await p.emulateMedia({ media: 'screen' });
        await p.click(`#tab-${tab}`);
        await p.emulateMedia({ media: 'print' });
        const fit = await p.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth,
          wide: [...document.querySelectorAll('.awscost *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 3).map((e) => e.tagName + '#' + e.id + '.' + e.className) }));
        check(`print: the ${tab} panel fits the width of A4 paper`, fit.doc <= fit.view && fit.wide.length === 0, JSON.stringify(fit));
      }
      const buttons = await p.locator('.awscost button:visible').count();
      check('print: no buttons on paper', buttons === 0, String(buttons));
      const pdf = await p.pdf({ path: path.join(OUT, 'e2e-print.pdf'), format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      console.log(`print: the S3 panel with scenarios compared prints on ${pages} A4 pages`);
      check('print: a PDF is produced', pages >= 1, String(pages));
      await p.emulateMedia({ media: 'screen' });
      const scCsp = await cspViolations(p, scProblems);
      check('scenarios: no CSP violations, no console errors', scCsp.length === 0 && scProblems.console.length === 0, [...scCsp, ...scProblems.console].join(' | '));
    } finally {
      await sc.close();
    }
    check('no page errors while sharing', consoleErrors.length === 0, consoleErrors.join(' | '));
    await embedding(browser, base);
    await exercises(browser, base);
    await explorers(browser, base, keystrokes);
    await soak(browser, base);
    await firstMinute(browser, base);
    loads = await firstLoads(browser, base, dist);
  } finally {
    await browser.close();
    server.close();
  }

  // Size: every bundle, and what each page loads first, against the floor; all gzipped at level 9.
  const all = bundle(dist);
  const floor = bundle(floorDist);
  const short = (f) => f.replace(/-[0-9a-f]{12,16}(?=[._])/, '');
  console.log(`budget: floor (minimal Yew app) ${kb(floor.total)} gzipped (${floor.parts.map((p) => `${short(p.f)} ${kb(p.gz)}`).join(', ')})`);
  console.log(`budget: every file of the build: ${all.parts.map((p) => `${short(p.f)} ${kb(p.gz)}`).join(', ')}`);
  const report = { floor_gz: floor.total, files: Object.fromEntries(all.parts.map((p) => [short(p.f), p.gz])), first_load: {}, keystroke_to_paint: keystrokes };
  for (const l of loads) {
    const ratio = l.total / floor.total;
    const ceiling = l.ceiling ?? (l.panel ? SIZE_CEILING_PANEL[l.panel] : SIZE_CEILING_FULL);
    const target = l.panel ? PANEL_TARGET_RATIO : FULL_TARGET_RATIO;
    console.log(`budget: ${l.name} loads first ${kb(l.total)} (${l.parts.map((p) => `${short(p.f)} ${kb(p.gz)}`).join(', ')}) = ${ratio.toFixed(2)}× the floor (target ≤ ${target}×: ${ratio <= target ? 'met' : 'not met'}; ceiling ${ceiling}×); first working field after ${l.first_figure_ms.toFixed(0)} ms${l.swap_ms === null ? '' : `; another panel (the full module) ${l.swap_ms} ms after its tab was clicked`}`);
    check(`first load of the ${l.name} within its ${ceiling}× ceiling`, ratio <= ceiling, `${ratio.toFixed(2)}×`);
    report.first_load[l.name] = { gz: l.total, ratio, first_figure_ms: l.first_figure_ms, swap_ms: l.swap_ms, files: l.parts.map((p) => short(p.f)) };
  }
  fs.writeFileSync(path.join(OUT, 'budget.json'), JSON.stringify(report, null, 2));

  const failed = results.filter((r) => !r.ok).length;
  console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); console.log('e2e: 0 passed, 1 failed'); process.exit(1); });
