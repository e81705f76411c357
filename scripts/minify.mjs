// Minifies a release build's JavaScript and CSS in place with esbuild, and updates the
// subresource-integrity hashes index.html gives them. The widget's post-build hook
// (scripts/post-build.mjs) and the floor's (floor/Trunk.toml) both run it, so the budget
// compares builds made the same way.
//
// Usage as a Trunk hook: node scripts/minify.mjs   (reads TRUNK_STAGING_DIR)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { transformSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The text minified: `loader` is 'js' (an ES module) or 'css'. */
export function minified(text, loader) {
  return transformSync(text, { loader, minify: true, legalComments: 'none', ...(loader === 'js' ? { format: 'esm' } : {}) }).code;
}

/** Minifies every .js and .css file at the top of `dir` whose name `pick` accepts. */
export function minifyDir(dir, pick = () => true) {
  const html = path.join(dir, 'index.html');
  let page = fs.existsSync(html) ? fs.readFileSync(html, 'utf8') : null;
  const sri = (text) => `sha384-${crypto.createHash('sha384').update(text).digest('base64')}`;
  for (const f of fs.readdirSync(dir).filter((f) => /\.(js|css)$/.test(f) && pick(f))) {
    const file = path.join(dir, f);
    const before = fs.readFileSync(file, 'utf8');
    const after = minified(before, f.endsWith('.css') ? 'css' : 'js');
    fs.writeFileSync(file, after);
    if (page !== null) page = page.replaceAll(sri(before), sri(after));
  }
  if (page !== null) fs.writeFileSync(html, page);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
  if (process.env.TRUNK_PROFILE === 'release') minifyDir(dir);
}
