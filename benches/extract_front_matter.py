#!/usr/bin/env python3
"""Copies the YAML front matter of every plan below SRC into DST/<same path>.yaml, for tools
that validate plain YAML files (benches/compare-jsonschema.sh feeds them to check-jsonschema).

Finds files the way emplan does: every .md file except README.md, skipping folders whose name
starts with "." or is "target" or "node_modules"; the front matter is everything between a
first line "---" and the next line "---" or "...". Prints the number of files written.

    benches/extract_front_matter.py target/synth/10000 target/jsonschema/10000

With --bodies it writes the rest instead, the Markdown body, to DST/<file name>.md, one flat
folder (benches/render.sh gives these to pandoc):

    benches/extract_front_matter.py --bodies plans target/bench/render/md
"""

import os
import sys


def split(text):
    """The front matter and the body, or None."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1:])
    return None


def main():
    args = sys.argv[1:]
    bodies = args[:1] == ["--bodies"]
    if bodies:
        args = args[1:]
    if len(args) != 2:
        sys.exit("usage: extract_front_matter.py [--bodies] SRC DST")
    src, dst = args
    written = 0
    for folder, dirs, files in os.walk(src):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and d not in ("target", "node_modules")
        )
        for name in sorted(files):
            if not name.endswith(".md") or name.lower() == "readme.md":
                continue
            with open(os.path.join(folder, name), encoding="utf-8-sig") as f:
                parts = split(f.read())
            if parts is None:
                continue
            if bodies:
                out = os.path.join(dst, name)
            else:
                relative = os.path.relpath(os.path.join(folder, name), src)
                out = os.path.join(dst, relative[: -len(".md")] + ".yaml")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w", encoding="utf-8") as f:
                f.write(parts[1] if bodies else parts[0])
            written += 1
    print(written)


if __name__ == "__main__":
    main()
