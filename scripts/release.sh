#!/usr/bin/env bash
# Release builds of laatu: one zip per platform with the program, the README
# in English, Finnish and Swedish, the manual pages in the three languages
# (man/fi, man/en, man/sv: laatu man, from the same texts as --help) and the
# sample data, and SHA256SUMS beside them.
#
#   scripts/release.sh [OUT]            every platform, into OUT (default dist)
#   TARGETS="linux/amd64" scripts/release.sh OUT    only the platforms named
#
# The version comes from the git tag on HEAD (git describe), the commit and
# date from HEAD; they are stamped into the binary so that `laatu version`
# names the build. Builds are reproducible: -trimpath, no VCS stamping by
# the toolchain, CGO off.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-dist}
targets=${TARGETS:-"windows/amd64 windows/arm64 darwin/amd64 darwin/arm64 linux/amd64 linux/arm64"}
version=$(git describe --tags --always --dirty 2>/dev/null || echo devel)
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
ldflags="-s -w -X main.version=$version -X main.commit=$commit -X main.date=$date"

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The manual pages are the same for every platform: written once by a
# program built for this machine, dated by the commit.
echo "== man pages"
CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags "$ldflags" -o "$work/host/laatu" ./cmd/laatu
for lang in fi en sv; do
  "$work/host/laatu" man --lang "$lang" "$work/man/$lang" 2>/dev/null
done

for t in $targets; do
  goos=${t%/*} goarch=${t#*/}
  name="laatu-$version-$goos-$goarch"
  dir="$work/$name"
  mkdir -p "$dir/esimerkit"
  exe=laatu
  [ "$goos" = windows ] && exe=laatu.exe
  echo "== $name"
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -buildvcs=false \
    -ldflags "$ldflags" -o "$dir/$exe" ./cmd/laatu
  cp README.md "$dir/README.md"
  cp LUEMINUT.md "$dir/LUEMINUT.md"
  cp README.sv.md "$dir/README.sv.md"
  cp testdata/services/*.yaml "$dir/esimerkit/"
  cp -R "$work/man" "$dir/man"
  rm -f "$out/$name.zip"
  (cd "$work" && zip -q -r -X "$out/$name.zip" "$name")
done
(cd "$out" && sha256sum laatu-"$version"-*.zip > SHA256SUMS)
echo "== $(wc -l < "$out/SHA256SUMS") zip files in $out"
