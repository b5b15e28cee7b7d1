#!/usr/bin/env bash
# Debian's own package checker on each package: no errors (warnings and notes are shown, not counted).
#
#   bash tests/packaging/lintian.sh dist/dominant-colors_<version>_<arch>.deb...
#
# Needs lintian. Prints one "ok"/"FAIL" line per package and ends with "N passed, N failed".
set -uo pipefail

passed=0 failed=0
if ! command -v lintian >/dev/null; then
  echo "FAIL - the package check needs lintian"
  echo "0 passed, 1 failed"
  exit 1
fi
for deb in "$@"; do
  # Overrides shipped in the package (usr/share/lintian/overrides) apply; each says why.
  if lintian --fail-on error --tag-display-limit 0 "$deb"; then
    echo "ok - lintian $(basename "$deb"): no errors"
    passed=$((passed + 1))
  else
    echo "FAIL - lintian $(basename "$deb"): errors"
    failed=$((failed + 1))
  fi
done
[ $# -gt 0 ] || { echo "FAIL - no package given"; failed=1; }
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
