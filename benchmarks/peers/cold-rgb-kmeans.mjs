// Our own model of the approach Hyperion.ng describes for its "advanced dominant color": plain k-means in
// sRGB, started cold on every frame from the same fixed seed. It is written from that one-line description,
// not from Hyperion.ng's code, so it stands for the approach, not for Hyperion.ng's exact output or speed.
//
// Seeding: k pixels picked by a seeded generator whose seed is the same constant for every frame (so the same
// frame always gives the same palette, and two frames differ only through their pixels). Lloyd iterations use
// squared Euclidean distance in sRGB over every pixel, stop when no pixel changes cluster or after 20 rounds,
// and an empty cluster keeps its previous center.

const FixedSeed = 0x5eed;
const MaxIterations = 20;

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

/** Clusters RGB24 bytes into k colors; returns [{rgb: [r, g, b], population}] for the non-empty clusters. */
export function coldRgbKMeans(rgb, k) {
  const n = rgb.length / 3;
  if (n === 0) return [];
  const uniform = random(FixedSeed);
  const centers = new Float64Array(k * 3);
  for (let c = 0; c < k; c++) {
    const p = Math.floor(uniform() * n) * 3;
    centers[c * 3] = rgb[p];
    centers[c * 3 + 1] = rgb[p + 1];
    centers[c * 3 + 2] = rgb[p + 2];
  }

  const labels = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * 3);
  const counts = new Float64Array(k);
  for (let iteration = 0; iteration < MaxIterations; iteration++) {
    let changed = 0;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0, p = 0; i < n; i++, p += 3) {
      const r = rgb[p];
      const g = rgb[p + 1];
      const b = rgb[p + 2];
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const dr = r - centers[c * 3];
        const dg = g - centers[c * 3 + 1];
        const db = b - centers[c * 3 + 2];
        const d = dr * dr + dg * dg + db * db;
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
      sums[best * 3] += r;
      sums[best * 3 + 1] += g;
      sums[best * 3 + 2] += b;
      counts[best]++;
    }

    for (let c = 0; c < k; c++) {
      if (counts[c] > 0) {
        centers[c * 3] = sums[c * 3] / counts[c];
        centers[c * 3 + 1] = sums[c * 3 + 1] / counts[c];
        centers[c * 3 + 2] = sums[c * 3 + 2] / counts[c];
      }
    }

    if (changed === 0) break;
  }

  const palette = [];
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) {
      palette.push({
        rgb: [Math.round(centers[c * 3]), Math.round(centers[c * 3 + 1]), Math.round(centers[c * 3 + 2])],
        population: counts[c],
      });
    }
  }
  return palette.sort((a, b) => b.population - a.population);
}
