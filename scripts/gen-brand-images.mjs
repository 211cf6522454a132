#!/usr/bin/env node
// Cover images for the demo brands (issue 10), drawn here — no downloaded art. Each brand of
// the seed gets a banner (2.4:1) in three widths, so a phone never downloads a desktop image:
//   OUT/<slug>-480.png   480 × 200   phones (the app picks it up to 480 device px)
//   OUT/<slug>-960.png   960 × 400   phones up to 2× (the app counts DPR up to 2), small desktops;
//                                    also OUT/<slug>.png, the brand's cover_url
//   OUT/<slug>-1440.png 1440 × 600   desktop windows at 2× (the API lists the widths: cover_widths)
// The picture is deterministic (the slug seeds it): a diagonal gradient in the brand's
// colours, soft circles and a wave along the bottom. PNG written by hand (zlib + CRC-32).
//   node scripts/gen-brand-images.mjs assets/demo/seed.json build/wasm/app/img/brands
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
export function png(width, height, rgb) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;  // filter: none
    rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;  // bit depth
  ihdr[9] = 2;  // colour type: RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
                        chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// A small deterministic generator seeded by the slug (FNV-1a, then xorshift).
function rng(seed) {
  let h = 0x811c9dc5;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return () => {
    h ^= h << 13; h >>>= 0; h ^= h >>> 17; h ^= h << 5; h >>>= 0;
    return h / 0x100000000;
  };
}
function hsl(h, s, l) {
  const a = s * Math.min(l, 1 - l);
  const f = (n) => { const k = (n + h / 30) % 12; return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)); };
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

export function draw(slug, width, height) {
  const r = rng(slug);
  const hue = Math.floor(r() * 360);
  const from = hsl(hue, 0.62, 0.46), to = hsl((hue + 40 + r() * 40) % 360, 0.7, 0.62);
  const light = hsl(hue, 0.8, 0.9);
  const s = width / 960;  // shapes scale with the width: both variants are the same picture
  const circles = Array.from({ length: 5 }, () => ({
    x: r() * width, y: r() * height, rad: (60 + r() * 150) * s, a: 0.10 + r() * 0.14,
  }));
  const wave = { amp: (14 + r() * 12) * s, len: (220 + r() * 160) * s, phase: r() * 6.28, top: height * 0.72 };
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width) * 0.6 + (y / height) * 0.4;
      let c = [0, 1, 2].map((i) => from[i] + (to[i] - from[i]) * t);
      for (const k of circles) {  // soft-edged discs of the light tint
        const d = Math.hypot(x - k.x, y - k.y) - k.rad;
        const cover = Math.max(0, Math.min(1, 0.5 - d / (1.5 * Math.max(s, 0.5))));
        if (cover > 0) c = c.map((v, i) => v + (light[i] - v) * k.a * cover);
      }
      const wy = wave.top + Math.sin(x / wave.len * 6.283 + wave.phase) * wave.amp;
      const wc = Math.max(0, Math.min(1, y - wy + 0.5));  // below the wave line (anti-aliased)
      if (wc > 0) c = c.map((v, i) => v + (light[i] - v) * 0.35 * wc);
      const o = (y * width + x) * 3;
      rgb[o] = Math.round(c[0]); rgb[o + 1] = Math.round(c[1]); rgb[o + 2] = Math.round(c[2]);
    }
  }
  return png(width, height, rgb);
}

export const WIDTHS = [480, 960, 1440];  // images (issue 10): the server's cover_widths

if (import.meta.url === `file://${process.argv[1]}`) {
  const [seedFile, out] = process.argv.slice(2);
  if (!seedFile || !out) {
    console.error('usage: gen-brand-images.mjs SEED.json OUT_DIR');
    process.exit(2);
  }
  const brands = JSON.parse(readFileSync(seedFile, 'utf8')).brands || [];
  mkdirSync(out, { recursive: true });
  let made = 0;
  for (const b of brands) {
    for (const w of WIDTHS) {
      const file = path.join(out, `${b.slug}-${w}.png`);
      if (existsSync(file)) continue;  // deterministic: made once per build directory
      writeFileSync(file, draw(b.slug, w, Math.round(w * 5 / 12)));
      made++;
    }
    const cover = path.join(out, `${b.slug}.png`);
    if (!existsSync(cover)) writeFileSync(cover, readFileSync(path.join(out, `${b.slug}-960.png`)));
  }
  if (made) console.log(`brand images: ${made} made in ${out}`);
}
