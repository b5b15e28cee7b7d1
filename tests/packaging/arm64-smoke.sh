#!/usr/bin/env bash
# The Raspberry Pi build, run: the arm64 package's self-contained program under qemu-user (qemu-aarch64-static) with
# Debian's arm64 libraries (multiarch), checked against the amd64 package's program run natively:
# --version, config check, extract on docs/samples (the same palettes, to the last digit) and the demo for a few
# seconds with /healthz answering, then a clean SIGTERM exit.
#
#   bash tests/packaging/arm64-smoke.sh dist/dominant-colors_<version>_arm64.deb dist/dominant-colors_<version>_amd64.deb
#
# Needs qemu-user-static and libc6:arm64, libgcc-s1:arm64, libstdc++6:arm64, libssl3:arm64 (.ci/test installs them).
# The daemon is precompiled (ReadyToRun) and runs under qemu as it is; heavy JIT work there (a test runner) would
# need DOTNET_EnableWriteXorExecute=0. Prints one "ok"/"FAIL" line per check and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0 failed=0
pass() { echo "ok - $*"; passed=$((passed + 1)); }
fail() { echo "FAIL - $*"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

if [ $# -ne 2 ] || [ ! -f "$1" ] || [ ! -f "$2" ]; then
  echo "usage: bash tests/packaging/arm64-smoke.sh ARM64.deb AMD64.deb" >&2
  fail "the arm64 and amd64 packages to compare (got: $*)"
  finish
fi
qemu=$(command -v qemu-aarch64-static || command -v qemu-aarch64)
if [ -z "$qemu" ]; then
  fail "the arm64 smoke run needs qemu-aarch64-static (qemu-user-static)"
  finish
fi
if [ ! -e /lib/ld-linux-aarch64.so.1 ]; then
  fail "the arm64 smoke run needs Debian's arm64 C library (libc6:arm64)"
  finish
fi

work=$(mktemp -d /tmp/dominant-colors-arm64-XXXXXX)
demo_pid=''
cleanup() {
  if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then kill -KILL "$demo_pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT
dpkg-deb -x "$1" "$work/arm64"
dpkg-deb -x "$2" "$work/amd64"
arm64=("$qemu" "$work/arm64/usr/lib/dominant-colors/dominant-colors")
amd64=("$work/amd64/usr/lib/dominant-colors/dominant-colors")
if [ "$(dpkg-deb -f "$1" Architecture)" != arm64 ] || ! file -b "${arm64[1]}" | grep -q aarch64; then
  fail "$1 holds an aarch64 program"
  finish
fi
# No config of this machine's, no state, no colors on the console.
export HOME=$work/home STATE_DIRECTORY=$work/state NO_COLOR=1
mkdir -p "$HOME" "$STATE_DIRECTORY"

# same NAME EXIT-CODE ARGS...: both programs exit with EXIT-CODE and print the same.
same() {
  local name=$1 expected=$2 started elapsed arm_out x64_out arm_rc x64_rc
  shift 2
  started=$(now_ms)
  arm_out=$(timeout 300 "${arm64[@]}" "$@" 2>&1); arm_rc=$?
  elapsed=$(($(now_ms) - started))
  x64_out=$("${amd64[@]}" "$@" 2>&1); x64_rc=$?
  if [ "$arm_rc" -eq "$expected" ] && [ "$x64_rc" -eq "$expected" ] && [ "$arm_out" = "$x64_out" ]; then
    pass "$name: arm64 as amd64 (exit $arm_rc, $elapsed ms under qemu)"
  else
    fail "$name: arm64 exit $arm_rc, amd64 exit $x64_rc (expected $expected)"
    diff <(echo "$x64_out") <(echo "$arm_out") | head -n 20 | sed 's/^/    /'
  fi
}

same "--version" 0 --version
same "config check config/demo.yaml" 0 config check config/demo.yaml
same "config check on the packaged sample config" 0 config check "$work/arm64/etc/dominant-colors/dominant-colors.yaml"
# The palettes, without the clustering time (the last CSV column).
# The CSV without its "ms" column (time spent clustering, which differs run to run), found by its header.
extract_palettes() {
  "$@" extract --format csv -k 5 -j 1 docs/samples |
    awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "ms") skip = i }
      { line = ""; for (i = 1; i <= NF; i++) if (i != skip) line = line (line == "" ? "" : OFS) $i; print line }'
}
started=$(now_ms)
arm_palettes=$(extract_palettes timeout 300 "${arm64[@]}" 2>&1)
elapsed=$(($(now_ms) - started))
x64_palettes=$(extract_palettes "${amd64[@]}" 2>&1)
if [ -n "$x64_palettes" ] && [ "$arm_palettes" = "$x64_palettes" ]; then
  pass "extract docs/samples: $(($(wc -l <<<"$arm_palettes") - 1)) colors, arm64 palettes identical to amd64 ($elapsed ms under qemu)"
else
  fail "extract docs/samples: arm64 palettes differ from amd64"
  diff <(echo "$x64_palettes") <(echo "$arm_palettes") | head -n 20 | sed 's/^/    /'
fi

# The demo with its web page on a port of its own choosing; /healthz answers 200 once frames flow.
started=$(now_ms)
"${arm64[@]}" run --config config/demo.yaml --web:port=0 > "$work/demo.log" 2>&1 &
demo_pid=$!
address=''
healthy=''
# Emulated, on a loaded 2-core machine, the first colors take up to a minute; on a quiet one a few seconds.
deadline=$((SECONDS + 240))
while [ "$SECONDS" -lt "$deadline" ]; do
  kill -0 "$demo_pid" 2>/dev/null || break
  address=${address:-$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/demo.log" | head -n 1)}
  if [ -n "$address" ] && curl -fsS --max-time 5 -o /dev/null "$address/healthz" 2>/dev/null; then healthy=yes; break; fi
  sleep 0.25
done
if [ -n "$healthy" ]; then
  pass "the demo answers $address/healthz with 200 ($(($(now_ms) - started)) ms after start under qemu)"
else
  fail "the demo answers /healthz with 200"
  tail -n 30 "$work/demo.log" | sed 's/^/    /'
fi
# A few seconds of colors, then a clean stop.
sleep 3
if kill -0 "$demo_pid" 2>/dev/null && curl -fsS --max-time 5 -o /dev/null "$address/healthz"; then
  pass "the demo still runs and is healthy 3 s later"
else
  fail "the demo still runs and is healthy 3 s later"
fi
kill -TERM "$demo_pid" 2>/dev/null
stopping=$(now_ms)
timeout 30 tail --pid="$demo_pid" -f /dev/null || kill -KILL "$demo_pid"
wait "$demo_pid"
rc=$?
demo_pid=''
if [ "$rc" -eq 0 ]; then
  pass "the demo exits 0 on SIGTERM ($(($(now_ms) - stopping)) ms)"
else
  fail "the demo exits 0 on SIGTERM (exit $rc)"
  tail -n 20 "$work/demo.log" | sed 's/^/    /'
fi

finish
