#!/usr/bin/env python3
"""Copies the YAML front matter of every plan below SRC into DST/<same path>.yaml, for tools
that validate plain YAML files (benches/compare-jsonschema.sh feeds them to check-jsonschema).

Finds files the way emplan does: every .md file except README.md, skipping folders whose name
starts with "." or is "target" or "node_modules"; the front matter is everything between a
first line "---" and the next line "---" or "...". Prints the number of files written.

    benches/extract_front_matter.py target/synth/10000 target/jsonschema/10000
"""

import os
import sys


def front_matter(text):
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "".join(lines[1:i])
    return None


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: extract_front_matter.py SRC DST")
    src, dst = sys.argv[1], sys.argv[2]
    written = 0
    for folder, dirs, files in os.walk(src):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and d not in ("target", "node_modules")
        )
        for name in sorted(files):
            if not name.endswith(".md") or name.lower() == "readme.md":
                continue
            with open(os.path.join(folder, name), encoding="utf-8-sig") as f:
                yaml = front_matter(f.read())
            if yaml is None:
                continue
            relative = os.path.relpath(os.path.join(folder, name), src)
            out = os.path.join(dst, relative[: -len(".md")] + ".yaml")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w", encoding="utf-8") as f:
                f.write(yaml)
            written += 1
    print(written)


if __name__ == "__main__":
    main()
