#!/usr/bin/env python3
"""Turns `perf script` output (or folded stacks, `frame;frame;frame count` per line) on stdin
into a flame graph: an SVG on stdout, each frame as wide as its share of the samples, callers
below callees, with the function name and share in each frame's tooltip. Standard library only.

    perf script -i perf.data | swift demangle --simplified | scripts/flamegraph.py > cpu.svg
    heaptrack_print -f heaptrack.gz --flamegraph-cost-type peak --print-flamegraph F; scripts/flamegraph.py < F
"""
import html
import zlib
import re
import sys

WIDTH, ROW, FONT = 1600, 17, 11


def stacks(lines):
    """Yields (frames from the root outwards, count)."""
    stack, folded = [], None
    for line in lines:
        line = line.rstrip("\n")
        if folded is None and line.strip():
            # Folded input: no sample header lines, and each line ends with a count.
            folded = bool(re.match(r"^\S.*\s\d+$", line)) and not re.search(r"\d+\.\d+:\s", line)
        if folded:
            frames, _, count = line.rpartition(" ")
            if frames:
                yield frames.split(";"), int(count)
            continue
        if not line.strip():
            if stack:
                yield list(reversed(stack)), 1
            stack = []
        elif line.startswith(("\t", " ")):
            # "  address symbol+offset (object)": keep the symbol, without offset and object.
            parts = line.strip().split(" ", 1)
            symbol = parts[1] if len(parts) > 1 else parts[0]
            symbol = re.sub(r"\+0x[0-9a-f]+ \(.*\)$|\s\(.*\)$", "", symbol)
            stack.append(symbol)
    if stack:
        yield list(reversed(stack)), 1


def main():
    root = {"count": 0, "children": {}}
    for frames, count in stacks(sys.stdin):
        node = root
        node["count"] += count
        for frame in frames:
            node = node["children"].setdefault(frame, {"count": 0, "children": {}})
            node["count"] += count
    total = max(root["count"], 1)
    rects = []

    def walk(node, name, x, depth):
        width = node["count"] / total * WIDTH
        if width < 0.5:
            return
        rects.append((x, depth, width, name, node["count"]))
        child_x = x
        for child_name, child in sorted(node["children"].items()):
            walk(child, child_name, child_x, depth + 1)
            child_x += child["count"] / total * WIDTH

    walk(root, "all", 0.0, 0)
    depth = max((r[1] for r in rects), default=0) + 1
    height = depth * ROW + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" font-family="monospace" font-size="{FONT}">',
           f'<text x="4" y="14">{total} samples; hover a frame for its name and share</text>']
    for x, level, width, name, count in rects:
        y = height - (level + 1) * ROW
        hue = 20 + zlib.crc32(name.encode()) % 40
        label = html.escape(name)
        share = 100 * count / total
        chars = int(width / (FONT * 0.6))
        text = html.escape(name[:chars - 2] + "…" if len(name) > chars else name) if chars > 3 else ""
        out.append(f'<g><title>{label} ({count} samples, {share:.1f}%)</title>'
                   f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW - 1}" fill="hsl({hue},90%,60%)"/>'
                   f'<text x="{x + 2:.1f}" y="{y + ROW - 5}">{text}</text></g>')
    out.append("</svg>")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
