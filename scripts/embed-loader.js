// Loads the awscost widget: it mounts into #awscost-app and every [data-awscost] element.
//
// A page whose widgets all ask for one and the same panel (`data-panels="ebs"`, or the iframe
// route's `?panels=ebs`) loads that panel's module only (built without the own page's code); so
// does the widget's own page, for the panel it opens on (with that code: its link and saved
// work), until another panel or the scenarios are asked for. Every other page loads
// the full module (every panel, the scenarios and export, and the JS API). A one-panel page that also wants the
// JS API calls `load()`, exported here: it loads the full module once, fires `awscost:ready` on
// `document` and resolves to `window.awscost`.
// Each module's glue; its wasm is beside it, named `<glue>_bg.wasm`.
const MODULES = /* MODULES */ {};
// Each module's stylesheet: a panel's (what every panel draws, and its own), and the full one.
const CSS = /* CSS */ {};
const here = (file) => new URL(`./${file}`, import.meta.url);
const PANELS = ['lambda', 'ec2', 'ebs', 's3'];
// The widget's own page: #awscost-app, without a query (the iframe route has one).
const OWN_PAGE = Boolean(document.getElementById('awscost-app')) && location.search.length <= 1;

/** Adds the stylesheet of `module` (a panel, or `full`) unless the page has it; resolves once it
 * has loaded (or failed), so that the widget is not drawn unstyled. */
function style(module) {
  const href = here(CSS[module] ?? CSS.full).href;
  if ([...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === href)) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const done = new Promise((resolve) => { link.onload = link.onerror = resolve; });
  document.head.append(link);
  return done;
}

// The widget's own page (#awscost-app without a query) opens on the panel its link or saved
// state names (`tab=`; none: Lambda, the widget's first tab), with that panel's module; a link
// with scenarios (`v2`) or ranges needs the full module at once.
function ownPanel() {
  let text = location.hash.slice(1);
  if (!text) try { text = localStorage.getItem('awscost:v1') ?? ''; } catch { text = ''; }
  // Scenarios (`v2`) are in the full module; ranges (`range.…`, drawn by the trade-off
  // explorers) in the module with the exercises and explorers (see asksExercise).
  if (text.startsWith('v2') || /(^|&)range\./.test(text)) return null;
  const tab = text.startsWith('v1') ? new URLSearchParams(text.slice(2)).get('tab') : null;
  return tab ?? 'lambda';
}

/** The one panel every widget on this page asks for, when a module of that panel alone exists;
 * an exercise (`data-exercise`, the iframe route's `exercise=`) needs the full module. */
function onePanel() {
  const asked = [];
  const own = document.getElementById('awscost-app');
  const query = new URLSearchParams(location.search);
  if (own && query.has('exercise')) return null;
  if (own) asked.push(location.search.length > 1 ? query.get('panels') : ownPanel());
  for (const el of document.querySelectorAll('[data-awscost]')) {
    if (el.hasAttribute('data-exercise')) return null;
    asked.push(el.getAttribute('data-panels'));
  }
  const sets = asked.map((text) => [...new Set((text ?? '').split(',').map((c) => c.trim()).filter(Boolean))]);
  if (sets.length === 0 || sets.some((s) => s.length !== 1)) return null;
  const panel = sets[0][0];
  return sets.every((s) => s[0] === panel) && PANELS.includes(panel) && Object.hasOwn(MODULES, panel) ? panel : null;
}

/** The module a one-panel page starts with: on the widget's own page (no query) the panel's
 * module, which keeps the page's link and saved work; on a host page or the iframe route the
 * same panel built without that (`<panel>-embed`). */
function panelModule(panel) {
  return MODULES[OWN_PAGE ? panel : `${panel}-embed`] ?? MODULES[panel];
}

async function start(module, sheet) {
  const [glue] = await Promise.all([import(here(module)), style(sheet)]);
  await glue.default({ module_or_path: here(module.replace(/\.js$/, '_bg.wasm')) });
  return glue;
}

// Exercises (asking one, making one, `awscost.grade`) are in a module of their own, the full
// module and the exercises: a page that asks one (its link's `x=`, `data-exercise`, the iframe
// route's `exercise=`) loads it in place of the full module.
function asksExercise() {
  if (document.querySelector('[data-awscost][data-exercise]')) return true;
  if (!document.getElementById('awscost-app')) return false;
  if (location.search.length > 1) return new URLSearchParams(location.search).has('exercise');
  let text = location.hash.slice(1);
  if (!text) try { text = localStorage.getItem('awscost:v1') ?? ''; } catch { text = ''; }
  // An exercise (`x=`) or ranges (`range.…`, drawn by the explorers, which share the module).
  return /(^|&)(x|range\.[^=&]*)=/.test(text);
}
let whole = asksExercise() ? 'exercise' : 'full';

const loaded = {};
let glue;
/** Loads the full module (once): every panel, the scenarios, and `window.awscost`; `load('exercise')`
 * (or `load('explore')`) loads the module with the exercises and the trade-off explorers too (and
 * `awscost.grade`). */
export function load(part) {
  if (part === 'exercise' || part === 'explore') whole = 'exercise';
  loaded[whole] ??= start(MODULES[whole], 'full').then((g) => {
    glue = g;
    document.dispatchEvent(new CustomEvent('awscost:ready'));
    return window.awscost;
  });
  return loaded[whole];
}

// On the widget's own page a one-panel module asks for the full one (`awscost:full`) when the
// person opens another panel or the scenarios, having saved its state into the link; the full
// module then takes the page over from a fresh element and opens from that link. The full
// module is fetched as soon as the pointer or focus reaches such a control.
// "Make an exercise" in the full module asks for the exercise module the same way
// (`awscost:exercise`), which then opens its form; "Explore trade-offs" asks for the same module
// (`awscost:explore`: it has the explorers), which then focuses the first Range toggle.
const swapped = {};
function takeOver(part) {
  swapped[part] ??= load(part).then(() => {
    const old = document.getElementById('awscost-app');
    const focused = document.activeElement?.id;
    const fresh = document.createElement(old.tagName);
    fresh.id = old.id;
    old.replaceWith(fresh);
    glue.mount_page();
    requestAnimationFrame(() => {
      const form = part === 'exercise' && document.getElementById('make-exercise');
      const toggle = part === 'explore' && document.querySelector('#awscost-app .range-toggle');
      if (form) {
        form.open = true;
        form.querySelector('summary')?.focus();
      } else if (toggle) toggle.focus();
      else if (focused) document.getElementById(focused)?.focus();
    });
  });
}

if (OWN_PAGE) {
  document.addEventListener('awscost:full', () => takeOver());
  document.addEventListener('awscost:exercise', () => takeOver('exercise'));
  document.addEventListener('awscost:explore', () => takeOver('explore'));
  const hint = (e) => {
    if (e.target.closest?.('[data-awscost-full]')) load();
    if (e.target.closest?.('[data-awscost-exercise], [data-awscost-explore]')) load('exercise');
  };
  for (const type of ['pointerover', 'focusin', 'touchstart']) document.addEventListener(type, hint, { passive: true });
}
const panel = onePanel();
if (panel) await start(panelModule(panel), panel).catch(() => load());
else await load();
