#!/usr/bin/env node
// Production files for 志愿港城, made from the build and the templates in deploy/nginx/.
//
//   node deploy/render.mjs stage-app SRC DEST
//       Copies the built app (build/wasm/app) to DEST for nginx: every script and wasm but
//       config.js and sw.js under its content-hashed name (cached for a year), the references
//       to them rewritten, and every text/wasm file with .gz and .br siblings (gzip_static,
//       brotli_static); see deploy/stage.mjs. index.html, config.js, sw.js, the icon and the
//       manifest keep their names. The plain twins the build keeps for tests are left out.
//
//   node deploy/render.mjs nginx-conf --out DIR --app-root DEST --cert FILE --key FILE
//       [--server-name NAME] [--https-listen 443] [--http-listen 80] [--upstream 127.0.0.1:8080]
//       [--acme-root /var/www/acme] [--header-timeout 10s]
//       Fills the templates into DIR (zygc-site.conf and the two snippets it includes). The
//       CSP gets the hashes of index.html's inline <style>/<script> blocks from DEST.
//
// Plain string work, no dependencies beyond node itself.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyStaged, stage } from './stage.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function die(msg) {
  console.error(`render: ${msg}`);
  process.exit(2);
}

const sha = (buf, alg = 'sha256') => createHash(alg).update(buf).digest();

// [SECTION] stage-app
// The hashing and precompression live in deploy/stage.mjs (the build stages build/wasm/app
// the same way); a staged build directory is copied without the plain twins.
function stageApp(src, dest) {
  for (const f of ['index.html', 'zygc.wasm', 'config.js']) {
    if (!existsSync(path.join(src, f))) die(`${src}/${f} missing: build the wasm app first`);
  }
  let m;
  try {
    if (existsSync(path.join(src, 'asset-manifest.json'))) m = copyStaged(src, dest);
    else {
      rmSync(dest, { recursive: true, force: true });
      m = stage(src, dest, { keepPlain: false });
    }
  } catch (e) {
    die(e.message);
  }
  const h = m.hashed;
  console.log(JSON.stringify({ dest, build: m.build, wasm: h['zygc.wasm'], shell: h['zygc-shell.js'],
                               glue: h['zygc.js'], compressed: Object.keys(m.compressed).length }));
}

// [SECTION] nginx-conf

// 'sha256-…' for every inline <style> and <script> body of the page (CSP Level 2 hashes).
function inlineHashes(html) {
  const out = { style: [], script: [] };
  for (const [, tag, attrs, body] of html.matchAll(/<(style|script)([^>]*)>([\s\S]*?)<\/\1>/g)) {
    if (tag === 'script' && /\bsrc=/.test(attrs)) continue;
    out[tag].push(`'sha256-${sha(Buffer.from(body, 'utf8')).toString('base64')}'`);
  }
  return out;
}

// The page's <link rel="preload"> elements as a Link header value (the same as zygc-server's,
// src/server/static_files.cpp).
function preloadLink(html) {
  const out = [];
  for (const [tag] of html.matchAll(/<link [^>]*>/g)) {
    const attr = (name) => tag.match(new RegExp(` ${name}(?:="([^"]*)")?[ >]`));
    const rel = attr('rel'), href = attr('href'), as = attr('as');
    if (rel?.[1] !== 'preload' || !href?.[1] || !as?.[1] || /[<>",;\s]/.test(href[1] + as[1])) continue;
    out.push(`<${href[1]}>; rel=preload; as=${as[1]}${attr('crossorigin') ? '; crossorigin' : ''}`);
  }
  return out.join(', ');
}

// WeChat opens the page in its own web-view (a top-level document, not a frame), but its
// developer tools and some official-account surfaces frame it from these hosts.
const WECHAT_FRAME_HOSTS = 'https://servicewechat.com https://*.servicewechat.com https://*.weixin.qq.com';

function csp(html) {
  const h = inlineHashes(html);
  return [
    "default-src 'none'",
    // 'wasm-unsafe-eval' lets WebAssembly compile; no 'unsafe-eval', no inline scripts.
    `script-src 'self' 'wasm-unsafe-eval' ${h.script.join(' ')}`.trim(),
    `style-src 'self' ${h.style.join(' ')}`.trim(),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors 'self' ${WECHAT_FRAME_HOSTS}`,
  ].join('; ');
}

function nginxConf(args) {
  const opt = {
    'server-name': '_', 'https-listen': '443', 'http-listen': '80', upstream: '127.0.0.1:8080',
    'acme-root': '/var/www/acme', 'header-timeout': '10s',
  };
  for (let i = 0; i < args.length; i += 2) {
    if (!args[i].startsWith('--') || args[i + 1] === undefined) die(`bad argument ${args[i]}`);
    opt[args[i].slice(2)] = args[i + 1];
  }
  for (const need of ['out', 'app-root', 'cert', 'key']) if (!opt[need]) die(`--${need} is required`);
  const appRoot = path.resolve(opt['app-root']);
  const out = path.resolve(opt.out);
  const html = readFileSync(path.join(appRoot, 'index.html'), 'utf8');
  const httpsPort = opt['https-listen'].split(':').pop();
  const brotli = existsSync('/usr/lib/nginx/modules/ngx_http_brotli_static_module.so')
    ? 'brotli_static on;'
    : '# brotli_static: libnginx-mod-http-brotli-static is not installed';
  const values = {
    SERVER_NAME: opt['server-name'],
    HTTPS_LISTEN: opt['https-listen'],
    HTTP_LISTEN: opt['http-listen'],
    HTTPS_PORT_SUFFIX: httpsPort === '443' ? '' : `:${httpsPort}`,
    UPSTREAM: opt.upstream,
    ACME_ROOT: opt['acme-root'],
    HEADER_TIMEOUT: opt['header-timeout'],
    CERT: path.resolve(opt.cert),
    KEY: path.resolve(opt.key),
    APP_ROOT: appRoot,
    CONF_DIR: out,
    BROTLI_STATIC: brotli,
    CSP: csp(html),
    PRELOAD_LINK: preloadLink(html),
  };
  mkdirSync(out, { recursive: true });
  const files = [['zygc-site.conf.in', 'zygc-site.conf'], ['zygc-proxy.conf', 'zygc-proxy.conf'],
                 ['zygc-security-headers.conf', 'zygc-security-headers.conf']];
  for (const [from, to] of files) {
    let text = readFileSync(path.join(HERE, 'nginx', from), 'utf8');
    text = text.replace(/\{\{([A-Z_]+)\}\}/g, (m, k) => {
      if (!(k in values)) die(`${from}: unknown placeholder ${m}`);
      return values[k];
    });
    writeFileSync(path.join(out, to), text);
  }
  console.log(path.join(out, 'zygc-site.conf'));
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'stage-app' && rest.length === 2) stageApp(path.resolve(rest[0]), path.resolve(rest[1]));
else if (cmd === 'nginx-conf') nginxConf(rest);
else die('usage: render.mjs stage-app SRC DEST | nginx-conf --out DIR --app-root DIR --cert F --key F [...]');
