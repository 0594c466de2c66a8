#!/usr/bin/env python3
"""Writes the benchmark layouts (see bench/README.md). Usage: make-layout.py OUT_DIR [--scale S]

OUT_DIR/big       ~2 GiB: 8 x 200 MiB layers, 2,000 small layers (1-400 KiB), 21 configs,
                  21 manifests (one with the 8 big layers, 20 with 100 small layers each),
                  index.json with one entry per manifest.
OUT_DIR/index50k  index.json with 50,000 entries (unique ref names) over 20 tiny manifests.

--scale shrinks every blob size (e.g. 0.01 for a quick dry run of the script)."""
import hashlib
import json
import os
import random
import sys

MIB = 1024 * 1024
PLATFORM = {"architecture": "amd64", "os": "linux"}


def main():
    out = sys.argv[1]
    scale = float(sys.argv[sys.argv.index("--scale") + 1]) if "--scale" in sys.argv else 1.0
    rng = random.Random(20260101)
    big = Layout(os.path.join(out, "big"))
    chunk = os.urandom(MIB)

    big_layers = [big.stream_blob(int(200 * MIB * scale), chunk, i) for i in range(8)]
    small_layers = [big.blob(rng.randbytes(max(1, int(rng.randint(1024, 400 * 1024) * scale)))) for _ in range(2000)]
    manifests = [big.manifest(big_layers, 0)]
    for m in range(20):
        manifests.append(big.manifest(small_layers[m * 100:(m + 1) * 100], m + 1))
    big.index([dict(d, platform=PLATFORM, annotations={"org.opencontainers.image.ref.name": f"image-{i:02d}"}) for i, d in enumerate(manifests)])

    small = Layout(os.path.join(out, "index50k"))
    tiny = [small.manifest([small.blob(rng.randbytes(64))], m) for m in range(20)]
    small.index([dict(tiny[i % len(tiny)], platform=PLATFORM, annotations={"org.opencontainers.image.ref.name": f"tag-{i:05d}"}) for i in range(50_000)])

    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(out, "big", "blobs")) for f in fs)
    print(f"big: {total / MIB:.0f} MiB in {len(big.written)} blobs; index50k: {os.path.getsize(os.path.join(out, 'index50k', 'index.json')) / MIB:.1f} MiB index.json")


class Layout:
    def __init__(self, root):
        self.root = root
        self.written = set()
        os.makedirs(os.path.join(root, "blobs", "sha256"), exist_ok=True)
        with open(os.path.join(root, "oci-layout"), "w") as f:
            f.write('{"imageLayoutVersion":"1.0.0"}')

    def blob(self, content, media_type="application/vnd.oci.image.layer.v1.tar+gzip"):
        digest = hashlib.sha256(content).hexdigest()
        path = os.path.join(self.root, "blobs", "sha256", digest)
        if digest not in self.written:
            with open(path, "wb") as f:
                f.write(content)
            self.written.add(digest)
        return {"mediaType": media_type, "digest": "sha256:" + digest, "size": len(content)}

    def stream_blob(self, size, chunk, salt):
        """A large blob written chunk by chunk (never whole in memory); each chunk made unique by a counter."""
        h = hashlib.sha256()
        tmp = os.path.join(self.root, "blobs", "sha256", f".tmp-{salt}")
        with open(tmp, "wb") as f:
            written = 0
            n = 0
            while written < size:
                piece = (salt.to_bytes(4, "little") + n.to_bytes(8, "little") + chunk[12:])[: size - written]
                f.write(piece)
                h.update(piece)
                written += len(piece)
                n += 1
        digest = h.hexdigest()
        os.replace(tmp, os.path.join(self.root, "blobs", "sha256", digest))
        self.written.add(digest)
        return {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + digest, "size": size}

    def manifest(self, layers, n):
        config = self.blob(json.dumps({
            "created": "2026-01-01T00:00:00Z", "architecture": "amd64", "os": "linux",
            "config": {"Labels": {"n": str(n)}},
            "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(l["digest"].encode()).hexdigest() for l in layers]},
        }, separators=(",", ":")).encode(), "application/vnd.oci.image.config.v1+json")
        body = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": config, "layers": layers}
        return self.blob(json.dumps(body, separators=(",", ":")).encode(), "application/vnd.oci.image.manifest.v1+json")

    def index(self, entries):
        with open(os.path.join(self.root, "index.json"), "w") as f:
            json.dump({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": entries}, f, indent=2)


if __name__ == "__main__":
    main()
