// Staging of the built app for delivery, shared by the build (scripts/build → CMake target
// zygc_site) and deploy/render.mjs stage-app. From a directory of plain files (the linker's
// zygc.js/zygc.wasm, shell/*, web/*) it makes the served directory:
//   - every .js, .wasm and .json (except config.js, edited per deployment, and sw.js, whose URL
//     must stay put) gets a content-hashed twin NAME.<16 hex>.EXT; quoted references to the plain
//     names inside the other hashed files and in index.html are rewritten, leaves first
//     (the wasm, then the scripts naming it, then the page), so a new file needs no edit here;
//   - index.html carries <meta name="zygc-build" content="BUILD"> (BUILD: a hash over the page
//     and every hashed name) and names only hashed files;
//   - sw.js gets the build id and the list of files to precache (replacing its placeholders);
//   - asset-manifest.json lists the hashed names and their plain twins;
//   - every compressible file gets .br (quality 11) and .gz (level 9) siblings, which the
//     reference server and nginx send as they are by Accept-Encoding.
// keepPlain: the plain twins stay (the dev server and tests find zygc.wasm by its name);
// a deployment drops them, so a stale page fails loudly instead of loading a mix.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync,
         writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const COMPRESS = /\.(html|js|mjs|css|svg|json|webmanifest|wasm|txt|xml)$/;
const UNHASHED = new Set(['config.js', 'sw.js']);
const TREES = ['img'];  // directories served under their own names (issue 10: /img/brands/*.png)
const HASHED_NAME = /\.[0-9a-f]{16}\.[a-z0-9]+$/;

const sha = (buf) => createHash('sha256').update(buf).digest('hex');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Replaces every quoted occurrence ("name" or 'name') of each plain name by its hashed twin.
function rewrite(text, names) {
  for (const [plain, hashed] of Object.entries(names)) {
    text = text.replace(new RegExp(`(["'])${escape(plain)}\\1`, 'g'), `$1${hashed}$1`);
  }
  return text;
}
const mentions = (text, name) => new RegExp(`["']${escape(name)}["']`).test(text);

// Compressed siblings, reused from the previous staging when the content is unchanged
// (brotli at quality 11 takes seconds for the wasm; a rebuild that changes one file pays once).
function compress(file, cache) {
  const buf = readFileSync(file);
  const key = sha(buf);
  let prev = cache[path.basename(file)];
  if (!prev || prev.sha !== key || !existsSync(`${file}.br`) || !existsSync(`${file}.gz`)) {
    writeFileSync(`${file}.gz`, zlib.gzipSync(buf, { level: 9 }));
    writeFileSync(`${file}.br`, zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }));
  }
  return { sha: key };
}

export function stage(src, dest, { keepPlain = true } = {}) {
  if (!existsSync(path.join(src, 'index.html'))) throw new Error(`${src}/index.html missing`);
  mkdirSync(dest, { recursive: true });
  const manifestFile = path.join(dest, 'asset-manifest.json');
  let cache = {};
  try { cache = JSON.parse(readFileSync(manifestFile, 'utf8')).compressed || {}; } catch {}

  const files = readdirSync(src).filter((f) => !f.startsWith('.') && !/\.(br|gz)$/.test(f) &&
    !HASHED_NAME.test(f) && f !== 'asset-manifest.json' && statSync(path.join(src, f)).isFile());
  const pending = files.filter((f) => /\.(js|wasm|json)$/.test(f) && !UNHASHED.has(f));
  const names = {};  // plain → hashed
  const out = {};    // served name → content (Buffer)
  while (pending.length) {
    let progress = false;
    for (let i = 0; i < pending.length; i++) {
      const f = pending[i];
      let buf = readFileSync(path.join(src, f));
      if (f.endsWith('.js')) {
        const text = buf.toString('utf8');
        if (pending.some((o) => o !== f && mentions(text, o))) continue;  // a leaf first
        buf = Buffer.from(rewrite(text, names), 'utf8');
      }
      const ext = path.extname(f);
      names[f] = `${path.basename(f, ext)}.${sha(buf).slice(0, 16)}${ext}`;
      out[names[f]] = buf;
      pending.splice(i--, 1);
      progress = true;
    }
    if (!progress) throw new Error(`scripts naming each other, cannot hash: ${pending.join(', ')}`);
  }

  let html = rewrite(readFileSync(path.join(src, 'index.html'), 'utf8'), names);
  const build = sha(html + JSON.stringify(names)).slice(0, 16);
  html = html.replace(/<meta name="zygc-build"[^>]*>\n?/, '')
    .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta name="zygc-build" content="${build}">`);
  out['index.html'] = Buffer.from(html, 'utf8');

  // The service worker precaches the page's whole shell: the hashed files and the small
  // plain ones the page names (config, manifest, icon).
  // Modules loaded on demand (the camera's QR decoder) are not: a first visit must not pay for them.
  const onDemand = (f) => f.startsWith('zygc_scanner.');
  const precache = ['./', ...Object.entries(names).filter(([f]) => !onDemand(f)).map(([, h]) => h).sort(),
                    ...files.filter((f) => !/\.(js|wasm|json)$/.test(f) && f !== 'index.html' &&
                                          f !== 'sw.js' && !f.endsWith('.map')),
                    'config.js'];
  if (files.includes('sw.js')) {
    let sw = readFileSync(path.join(src, 'sw.js'), 'utf8');
    sw = sw.replace("'__ZYGC_BUILD__'", JSON.stringify(build))
      .replace('[/* __ZYGC_PRECACHE__ */]', JSON.stringify(precache));
    out['sw.js'] = Buffer.from(sw, 'utf8');
  }

  for (const f of files) {
    if (out[f]) continue;
    if (names[f] && !keepPlain) continue;
    out[f] = readFileSync(path.join(src, f));
  }
  // Remove what this staging no longer serves (older hashed twins, dropped files).
  const keep = new Set(Object.keys(out));
  for (const f of readdirSync(dest)) {
    const base = f.replace(/\.(br|gz)$/, '');
    if (f !== 'asset-manifest.json' && !keep.has(base) && !TREES.includes(f))
      rmSync(path.join(dest, f), { recursive: true, force: true });
  }
  // Pictures the API names by path (brand covers, issue 10): copied as they are, never hashed.
  for (const t of TREES) {
    if (existsSync(path.join(src, t))) cpSync(path.join(src, t), path.join(dest, t), { recursive: true });
  }
  const compressed = {};
  for (const [f, buf] of Object.entries(out)) {
    const p = path.join(dest, f);
    let same = false;
    try { same = readFileSync(p).equals(buf); } catch {}
    if (!same) writeFileSync(p, buf);
    // Plain twins are for the dev server and tests only: not worth compressing twice.
    if (COMPRESS.test(f) && buf.length >= 256 && !names[f]) compressed[f] = compress(p, cache);
    else { rmSync(`${p}.br`, { force: true }); rmSync(`${p}.gz`, { force: true }); }
  }
  const manifest = { build, hashed: names, precache, compressed };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}

// Copies a staged directory for a deployment: without the plain twins of hashed files.
export function copyStaged(src, dest) {
  const manifest = JSON.parse(readFileSync(path.join(src, 'asset-manifest.json'), 'utf8'));
  const plain = new Set(Object.keys(manifest.hashed));
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const f of readdirSync(src)) {
    if (plain.has(f.replace(/\.(br|gz)$/, '')) || !statSync(path.join(src, f)).isFile()) continue;
    copyFileSync(path.join(src, f), path.join(dest, f));
  }
  return manifest;
}

// node deploy/stage.mjs SRC DEST: what the build runs after linking.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [src, dest] = process.argv.slice(2);
  if (!src || !dest) {
    console.error('usage: stage.mjs SRC DEST');
    process.exit(2);
  }
  try {
    const m = stage(path.resolve(src), path.resolve(dest));
    console.log(`staged ${dest}: build ${m.build}, ${Object.keys(m.hashed).length} hashed, ` +
                `${Object.keys(m.compressed).length} precompressed`);
  } catch (e) {
    console.error(`stage: ${e.message}`);
    process.exit(2);
  }
}
