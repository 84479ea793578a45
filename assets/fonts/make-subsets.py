#!/usr/bin/env python3
"""Makes the fonts emplan bundles: subsets of Debian's fonts-noto-cjk and fonts-lxgw-wenkai.

Run from the repository root after `apt-get install fonts-noto-cjk fonts-lxgw-wenkai` and
`pip install fonttools`:

    python3 assets/fonts/make-subsets.py

Each subset holds GB 2312 (every character Python's codec decodes), printable ASCII, general
punctuation, CJK symbols and punctuation, full-width forms, and every character that the sample
plans (`plans/`), the templates (`templates/`) and the renderer's labels (`src/render/`) use.
The output is deterministic for the same input fonts and texts.

LXGW WenKai reserves the names "LXGW" and "霞鹜" (OFL-1.1, section 3): a subset is a Modified
Version, so its family is renamed to "Emplan Kai". Noto CJK reserves no name.
"""
import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "assets" / "fonts"
NOTO = pathlib.Path("/usr/share/fonts/opentype/noto")
WENKAI = pathlib.Path("/usr/share/fonts/truetype/lxgw-wenkai")

# (source file, face index in the collection, output file, new family name or None)
FONTS = [
    (NOTO / "NotoSerifCJK-Regular.ttc", 2, "NotoSerifSC-Regular.otf", None),
    (NOTO / "NotoSerifCJK-Bold.ttc", 2, "NotoSerifSC-Bold.otf", None),
    (NOTO / "NotoSansCJK-Regular.ttc", 2, "NotoSansSC-Regular.otf", None),
    (NOTO / "NotoSansCJK-Bold.ttc", 2, "NotoSansSC-Bold.otf", None),
    (WENKAI / "LXGWWenKai-Regular.ttf", 0, "EmplanKai-Regular.ttf", "Emplan Kai"),
]


def characters():
    chars = set(chr(c) for c in range(0x20, 0x7F))
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.update(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for first, last in [(0x2000, 0x206F), (0x2160, 0x216F), (0x2460, 0x24FF),
                        (0x3000, 0x303F), (0xFF00, 0xFFEF)]:
        chars.update(chr(c) for c in range(first, last + 1))
    for folder, pattern in [("plans", "*"), ("templates", "*"), ("src/render", "*.rs")]:
        for path in sorted((ROOT / folder).rglob(pattern)):
            if path.is_file():
                chars.update(path.read_text(encoding="utf-8", errors="ignore"))
    return "".join(sorted(c for c in chars if c.isprintable() or c == "\u3000"))


def rename(path, family):
    font = TTFont(path, recalcTimestamp=False)
    style = font["name"].getDebugName(2) or "Regular"
    names = {1: family, 4: f"{family} {style}", 6: f"{family.replace(' ', '')}-{style}",
             16: family, 3: f"{family.replace(' ', '')}-{style};subset"}
    for record in list(font["name"].names):
        if record.nameID in names:
            record.string = names[record.nameID]
    font.save(path)


def main():
    text = OUT / "subset-characters.txt"
    text.write_text(characters(), encoding="utf-8")
    for source, index, name, family in FONTS:
        target = OUT / name
        subset.main([str(source), f"--font-number={index}", f"--text-file={text}",
                     f"--output-file={target}", "--layout-features=*", "--no-hinting",
                     "--name-IDs=*", "--name-languages=*", "--drop-tables+=DSIG",
                     "--no-recalc-timestamp"])
        if family:
            rename(target, family)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")
    text.unlink()


if __name__ == "__main__":
    sys.exit(main())
