// Loads the awscost widget: it mounts into #awscost-app and every [data-awscost] element.
//
// A page whose widgets all ask for one and the same panel (`data-panels="ebs"`, or the iframe
// route's `?panels=ebs`) loads that panel's module only. Every other page loads the full module
// (every panel, the scenarios and export, and the JS API). A one-panel page that also wants the
// JS API calls `load()`, exported here: it loads the full module once, fires `awscost:ready` on
// `document` and resolves to `window.awscost`.
// Each module's glue; its wasm is beside it, named `<glue>_bg.wasm`.
const MODULES = /* MODULES */ {};
const CSS = /* CSS */ '';
const here = (file) => new URL(`./${file}`, import.meta.url);

const css = here(CSS).href;
if (![...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === css)) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = css;
  document.head.append(link);
}

/** The one panel every widget on this page asks for, when a module of that panel alone exists. */
function onePanel() {
  const asked = [];
  if (document.getElementById('awscost-app')) asked.push(new URLSearchParams(location.search).get('panels'));
  for (const el of document.querySelectorAll('[data-awscost]')) asked.push(el.getAttribute('data-panels'));
  const sets = asked.map((text) => [...new Set((text ?? '').split(',').map((c) => c.trim()).filter(Boolean))]);
  if (sets.length === 0 || sets.some((s) => s.length !== 1)) return null;
  const panel = sets[0][0];
  return sets.every((s) => s[0] === panel) && Object.hasOwn(MODULES, panel) && panel !== 'full' ? panel : null;
}

async function start(module) {
  const glue = await import(here(module));
  await glue.default({ module_or_path: here(module.replace(/\.js$/, '_bg.wasm')) });
}

let full;
/** Loads the full module (once): every panel, the scenarios, and `window.awscost`. */
export function load() {
  full ??= start(MODULES.full).then(() => {
    document.dispatchEvent(new CustomEvent('awscost:ready'));
    return window.awscost;
  });
  return full;
}

const panel = onePanel();
if (panel) await start(MODULES[panel]).catch(load);
else await load();
