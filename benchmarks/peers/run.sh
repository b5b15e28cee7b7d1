#!/usr/bin/env bash
# Compares our palettes with other palette tools on identical pixels, end to end:
#   npm ci -> build -> generate the raw RGB24 test data -> run the peers' quantizers (Node) and
#   `dominant-colors extract --raw` (ours) -> score everything in OKLab -> a Markdown report.
# Not part of the test suite (it needs npm and takes minutes of CPU).
#
# usage: benchmarks/peers/run.sh [OUT_DIR]   (default: benchmarks/peers/out, ignored by git)
# env:   RUNS (our extract runs per k, default 5), REPEATS (peer timings per picture, default 3),
#        PEERS_JSON (reuse the peers' output of an earlier run on the same generated data instead of rerunning them)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$here/out}"
runs="${RUNS:-5}"
repeats="${REPEATS:-3}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

command -v node >/dev/null || { echo "run.sh: node (20 or newer) is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "run.sh: npm is required" >&2; exit 1; }

echo "== npm ci" >&2
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

echo "== build (Release)" >&2
dotnet build "$root/src/DominantColors" -c Release -nologo -v quiet
dotnet build "$root/benchmarks/DominantColors.PeerComparison" -c Release -nologo -v quiet
extract="$root/src/DominantColors/bin/Release/net10.0/dominant-colors"
score="$root/benchmarks/DominantColors.PeerComparison/bin/Release/net10.0/DominantColors.PeerComparison"

echo "== generate test data into $out/data" >&2
node "$here/generate.mjs" "$out/data"

if [[ -n "${PEERS_JSON:-}" ]]; then
  echo "== peers: reusing $PEERS_JSON" >&2
  [[ "$(realpath "$PEERS_JSON")" == "$out/peers.json" ]] || cp "$PEERS_JSON" "$out/peers.json"
else
  echo "== peers (Node $(node --version))" >&2
  node "$here/harness.mjs" "$out/data" "$repeats" > "$out/peers.json"
fi

echo "== ours ($runs runs per k)" >&2
mapfile -t sizes < <(node -e '
  const m = require(process.argv[1]);
  const groups = {};
  for (const p of [...m.pictures, m.sequence]) (groups[`${p.width}x${p.height}`] ??= []).push(p.file);
  for (const [size, files] of Object.entries(groups)) console.log(`${size} ${files.join(" ")}`);
' "$out/data/manifest.json")
for k in 3 5 8; do
  for run in $(seq 1 "$runs"); do
    parts=()
    for line in "${sizes[@]}"; do
      read -r size files <<<"$line"
      part="$out/ours-part-$size.json"
      (cd "$out/data" && "$extract" extract --raw "$size" --format json -k "$k" $files) > "$part"
      parts+=("$part")
    done
    node -e 'const fs = require("fs"); console.log(JSON.stringify(process.argv.slice(1).flatMap(f => JSON.parse(fs.readFileSync(f, "utf8")))));' \
      "${parts[@]}" > "$out/ours-k$k-$run.json"
    rm -f "${parts[@]}"
  done
done

echo "== score" >&2
{
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores," \
    "load average at the end $(cut -d' ' -f1-3 /proc/loadavg); .NET $(dotnet --list-runtimes | grep -m1 NETCore.App | cut -d' ' -f2)."
  echo
} > "$out/report.md"
"$score" "$out/data" "$out/peers.json" "$out" "$out/report-tables.md" > /dev/null
cat "$out/report-tables.md" >> "$out/report.md"
rm -f "$out/report-tables.md"
echo "== report: $out/report.md" >&2
cat "$out/report.md"
