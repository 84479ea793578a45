#!/usr/bin/env bash
# Peak memory of `emplan check` on one large file, as a multiple of its size (issue 12,
# defect 8: bodies full of headings or links used 10-14 times their size).
#
#   benches/memory.sh            # 100 MiB files
#   MIB=20 benches/memory.sh
#
# For each shape it writes a repository holding the mini fixture and one large file into
# target/memory/SHAPE, raises `[limits] file_size_mib` to admit it, and reports the peak RSS of
# `emplan check` (GNU time), the file's size and their ratio. The mini repository alone is
# measured too, so what the large file costs can be told from what emplan always holds.
# Needs GNU time (/usr/bin/time; Debian's package `time`).

set -euo pipefail
cd "$(dirname "$0")/.."
MIB=${MIB:-100}
cargo build --release --quiet
E=target/release/emplan
out=target/memory
rm -rf "$out"
mkdir -p "$out"

repository() {
  local dir=$out/$1
  mkdir -p "$dir"
  cp -r tests/fixtures/mini/. "$dir/"
  printf '\n[limits]\nfile_size_mib = %d\n' $((MIB * 2)) >> "$dir/emplan.toml"
  echo "$dir"
}

# Writes lines made by awk's `line(i)` until the file has MIB MiB.
fill() {
  awk -v limit=$((MIB << 20)) "function line(i) { $1 } BEGIN {
    size = 0
    for (i = 1; size < limit; i++) { l = line(i); size += length(l) + 1; print l }
  }"
}

make_shape() {
  local dir
  dir=$(repository "$1")
  case $1 in
    headings)
      { printf -- '---\nid: big\nkind: site\ntitle: 大\nowner: xz-baolun\n---\n'
        fill 'return "## 第" i "节"'; } > "$dir/plans/big.md" ;;
    links)
      { printf -- '---\nid: big\nkind: site\ntitle: 大\nowner: xz-baolun\n---\n'
        fill 'return "见[防汛](plan:zx-flood)。"'; } > "$dir/plans/big.md" ;;
    paragraphs)
      { printf -- '---\nid: big\nkind: site\ntitle: 大\nowner: xz-baolun\n---\n'
        fill 'return (i % 2 ? "镇政府组织群众转移到安置点，清点人数并报告。" : "")'; } > "$dir/plans/big.md" ;;
    contacts)
      { echo 'contacts:'
        fill 'return "  - { id: c-many-" i ", name: 某某, org: xz-baolun, mobile: 138-0000-0002, verified: \"2026-04-15\" }"'; } \
        > "$dir/registry/many.yaml" ;;
  esac
  echo "$dir"
}

# The peak RSS in KiB (the check's own exit code, 1 for findings, does not matter here).
peak_kib() {
  { /usr/bin/time -f '%M' "$E" check --format json "$1" 2>&1 >/dev/null || true; } | tail -1
}

base=$(repository mini)
base_kib=$(peak_kib "$base")
printf '%-11s %9s %9s %7s\n' shape "file MiB" "peak MiB" ratio
printf '%-11s %9s %9.1f %7s\n' mini - "$(echo "$base_kib / 1024" | bc -l)" -
for shape in headings links paragraphs contacts; do
  dir=$(make_shape $shape)
  bytes=$(find "$dir" -name 'big.md' -o -name 'many.yaml' | xargs stat -c %s)
  kib=$(peak_kib "$dir")
  printf '%-11s %9.1f %9.1f %7.2f\n' $shape "$(echo "$bytes / 1048576" | bc -l)" \
    "$(echo "$kib / 1024" | bc -l)" "$(echo "$kib * 1024 / $bytes" | bc -l)"
done
