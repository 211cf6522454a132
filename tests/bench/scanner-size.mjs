// qr: bytes of what opening the camera scanner (and saving a certificate) downloads on
// demand — never on a first visit. Raw, gzip -9 and brotli -q 11, as nginx would serve
// them precompressed. Figures for docs/benchmarks.md, no assertions.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APP = process.env.ZYGC_APP_DIR || path.join(ROOT, 'build/wasm/app');

console.log('## On-demand scanner and certificate files (build/wasm/app)');
console.log(`${'file'.padEnd(22)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
const t = [0, 0, 0];
for (const f of ['zygc_scanner.wasm', 'zygc_scanner.js', 'zygc-camera.js', 'zygc-certificate.js']) {
  const b = readFileSync(path.join(APP, f));
  const gz = gzipSync(b, { level: 9 }).length;
  const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  [b.length, gz, br].forEach((v, i) => { t[i] += v; });
  console.log(`${f.padEnd(22)} ${String(b.length).padStart(9)} ${String(gz).padStart(9)} ${String(br).padStart(9)}`);
}
console.log(`${'total'.padEnd(22)} ${String(t[0]).padStart(9)} ${String(t[1]).padStart(9)} ${String(t[2]).padStart(9)}`);
