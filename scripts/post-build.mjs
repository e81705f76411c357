// Trunk post-build hook (see Trunk.toml): no inline script, and a stable-named embed loader.
//
// Trunk writes an inline <script type="module"> into index.html that imports the hashed
// `awscost-web-<hash>.js`; a strict Content-Security-Policy (script-src 'self') blocks inline
// scripts. This writes that import into `awscost-embed.js` (a stable name a host page can use)
// and points index.html at it. The hashed files keep their names, so they can be cached forever.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const html = path.join(dir, 'index.html');
const page = fs.readFileSync(html, 'utf8');
const inline = /<script type="module">[\s\S]*?<\/script>/;
const files = fs.readdirSync(dir);
const js = files.find((f) => /^awscost-web-[0-9a-f]+\.js$/.test(f));
const css = files.find((f) => /^style-[0-9a-f]+\.css$/.test(f));
if (!inline.test(page) || !js || !css) throw new Error(`${html}: no Trunk loader, awscost-web-<hash>.js or style-<hash>.css`);
fs.writeFileSync(path.join(dir, 'awscost-embed.js'),
  `// Loads the awscost widget: it mounts into #awscost-app and every [data-awscost] element.\n` +
  `import init from './${js}';\n` +
  `const css = new URL('./${css}', import.meta.url).href;\n` +
  `if (![...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === css)) {\n` +
  `  const link = document.createElement('link');\n` +
  `  link.rel = 'stylesheet';\n` +
  `  link.href = css;\n` +
  `  document.head.append(link);\n` +
  `}\n` +
  `await init({ module_or_path: new URL('./${js.replace(/\.js$/, '_bg.wasm')}', import.meta.url) });\n` +
  `document.dispatchEvent(new CustomEvent('awscost:ready'));\n`);
fs.writeFileSync(html, page.replace(inline, '<script type="module" src="/awscost-embed.js"></script>'));
