#!/usr/bin/env bash
# Regenerates the sample OCI image layouts under samples/ from nothing (no registry access):
#
#   samples/single-tag/           one image, one index.json entry, ref.name "v1"          (no error or warning)
#   samples/buildx-multi-tag/     the same image, two index.json entries with the same
#                                 digest/size/mediaType, ref.name "v1" and "latest"
#                                 (the shape Docker Buildx >= v0.20 writes for `-t x:v1 -t x:latest`)
#   samples/buildx-multi-tag.tar  samples/buildx-multi-tag as a tar, laid out like the tar that
#                                 `docker buildx build --output type=oci,dest=x.tar` writes
#
# Needs: umoci (0.4.7 tested), skopeo (1.9.3 tested, only for the self-check), jq, GNU tar.
# Usage: samples/make-samples.sh        (run from anywhere; overwrites the three outputs)
#
# umoci has no SOURCE_DATE_EPOCH support, so every timestamp it would take from the clock is
# overridden (--created, --history.created) and file mtimes are pinned; with that the output is
# byte-for-byte reproducible with umoci 0.4.7 (the committed files are the reference anyway).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stamp="2024-01-01T00:00:00Z"
epoch=1704067200              # = $stamp

for tool in umoci jq tar; do
  command -v "$tool" >/dev/null || { echo "make-samples: '$tool' not found (apt-get install umoci jq tar)" >&2; exit 2; }
done

# umoci unpack/repack need --rootless when not run as root.
rootless=()
[[ $EUID -ne 0 ]] && rootless=(--rootless)

work="$(mktemp -d)"
trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C

# --- 1. build one tiny image (a single layer with two text files) ------------------------------
# NOTE: `umoci insert` in Debian's umoci 0.4.7 writes a truncated layer tar (no padding, no
# end-of-archive blocks; `tar t` fails with "Unexpected EOF"). `umoci unpack` + `umoci repack`
# produces a well-formed tar, so it is used here.
base="$work/base"
umoci init --layout "$base"
umoci new --image "$base:v1"
umoci unpack "${rootless[@]}" --image "$base:v1" "$work/bundle"

rootfs="$work/bundle/rootfs"
mkdir -p "$rootfs/etc"
printf 'OciLint sample image. See samples/README.md.\n' > "$rootfs/README.txt"
printf 'hello from the OciLint samples\n' > "$rootfs/etc/hello.txt"
chmod 0644 "$rootfs/README.txt" "$rootfs/etc/hello.txt"
chmod 0755 "$rootfs/etc" "$rootfs"
touch -h -d "@$epoch" "$rootfs/README.txt" "$rootfs/etc/hello.txt" "$rootfs/etc" "$rootfs"

umoci repack "${rootless[@]}" --image "$base:v1" \
  --history.created "$stamp" --history.created_by "samples/make-samples.sh" "$work/bundle"
# Pin what `umoci new` took from the clock / host; no extra history entry.
umoci config --image "$base:v1" --no-history \
  --created "$stamp" --architecture amd64 --os linux --author "OciLint samples"
umoci gc --layout "$base"

# --- 1b. the documents as BuildKit writes them --------------------------------------------------
# BuildKit puts "mediaType" in index.json and in every manifest; umoci 0.4.7 leaves both out
# (a SHOULD of the spec: OCI203/OCI503). The manifest is a blob, so adding the member makes a new
# blob with a new digest, and index.json is pointed at it.
manifest_mt="application/vnd.oci.image.manifest.v1+json"
index_mt="application/vnd.oci.image.index.v1+json"
old="$(jq -r '.manifests[0].digest' "$base/index.json")"
jq -j -c --arg mt "$manifest_mt" '{schemaVersion, mediaType: $mt} + del(.schemaVersion, .mediaType)' \
  "$base/blobs/sha256/${old#sha256:}" > "$work/manifest.json"
new="sha256:$(sha256sum "$work/manifest.json" | cut -d' ' -f1)"
size="$(stat -c %s "$work/manifest.json")"
mv "$work/manifest.json" "$base/blobs/sha256/${new#sha256:}"
rm "$base/blobs/sha256/${old#sha256:}"
jq -j -c --arg d "$new" --argjson s "$size" '.manifests[0].digest = $d | .manifests[0].size = $s' \
  "$base/index.json" > "$work/index.json" && mv "$work/index.json" "$base/index.json"

# umoci rewrites index.json without a top-level mediaType; add it the way BuildKit writes it.
index_media_type() {
  jq -j -c --arg mt "$index_mt" '{schemaVersion, mediaType: $mt} + del(.schemaVersion, .mediaType)' "$1/index.json" > "$work/index.json"
  mv "$work/index.json" "$1/index.json"
}

# --- 2. the two layouts -------------------------------------------------------------------------
normalize_perms() {   # umoci writes blobs 0600; use the usual 0644/0755 (git keeps only +x anyway)
  find "$1" -type d -exec chmod 0755 {} +
  find "$1" -type f -exec chmod 0644 {} +
}

single="$here/single-tag"
multi="$here/buildx-multi-tag"
rm -rf "$single" "$multi" "$here/buildx-multi-tag.tar"

cp -r "$base" "$single"
index_media_type "$single"
normalize_perms "$single"

cp -r "$base" "$multi"
umoci tag --image "$multi:v1" latest     # appends a second descriptor, same digest, ref.name "latest"
index_media_type "$multi"
normalize_perms "$multi"

# --- 3. the tar, in the shape BuildKit's OCI exporter writes ------------------------------------
# docker buildx build --output type=oci,dest=x.tar goes through containerd's
# core/images/archive/exporter.go (writeTar): member names WITHOUT a "./" prefix, directory
# members "blobs/" and "blobs/sha256/" with a trailing slash, all members sorted by name,
# blobs and oci-layout mode 0444, index.json mode 0644, uid/gid 0, no user/group names,
# mtime 0, no manifest.json for the oci variant (WithSkipDockerManifest).
# The corpus tars in /work/shared/corpus/*/layout.tar use the same name form (no "./").
stage="$work/tar-stage"
cp -r "$multi" "$stage"
find "$stage" -type d -exec chmod 0755 {} +
find "$stage/blobs" -type f -exec chmod 0444 {} +
chmod 0444 "$stage/oci-layout"
chmod 0644 "$stage/index.json"
tar --format=ustar --blocking-factor=1 --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 \
    -C "$stage" -cf "$here/buildx-multi-tag.tar" blobs index.json oci-layout

# --- 4. self-check --------------------------------------------------------------------------------
jq -e '[.manifests[]."annotations"."org.opencontainers.image.ref.name"] == ["v1","latest"]
       and (.manifests | map([.digest,.size,.mediaType]) | unique | length) == 1' \
  "$multi/index.json" >/dev/null
jq -e '[.manifests[]."annotations"."org.opencontainers.image.ref.name"] == ["v1"]' "$single/index.json" >/dev/null
if command -v skopeo >/dev/null; then
  tmp="$work/skopeo-tmp"; mkdir -p "$tmp"
  out="$(skopeo --tmpdir "$tmp" inspect "oci:$multi" 2>&1)" && { echo "make-samples: expected skopeo to refuse oci:$multi" >&2; exit 1; }
  grep -q 'more than one image in oci, choose an image' <<<"$out"
  skopeo --tmpdir "$tmp" inspect "oci:$multi:v1" >/dev/null
  skopeo --tmpdir "$tmp" inspect "oci:$multi:latest" >/dev/null
  skopeo --tmpdir "$tmp" inspect "oci:$single" >/dev/null
  skopeo --tmpdir "$tmp" inspect "oci-archive:$here/buildx-multi-tag.tar:v1" >/dev/null
fi

echo "manifest digest: $(jq -r '.manifests[0].digest' "$single/index.json")"
du -sh --apparent-size "$single" "$multi" "$here/buildx-multi-tag.tar" | sed "s|$here/|samples/|"
tar -tvf "$here/buildx-multi-tag.tar"
