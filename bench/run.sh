#!/usr/bin/env bash
# OciLint benchmark: builds ~2 GiB of blobs and a 50,000-entry index.json in a temp dir, then measures, in
# one run with a warm page cache: `ocilint check` (Release, self-contained), oci-image-tool, bare parallel SHA-256 passes,
# peak memory, the 50k-entry index, and a three-blob layout. See bench/README.md. Not part of the test suite.
#
#   bench/run.sh [--keep] [--runs N] [--jobs N]
#
# Needs: dotnet, python3, hyperfine, oci-image-tool, openssl, /usr/bin/time (Debian package `time`).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=3
jobs=$(nproc)
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --runs) runs=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    *) echo "usage: $0 [--keep] [--runs N] [--jobs N]" >&2; exit 2 ;;
  esac
  shift
done

for tool in dotnet python3 hyperfine oci-image-tool openssl sha256sum /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install hyperfine oci-image-tool time)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/ocilint-bench.XXXXXX")
cleanup() { if [ "$keep" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) rid=linux-$(uname -m) ;; esac
# ReadyToRun for this machine's CPU: with AVX2 and friends (x86-64-v3), code that uses them is precompiled too.
x86_64_v3() {
  local flags f
  flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
  for f in avx avx2 bmi1 bmi2 fma f16c movbe abm xsave; do [[ " $flags " == *" $f "* ]] || return 1; done
}
isa=()
if [ "$rid" = linux-x64 ] && x86_64_v3; then
  isa=(-p:PublishReadyToRunCrossgen2ExtraArgs=--instruction-set:x86-64-v3)
fi
# Each build gets its own artifacts folder: the ReadyToRun step reuses stale intermediate files across
# self-contained and framework-dependent publishes of the same runtime, and the result can crash.
echo "== building (Release for $rid: self-contained composite ReadyToRun ${isa[*]}; framework-dependent ReadyToRun; no ReadyToRun)"
echo "   (the composite image compiles the whole framework: about 2 minutes on 2 cores)"
dotnet publish "$repo/src/OciLint.Cli" -c Release -r "$rid" --self-contained true "${isa[@]}" --artifacts-path "$work/build-sc" -o "$work/ocilint" --nologo -v q >/dev/null
dotnet publish "$repo/src/OciLint.Cli" -c Release -r "$rid" --self-contained false --artifacts-path "$work/build-fd" -o "$work/ocilint-fd" --nologo -v q >/dev/null
dotnet publish "$repo/src/OciLint.Cli" -c Release --artifacts-path "$work/build-jit" -o "$work/ocilint-jit" --nologo -v q >/dev/null
dotnet build "$repo/bench/barehash.cs" -c Release -o "$work/barehash" --nologo -v q >/dev/null
ocilint="$work/ocilint/ocilint"
barehash="$work/barehash/barehash"

echo "== generating layouts in $work/data"
python3 "$repo/bench/make-layout.py" "$work/data"
big="$work/data/big"
idx="$work/data/index50k"
small="$repo/samples/single-tag"

echo "== warming the page cache"
find "$big" "$idx" -type f -print0 | xargs -0 cat >/dev/null

echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), jobs=$jobs"
"$barehash" -j "$jobs" "$big/blobs"

echo "== 2 GiB layout: ocilint vs bare hashing vs oci-image-tool"
# Every command must exit 0 (hyperfine stops otherwise): a run that crashed or gave up early is not a fast run.
hyperfine --warmup 1 --runs "$runs" --export-json "$work/big.json" \
  -n "ocilint check" "$ocilint check -q -j $jobs $big" \
  -n "ocilint check --no-blobs" "$ocilint check -q --no-blobs $big" \
  -n "bare .NET SHA-256 (barehash.cs)" "$barehash -j $jobs $big/blobs" \
  -n "openssl dgst -sha256 | xargs -P$jobs" "find $big/blobs -type f -print0 | xargs -0 -P$jobs -n 64 openssl dgst -sha256 >/dev/null" \
  -n "sha256sum | xargs -P$jobs" "find $big/blobs -type f -print0 | xargs -0 -P$jobs -n 64 sha256sum >/dev/null" \
  -n "oci-image-tool validate --type image" "oci-image-tool validate --type image $big"

echo "== peak memory (maximum resident set size)"
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {printf "%.0f MiB\n", $2/1024}'; }
echo "ocilint check big:        $(peak "$ocilint" check -q -j "$jobs" "$big")"
echo "ocilint check index50k:   $(peak "$ocilint" check -q "$idx")"
echo "ocilint check single-tag: $(peak "$ocilint" check -q "$small")"
echo "oci-image-tool big:       $(peak oci-image-tool validate --type image "$big")"

echo "== 50,000-entry index.json and the three-blob layout (start-up included)"
hyperfine --warmup 2 --runs $((runs * 5)) --export-json "$work/small.json" \
  -n "ocilint --version" "$ocilint --version" \
  -n "ocilint check single-tag" "$ocilint check -q $small" \
  -n "ocilint check single-tag (framework-dependent ReadyToRun)" "$work/ocilint-fd/ocilint check -q $small" \
  -n "ocilint check single-tag (no ReadyToRun)" "$work/ocilint-jit/ocilint check -q $small"
hyperfine --warmup 1 --runs "$runs" --export-json "$work/index.json" \
  -n "ocilint check index50k" "$ocilint check -q $idx" \
  -n "ocilint check index50k --no-blobs" "$ocilint check -q --no-blobs $idx"

python3 - "$work/big.json" "$work/small.json" "$work/index.json" <<'PY'
import json, sys
def means(path):
    return {r["command"]: r["mean"] for r in json.load(open(path))["results"]}
big, small = means(sys.argv[1]), means(sys.argv[2])
small.update(means(sys.argv[3]))
check = big["ocilint check"]
bare = big["bare .NET SHA-256 (barehash.cs)"]
openssl = next(v for k, v in big.items() if k.startswith("openssl"))
coreutils = next(v for k, v in big.items() if k.startswith("sha256sum"))
oit = big["oci-image-tool validate --type image"]
print("\n== summary (means)")
print(f"full check {check:.2f} s = {check / bare:.2f}x bare .NET pass ({bare:.2f} s), {check / openssl:.2f}x openssl pass ({openssl:.2f} s), "
      f"{check / coreutils:.2f}x sha256sum pass ({coreutils:.2f} s)   target <= 1.2x")
print(f"full check = {check / oit:.2f}x oci-image-tool ({oit:.2f} s)   target <= 0.35x")
beyond = small["ocilint check index50k"] - small["ocilint check single-tag"]
print(f"50k-entry index: {small['ocilint check index50k']:.3f} s, {beyond:.3f} s beyond a three-blob check   target <= 0.5 s")
print(f"three-blob layout: {small['ocilint check single-tag']:.3f} s wall (ocilint --version: {small['ocilint --version']:.3f} s; "
      f"framework-dependent ReadyToRun {small['ocilint check single-tag (framework-dependent ReadyToRun)']:.3f} s)   target <= 0.15 s")
PY
