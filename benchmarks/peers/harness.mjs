// Feeds the raw RGB24 pixels listed in DATA_DIR/manifest.json to other palette tools' quantizers, directly
// (no image decoding, so every tool sees the same pixels), for k = 3, 5 and 8, and prints one JSON document:
// each tool's palette (colors and, where the tool counts them, pixel populations) and its time per image.
//
// usage: node harness.mjs DATA_DIR [REPEATS] > peers.json
//
// Times cover the tool's work from the raw RGB24 bytes: the conversion into the input format the tool expects
// (an RGBA buffer, an array of [r, g, b] triplets, or an array of ARGB ints) plus its quantizer. Each picture is
// quantized once untimed (so the JIT has compiled the code) and then REPEATS times (default 3; once for pictures
// over a megapixel, which take seconds each in some tools); the median counts.
// Sequence frames are quantized once each, cold, as these tools have no state between frames.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MmcqQuantizer, extractPalette, validateOptions } from 'colorthief/internals';
import quantize from 'quantize';
import { MMCQ as vibrantMmcq } from '@vibrant/quantizer-mmcq';
import { QuantizerCelebi } from '@material/material-color-utilities';
import { coldRgbKMeans } from './cold-rgb-kmeans.mjs';

// Not every package exports its package.json, so versions are read from the files npm installed.
const here = new URL('.', import.meta.url).pathname;
const version = (name) => JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: node harness.mjs DATA_DIR [REPEATS]');
  process.exit(2);
}

const repeats = Number.parseInt(process.argv[3] ?? '3', 10);
const ks = [3, 5, 8];
const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));

function toRgba(rgb) {
  const n = rgb.length / 3;
  const rgba = new Uint8ClampedArray(n * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgba[j] = rgb[i];
    rgba[j + 1] = rgb[i + 1];
    rgba[j + 2] = rgb[i + 2];
    rgba[j + 3] = 255;
  }
  return rgba;
}

function toTriplets(rgb) {
  const pixels = new Array(rgb.length / 3);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j++) {
    pixels[j] = [rgb[i], rgb[i + 1], rgb[i + 2]];
  }
  return pixels;
}

function toArgb(rgb) {
  const pixels = new Array(rgb.length / 3);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j++) {
    pixels[j] = (0xff000000 | (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2]) >>> 0;
  }
  return pixels;
}

const rgbOf = (argb) => [(argb >> 16) & 255, (argb >> 8) & 255, argb & 255];

/** Each tool: a name, what it is, and a function from (RGB24 bytes, width, height, k) to [{rgb, population}]. */
const tools = [
  {
    name: 'colorthief',
    label: `ColorThief ${version('colorthief')} (MMCQ in OKLCH, its default pipeline; every pixel, white kept)`,
    run: (rgb, width, height, k) => {
      const options = validateOptions({ colorCount: k, quality: 1, ignoreWhite: false });
      const colors = extractPalette(toRgba(rgb), width, height, options, new MmcqQuantizer()) ?? [];
      return colors.map((c) => ({ rgb: c.array(), population: c.population }));
    },
  },
  {
    name: 'quantize',
    label: `quantize ${version('quantize')} (ColorThief 2's MMCQ in RGB; every pixel)`,
    run: (rgb, width, height, k) => {
      const map = quantize(toTriplets(rgb), k);
      if (!map) return [];
      return map.vboxes.map((box) => ({ rgb: box.color, population: box.vbox.count() }));
    },
  },
  {
    name: 'vibrant',
    label: `node-vibrant's MMCQ (@vibrant/quantizer-mmcq ${version('@vibrant/quantizer-mmcq')}; every pixel)`,
    run: (rgb, width, height, k) =>
      vibrantMmcq(toRgba(rgb), { colorCount: k }).map((s) => ({ rgb: s.rgb.map(Math.round), population: s.population })),
  },
  {
    name: 'material',
    label: `material-color-utilities ${version('@material/material-color-utilities')} QuantizerCelebi (Wu, then weighted k-means in CIELAB; every pixel)`,
    run: (rgb, width, height, k) =>
      [...QuantizerCelebi.quantize(toArgb(rgb), k)].map(([argb, count]) => ({ rgb: rgbOf(argb), population: count })),
  },
  {
    name: 'rgb-kmeans-cold',
    label: 'Our model of Hyperion.ng\'s approach: RGB k-means, cold-started from the same fixed seed every frame (20 iterations max; every pixel)',
    run: (rgb, width, height, k) => coldRgbKMeans(rgb, k),
  },
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function timed(tool, rgb, width, height, k) {
  const start = performance.now();
  const palette = tool.run(rgb, width, height, k);
  return { palette, ms: performance.now() - start };
}

const results = [];
for (const picture of manifest.pictures) {
  const rgb = new Uint8Array(readFileSync(join(dataDir, picture.file)));
  for (const k of ks) {
    for (const tool of tools) {
      const { palette } = timed(tool, rgb, picture.width, picture.height, k);
      const times = [];
      const runs = picture.width * picture.height > 1_000_000 ? 1 : repeats;
      for (let r = 0; r < runs; r++) {
        times.push(timed(tool, rgb, picture.width, picture.height, k).ms);
      }
      results.push({ tool: tool.name, file: picture.file, k, palette, ms: median(times), runs: times });
      console.error(`${picture.name} k=${k} ${tool.name}: ${median(times).toFixed(2)} ms`);
    }
  }
}

const seq = manifest.sequence;
const all = readFileSync(join(dataDir, seq.file));
const frameBytes = seq.width * seq.height * 3;
for (const k of ks) {
  for (const tool of tools) {
    const frames = [];
    for (let f = 0; f < seq.frames; f++) {
      const rgb = new Uint8Array(all.buffer, all.byteOffset + f * frameBytes, frameBytes);
      const { palette, ms } = timed(tool, rgb, seq.width, seq.height, k);
      frames.push({ frame: f, palette, ms });
    }
    results.push({ tool: tool.name, file: seq.file, k, frames });
    console.error(`${seq.name} k=${k} ${tool.name}: ${median(frames.map((f) => f.ms)).toFixed(2)} ms/frame`);
  }
}

const output = {
  node: process.version,
  repeats,
  tools: tools.map(({ name, label }) => ({ name, label })),
  results,
};
process.stdout.write(JSON.stringify(output) + '\n');
