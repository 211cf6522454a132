#!/usr/bin/env node
// Splits the linked app in two (issue 11, first visit): zygc.wasm keeps the functions a first
// visit runs (named in src/platform/web/first-visit-functions.txt), zygc.deferred.wasm gets
// the rest, which the page fetches after the first data is on screen (zygc-shell.js).
// A call into a function that was split out before that file arrived still works: it goes
// through a placeholder that loads the deferred part first (Emscripten's SPLIT_MODULE).
//
//   node scripts/split-wasm.mjs APP_RAW_DIR KEEP_LIST SPLIT_DIR
//
// Input: APP_RAW_DIR/zygc.wasm.orig (the whole module, with function names: linked with
// -sSPLIT_MODULE --profiling-funcs) and APP_RAW_DIR/zygc.wasm (the same, instrumented by emcc
// to record which functions run). Output: APP_RAW_DIR/zygc.wasm and zygc.deferred.wasm
// (no names); the instrumented module and the whole one are moved to SPLIT_DIR for
// scripts/first-visit-functions.mjs, which rewrites the keep list.
// A name in the list that is no longer in the module is ignored; a function missing from it
// is only loaded later, never lost.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [appRaw, keepList, splitDir] = process.argv.slice(2);
const orig = path.join(appRaw, 'zygc.wasm.orig');
if (!existsSync(orig)) process.exit(0);  // not a split build (Debug)

// The function names of a module and the functions it exports (by internal name).
export function functionNames(bytes) {
  let p = 8;
  const leb = () => { let r = 0, s = 0, b; do { b = bytes[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
  const str = () => { const n = leb(); const t = bytes.subarray(p, p + n).toString(); p += n; return t; };
  const names = new Map(); const exported = [];
  while (p < bytes.length) {
    const id = bytes[p++]; const end = leb() + p;
    if (id === 7) {
      for (let n = leb(); n > 0; n--) { str(); const kind = bytes[p++]; const index = leb(); if (kind === 0) exported.push(index); }
    } else if (id === 0 && str() === 'name') {
      while (p < end) {
        const sub = bytes[p++]; const subEnd = leb() + p;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const index = leb(); names.set(index, str()); }
        p = subEnd;
      }
    }
    p = end;
  }
  return { names, exported: exported.map((i) => names.get(i)).filter(Boolean) };
}

// Binaryen's name for a function: characters outside its identifier set as \\hh (hex);
// the list holds names as wasm-split prints them.
const binaryenName = (name) => name.replace(/[^A-Za-z0-9!#$%&'*+\-./:<=>?@\\^_`|~]/g,
  (c) => [...Buffer.from(c)].map((b) => '\\' + b.toString(16).padStart(2, '0')).join(''));

const { names, exported } = functionNames(readFileSync(orig));
const present = new Set([...names.values()].map(binaryenName));
const listed = readFileSync(keepList, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const keep = [...new Set([...listed.filter((n) => present.has(n)), ...exported.map(binaryenName)])];

mkdirSync(splitDir, { recursive: true });
const keepFile = path.join(splitDir, 'keep.txt');
writeFileSync(keepFile, keep.join('\n') + '\n');
renameSync(path.join(appRaw, 'zygc.wasm'), path.join(splitDir, 'zygc.instrumented.wasm'));
renameSync(orig, path.join(splitDir, 'zygc.orig.wasm'));
execFileSync('wasm-split', [path.join(splitDir, 'zygc.orig.wasm'), '--split', `--keep-funcs=@${keepFile}`,
  '--export-prefix=%', '--enable-mutable-globals', '--enable-sign-ext', '--enable-bulk-memory',
  '-o1', path.join(appRaw, 'zygc.wasm'), '-o2', path.join(appRaw, 'zygc.deferred.wasm')], { stdio: ['ignore', 'ignore', 'inherit'] });
// Each part optimized for size again on its own: what emcc's whole-module pass could not see
// (code only one part uses), 1.1 % of zygc.wasm's brotli bytes.
for (const part of ['zygc.wasm', 'zygc.deferred.wasm']) {
  execFileSync('wasm-opt', ['-Os', '--enable-mutable-globals', '--enable-sign-ext', '--enable-bulk-memory',
    path.join(appRaw, part), '-o', path.join(appRaw, part)], { stdio: ['ignore', 'ignore', 'inherit'] });
}
console.log(`split-wasm: ${keep.length} of ${present.size} functions in zygc.wasm (${listed.length} listed), the rest in zygc.deferred.wasm`);
