// Writes the test pictures and the test sequence as raw RGB24 files (the layout of
// `ffmpeg -pix_fmt rgb24 -f rawvideo`), plus manifest.json describing them, into the folder given as the
// first argument. Everything comes from a seeded generator, so every run writes the same bytes.
//
// usage: node generate.mjs OUT_DIR

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node generate.mjs OUT_DIR');
  process.exit(2);
}

mkdirSync(outDir, { recursive: true });

/** mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal numbers (Box-Muller) from a uniform generator. */
function gaussian(uniform) {
  return () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

function image(width, height, pixel) {
  const bytes = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const i = (y * width + x) * 3;
      bytes[i] = clamp(r);
      bytes[i + 1] = clamp(g);
      bytes[i + 2] = clamp(b);
    }
  }
  return bytes;
}

/** HSV (h in [0, 1)) to RGB 0..255. */
function hsv(h, s, v) {
  const i = Math.floor(h * 6);
  const f = h * 6 - i;
  const p = v * (1 - s);
  const q = v * (1 - f * s);
  const t = v * (1 - (1 - f) * s);
  const rgb = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]][((i % 6) + 6) % 6];
  return rgb.map((c) => c * 255);
}

function gradient(width, height) {
  return image(width, height, (x, y) => hsv(x / width, 0.85, 0.25 + 0.75 * (1 - y / height)));
}

function blobs(width, height, seed) {
  const uniform = random(seed);
  const spots = Array.from({ length: 7 }, () => ({
    x: uniform() * width,
    y: uniform() * height,
    radius: (0.08 + 0.18 * uniform()) * width,
    color: hsv(uniform(), 0.6 + 0.4 * uniform(), 0.5 + 0.5 * uniform()),
  }));
  return image(width, height, (x, y) => {
    let color = [18, 20, 28];
    for (const spot of spots) {
      const d2 = ((x - spot.x) ** 2 + (y - spot.y) ** 2) / spot.radius ** 2;
      const alpha = Math.exp(-d2 * 2);
      color = color.map((c, i) => c * (1 - alpha) + spot.color[i] * alpha);
    }
    return color;
  });
}

function noise(width, height, seed) {
  const uniform = random(seed);
  return image(width, height, () => [uniform() * 256, uniform() * 256, uniform() * 256]);
}

/** Five flat colors over vertical bands of 40, 25, 15, 12 and 8 % of the width, with Gaussian noise (sigma 4). */
function planted(width, height, seed) {
  const normal = gaussian(random(seed));
  const colors = [[200, 40, 40], [30, 90, 200], [240, 220, 60], [40, 160, 80], [250, 250, 250]];
  const edges = [0.4, 0.65, 0.8, 0.92, 1];
  return image(width, height, (x) => {
    const band = edges.findIndex((edge) => x / width < edge);
    return colors[band].map((c) => c + 4 * normal());
  });
}

/** A photo-like landscape: sky gradient, a sun, two hills with texture, a lake, and a small red boat. */
function landscape(width, height, seed) {
  const normal = gaussian(random(seed));
  const u = (x) => x / width;
  const v = (y) => y / height;
  return image(width, height, (x, y) => {
    const fx = u(x);
    const fy = v(y);
    const grain = 6 * normal();
    const sunDistance = Math.hypot(fx - 0.72, (fy - 0.22) * (height / width));
    if (sunDistance < 0.05) {
      return [255 + grain, 236 + grain, 170 + grain];
    }

    const farHill = 0.48 + 0.06 * Math.sin(fx * 9.0) + 0.03 * Math.sin(fx * 23.0);
    const nearHill = 0.62 + 0.08 * Math.sin(fx * 5.0 + 1.3);
    if (fy > 0.8) {
      const boat = fx > 0.3 && fx < 0.36 && fy > 0.83 && fy < 0.86;
      if (boat) {
        return [205 + grain, 30 + grain, 35 + grain];
      }

      const ripple = 18 * Math.sin(fy * 180 + fx * 10);
      return [40 + ripple + grain, 85 + ripple + grain, 120 + ripple + grain];
    }

    if (fy > nearHill) {
      const texture = 25 * Math.sin(fx * 140) * Math.sin(fy * 120);
      return [70 + texture + 2 * grain, 110 + texture + 2 * grain, 40 + texture + grain];
    }

    if (fy > farHill) {
      const haze = (fy - farHill) * 2;
      return [95 + 30 * haze + grain, 120 + 20 * haze + grain, 140 - 30 * haze + grain];
    }

    const glow = Math.max(0, 0.35 - sunDistance) * 200;
    return [110 + 120 * fy + glow + grain, 150 + 70 * fy + glow * 0.8 + grain, 220 - 20 * fy + grain];
  });
}

/**
 * A video-like sequence: a slowly panning scene of colored shapes with sensor noise (sigma 6), cut at frame
 * `cut` to a different, warmer scene that also moves.
 */
function sequence(width, height, frames, cut, seed) {
  const normal = gaussian(random(seed));
  const bytes = new Uint8Array(width * height * 3 * frames);
  const sceneA = (x, y, t) => {
    const px = x + 2 * t;
    if ((px - 0.3 * width) ** 2 + (y - 0.5 * height) ** 2 < (0.22 * height) ** 2) return [40, 110, 210];
    if (y > 0.75 * height) return [50, 140, 60];
    if (Math.floor(px / (width / 4)) % 2 === 0 && y < 0.3 * height) return [230, 230, 225];
    return [25 + (y / height) * 40, 25, 45];
  };
  const sceneB = (x, y, t) => {
    const py = y + t;
    if (py % 60 < 20) return [220, 120, 30];
    if (x < 0.35 * width) return [150, 30, 40];
    if ((x - 0.7 * width) ** 2 + (y - 0.45 * height) ** 2 < (0.2 * height) ** 2) return [250, 210, 80];
    return [70, 45, 35];
  };
  for (let f = 0; f < frames; f++) {
    const scene = f < cut ? sceneA : sceneB;
    const t = f < cut ? f : f - cut;
    const frame = image(width, height, (x, y) => scene(x, y, t).map((c) => c + 6 * normal()));
    bytes.set(frame, f * width * height * 3);
  }
  return bytes;
}

const pictures = [
  { name: 'gradient', width: 640, height: 360, make: (w, h) => gradient(w, h) },
  { name: 'blobs', width: 640, height: 360, make: (w, h) => blobs(w, h, 11) },
  { name: 'noise', width: 640, height: 360, make: (w, h) => noise(w, h, 12) },
  { name: 'planted', width: 640, height: 360, make: (w, h) => planted(w, h, 13) },
  { name: 'landscape', width: 640, height: 360, make: (w, h) => landscape(w, h, 14) },
  { name: 'landscape-1080p', width: 1920, height: 1080, make: (w, h) => landscape(w, h, 15) },
];

const manifest = { pictures: [], sequence: null };
for (const picture of pictures) {
  const file = `${picture.name}.rgb`;
  const bytes = picture.make(picture.width, picture.height);
  writeFileSync(join(outDir, file), bytes);
  manifest.pictures.push({
    name: picture.name,
    file,
    width: picture.width,
    height: picture.height,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
}

const seq = { name: 'sequence', file: 'sequence.rgb', width: 320, height: 180, frames: 32, cut: 16 };
const seqBytes = sequence(seq.width, seq.height, seq.frames, seq.cut, 16);
writeFileSync(join(outDir, seq.file), seqBytes);
manifest.sequence = { ...seq, sha256: createHash('sha256').update(seqBytes).digest('hex') };

writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.error(`wrote ${pictures.length} pictures and a ${seq.frames}-frame sequence to ${outDir}`);
