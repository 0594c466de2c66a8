#!/usr/bin/env python3
"""Names perf samples in OciLint's composite ReadyToRun image, which perf shows as [unknown].

usage: r2r-perf.py PERF_DATA R2RMAP PATTERN [MODE [ROWS]]

PERF_DATA  from `perf record -g` (frame-pointer call stacks) of a self-contained publish
R2RMAP     ocilint.r2r.ni.r2rmap, written next to ocilint.r2r.dll by a publish with
           -p:PublishReadyToRunEmitSymbols=true
PATTERN    a regular expression over frame names
MODE       0: share of samples with a matching frame anywhere on the stack (inclusive time), per frame
           N > 0: for samples whose leaf matches, their N calling frames
           -N: for samples with a matching frame, the N frames it called on the way to the leaf
           (default 0)

Shares are of all samples, on every thread. See bench/README.md, "Profiling".
"""
import bisect
import collections
import os
import re
import struct
import subprocess
import sys

MMAP = re.compile(r"\s*(\d+) PERF_RECORD_MMAP2 \d+/\d+: \[0x([0-9a-f]+)\(0x[0-9a-f]+\) @ (?:0x)?([0-9a-f]+) .*r-xp .*ocilint\.r2r\.dll")


def load_map(path):
    methods = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split(" ", 2)
            # Lines starting FFFFFFxx are the map's header records, not methods.
            if len(parts) == 3 and not parts[0].startswith("FFFFFF"):
                methods.append((int(parts[0], 16), int(parts[1], 16), parts[2]))
    methods.sort()
    return methods, [m[0] for m in methods]


def text_rva_minus_file_offset(image):
    """How far the code's RVAs (the map's addresses) are from its offsets in the file (perf's addresses)."""
    with open(image, "rb") as f:
        pe = f.read(4096)
    header = struct.unpack_from("<I", pe, 0x3C)[0]
    sections, optional = struct.unpack_from("<H", pe, header + 6)[0], struct.unpack_from("<H", pe, header + 20)[0]
    for i in range(sections):
        name, _, va, _, raw = struct.unpack_from("<8sIIII", pe, header + 24 + optional + 40 * i)
        if name.rstrip(b"\0") == b".text":
            return va - raw
    sys.exit(f"{image}: no .text section")


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    data, r2rmap, pattern = sys.argv[1], sys.argv[2], re.compile(sys.argv[3])
    mode = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    rows = int(sys.argv[5]) if len(sys.argv) > 5 else 30
    methods, starts = load_map(r2rmap)
    shift = text_rva_minus_file_offset(os.path.join(os.path.dirname(r2rmap) or ".", "ocilint.r2r.dll"))
    script = subprocess.run(["perf", "script", "-i", data, "-F", "pid,ip,sym,dso", "--show-mmap-events"],
                            capture_output=True, text=True, check=True).stdout

    mappings = {}

    def name(pid, ip, rest):
        if "ocilint.r2r.dll" not in rest:
            return rest.strip()
        # Call-stack frames come as offsets into the file; a bare sample's ip may be absolute.
        if pid in mappings and ip >= mappings[pid][0]:
            ip = ip - mappings[pid][0] + mappings[pid][1]
        rva = ip + shift
        i = bisect.bisect_right(starts, rva) - 1
        return methods[i][2] if i >= 0 and rva < methods[i][0] + methods[i][1] + 16 else f"r2r?{rva:x}"

    counts = collections.Counter()
    total = 0

    def count(stack):
        nonlocal total
        if not stack:
            return
        total += 1
        if mode == 0:
            for frame in dict.fromkeys(f for f in stack if pattern.search(f)):
                counts[frame] += 1
        elif mode > 0:
            if pattern.search(stack[0]):
                counts[" <- ".join(f[:110] for f in stack[1:1 + mode])] += 1
        else:
            for i, frame in enumerate(stack):
                if pattern.search(frame):
                    callees = stack[max(0, i + mode):i]
                    counts[" -> ".join(f[:90] for f in reversed(callees)) or "(self)"] += 1
                    break

    stack, pid = [], None
    for line in script.splitlines() + [""]:
        if "PERF_RECORD_MMAP" in line:
            m = MMAP.match(line)
            if m:
                mappings[int(m.group(1))] = (int(m.group(2), 16), int(m.group(3), 16))
        elif not line.strip():
            count(stack)
            stack = []
        elif not line[0].isspace():
            pid = int(line.split()[0])
        else:
            fields = line.strip().split(None, 1)
            if len(fields) == 2:
                stack.append(name(pid, int(fields[0], 16), fields[1]))

    print(f"{sum(counts.values())} matches in {total} samples")
    for key, n in counts.most_common(rows):
        print(f"{100.0 * n / max(total, 1):6.2f}% {key[:170]}")


if __name__ == "__main__":
    main()
