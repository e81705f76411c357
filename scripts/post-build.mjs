// Trunk post-build hook (see Trunk.toml): no inline script, one module per panel, and a
// stable-named embed loader.
//
// - Trunk writes an inline <script type="module"> into index.html that imports the hashed
//   `awscost-web-<hash>.js`; a strict Content-Security-Policy (script-src 'self') blocks inline
//   scripts. This points index.html at `awscost-embed.js` instead (a stable name a host page can
//   use). The hashed files keep their names, so they can be cached forever.
// - In release builds it also builds one module per panel (the widget crate with only that
//   panel's feature), bound and optimised as Trunk does the full one, with content-hashed names
//   `awscost-<panel>-<hash>.js` and `awscost-<panel>-<hash>_bg.wasm`, and the same panel
//   without the own page's code (`awscost-<panel>-embed-<hash>`). A host page whose widgets all
//   ask for the same single panel loads its embed module first, the widget's own page the
//   panel's module it opens on; anything else (another panel, the scenarios, the JS API) loads
//   the full module when first used. Each module is optimised in the background while the next
//   one compiles. Debug builds (`trunk serve`) skip them: the loader then always takes the full
//   module.
// - Exercises (asking one, making one, `awscost.grade`) are a module of their own: Trunk's
//   build (every feature) is the exercise module, `awscost-web-<hash>`; in release builds the
//   full module, `awscost-full-<hash>`, is built as the panels are, with every feature but the
//   exercises. A page asks for the exercise module only when it asks an exercise or makes one.
//   Debug builds use Trunk's module for both.
// - The stylesheet is made here from `web/style/`: `base.css` (what every panel draws), one file
//   per panel that has rules of its own, and `full.css` (scenarios, exercises, explorers). A
//   one-panel module's sheet, `style-<panel>-<hash>.css`, is the base and that panel's file; the
//   full sheet, `style-<hash>.css`, is every file. The loader adds the sheet of the module it
//   starts.
// - In release builds every module's JavaScript, the stylesheets and the loader are minified
//   (scripts/minify.mjs, esbuild), as the floor's are.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { minified, minifyDir } from './minify.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const release = process.env.TRUNK_PROFILE === 'release';
const html = path.join(dir, 'index.html');
const page = fs.readFileSync(html, 'utf8');
const inline = /<script type="module">[\s\S]*?<\/script>/;
const files = fs.readdirSync(dir);
const js = files.find((f) => /^awscost-web-[0-9a-f]+\.js$/.test(f));
if (!inline.test(page) || !js) throw new Error(`${html}: no Trunk loader or awscost-web-<hash>.js`);

const PANELS = ['lambda', 'ec2', 'ebs', 's3'];

/** Writes a stylesheet made of `web/style/<part>.css` in order, named by its content's hash. */
function sheet(name, parts) {
  const text = parts.map((p) => path.join(ROOT, 'web', 'style', `${p}.css`)).filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f, 'utf8')).join('');
  const file = `${name}-${crypto.createHash('sha256').update(text).digest('hex').slice(0, 16)}.css`;
  fs.writeFileSync(path.join(dir, file), text);
  return file;
}
const styleParts = fs.readdirSync(path.join(ROOT, 'web', 'style')).map((f) => f.replace(/\.css$/, ''));
const unknownPart = styleParts.find((p) => !['base', 'full', ...PANELS].includes(p));
if (unknownPart) throw new Error(`web/style/${unknownPart}.css: not base, full or a panel`);
const css = { full: sheet('style', ['base', ...PANELS, 'full']) };
for (const p of PANELS) css[p] = sheet(`style-${p}`, ['base', p]);

/** The modules built beside Trunk's, by name: the cargo features each has. A panel's module
 * (`ebs`) is the widget's own page's first module; `ebs-embed` is the same panel without the own
 * page's code (`page`), for host pages that embed that panel alone. */
const BUILT = {
  ...Object.fromEntries(PANELS.flatMap((p) => [[p, `${p},page`], [`${p}-embed`, p]])),
  full: 'lambda,ec2,ebs,s3,scenarios,api,page',
};

/** Runs a command to its end; a failure stops the build. */
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });

/** The same, in the background: resolves when it has succeeded. */
const runAsync = (cmd, args) => new Promise((resolve, reject) => {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('error', reject);
  child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}`))));
});

/** Builds and binds the widget with `module`'s features, then optimises it in the background
 * (while the next module compiles: linking with LTO and wasm-opt each keep one core busy);
 * resolves to its glue's file name. */
function buildModule(module) {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'awscost-web',
    '--no-default-features', '--features', BUILT[module]]);
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR) : path.join(ROOT, 'target');
  const work = fs.mkdtempSync(path.join(target, `panel-${module}-`));
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', work, '--out-name', module,
    path.join(target, 'wasm32-unknown-unknown', 'release', 'awscost_web.wasm')]);
  // AWSCOST_WASM_NAMES=1 keeps the functions' names (wasm-opt -g), for a profiler or twiggy.
  const names = process.env.AWSCOST_WASM_NAMES ? ['-g'] : [];
  return runAsync('wasm-opt', ['-Oz', ...names, '--converge', '--zero-filled-memory', '--output', path.join(work, 'opt.wasm'),
    path.join(work, `${module}_bg.wasm`)]).then(() => {
    const wasm = fs.readFileSync(path.join(work, 'opt.wasm'));
    const glue = fs.readFileSync(path.join(work, `${module}.js`));
    const hash = crypto.createHash('sha256').update(glue).update(wasm).digest('hex').slice(0, 16);
    const name = `awscost-${module}-${hash}`;
    fs.writeFileSync(path.join(dir, `${name}.js`), glue);
    fs.writeFileSync(path.join(dir, `${name}_bg.wasm`), wasm);
    return `${name}.js`;
  }).finally(() => fs.rmSync(work, { recursive: true, force: true }));
}

const modules = { full: js, exercise: js };
if (release) {
  const names = Object.keys(BUILT);
  const files = await Promise.all(names.map(buildModule));
  names.forEach((m, i) => { modules[m] = files[i]; });
}

// The loader as shipped: its comments (documentation for this repository) left out, with a
// line saying where they are.
const source = fs.readFileSync(path.join(ROOT, 'scripts', 'embed-loader.js'), 'utf8')
  .replace(/^\s*\/\/.*\n/gm, '')
  .replace(/^\s*\/\*\*.*\*\/\n/gm, '')
  .replace('/* MODULES */ {}', JSON.stringify(modules))
  .replace('/* CSS */ {}', JSON.stringify(css));
if (source.includes('/* MODULES */') || source.includes('/* CSS */')) throw new Error('embed-loader.js: the placeholders were not filled');
const loader = release ? minified(source, 'js') : source;
fs.writeFileSync(path.join(dir, 'awscost-embed.js'),
  '// The awscost widget\'s loader; documented in scripts/embed-loader.js of its repository.\n' + loader);
// Trunk also preloads the full module; the loader decides which module a page needs, so the
// iframe route with one panel does not fetch the full one as well.
const preload = /<link rel="(?:modulepreload|preload)" href="\/awscost-web-[0-9a-f]+(?:\.js|_bg\.wasm)"[^>]*>\s*/g;
fs.writeFileSync(html, page.replace(inline, '<script type="module" src="/awscost-embed.js"></script>').replace(preload, ''));
if (release) minifyDir(dir, (f) => f !== 'awscost-embed.js');
