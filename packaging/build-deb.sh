#!/usr/bin/env bash
# Builds the Debian package of dominant-colors from the self-contained publish for a Raspberry Pi (arm64, 64-bit
# OS) or a PC (amd64):
#
#   bash packaging/build-deb.sh arm64|amd64 [OUTDIR]      # OUTDIR: dist/ in the repository by default
#
# Everything it prints goes to stderr except its last line: the path of dominant-colors_<version>_<arch>.deb.
# Needs the .NET SDK and dpkg-deb (dpkg, on every Debian system).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
here=$repo/packaging/debian

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: bash packaging/build-deb.sh arm64|amd64 [OUTDIR]" >&2
  exit 2
fi
arch=$1
case "$arch" in
  arm64) rid=linux-arm64 ;;
  amd64) rid=linux-x64 ;;
  *)
    echo "error: architecture '$arch' is not packaged; use arm64 (Raspberry Pi, 64-bit OS) or amd64" >&2
    exit 2
    ;;
esac
outdir=${2:-$repo/dist}
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
version=$(dotnet msbuild "$repo/src/DominantColors" -getProperty:Version -nologo)
if ! [[ $version =~ ^[0-9][0-9A-Za-z.+~]*$ ]]; then
  echo "error: the project's Version '$version' is not a Debian version" >&2
  exit 1
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/root
lib=$root/usr/lib/dominant-colors
doc=$root/usr/share/doc/dominant-colors

echo "Publishing dominant-colors $version for $rid ..." >&2
dotnet publish "$repo/src/DominantColors" -c Release -r "$rid" --self-contained -o "$lib" -nologo -v q >&2
rm -f "$lib"/*.pdb

install -D -m 0755 "$here/dominant-colors" "$root/usr/bin/dominant-colors"
install -D -m 0644 "$repo/systemd/dominant-colors.service" "$root/lib/systemd/system/dominant-colors.service"
# The sample config, pointing editors at the schema where the package puts it.
install -d -m 0755 "$root/etc/dominant-colors"
sed '1s|\$schema=\./dominant-colors\.schema\.json|$schema=/usr/share/dominant-colors/dominant-colors.schema.json|' \
  "$repo/config/dominant-colors.yaml" > "$root/etc/dominant-colors/dominant-colors.yaml"
chmod 0644 "$root/etc/dominant-colors/dominant-colors.yaml"
install -D -m 0644 "$repo/config/dominant-colors.schema.json" "$root/usr/share/dominant-colors/dominant-colors.schema.json"
install -D -m 0644 "$repo/README.md" "$doc/README.md"
install -D -m 0644 "$here/copyright" "$doc/copyright"
install -D -m 0644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/dominant-colors"

# A native package's changelog, dated like the commit it is built from (the same input gives the same package).
date=$(git -C "$repo" log -1 --format=%cD 2>/dev/null || date -R)
maintainer=$(sed -n 's/^Maintainer: //p' "$here/control.in")
printf 'dominant-colors (%s) stable; urgency=medium\n\n  * Built from the dominant-colors sources, %s.\n\n -- %s  %s\n' \
  "$version" "$rid" "$maintainer" "$date" | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"

# dpkg-deb takes modes as they are: directories 0755, files 0644, programs 0755.
find "$root" -type d -exec chmod 0755 {} +
find "$lib" -type f -exec chmod 0644 {} +
chmod 0755 "$lib/dominant-colors" "$lib/createdump"

mkdir -p "$root/DEBIAN"
size=$(du -sk --apparent-size "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" "$here/control.in" > "$root/DEBIAN/control"
install -m 0644 "$here/conffiles" "$root/DEBIAN/conffiles"
install -m 0755 "$here/postinst" "$here/prerm" "$here/postrm" "$root/DEBIAN/"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

package=$outdir/dominant-colors_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zgzip --build "$root" "$package" >&2
echo "$package"
