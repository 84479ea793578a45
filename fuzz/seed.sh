#!/usr/bin/env bash
# Seeds each fuzz target's corpus from the sample plan system (plans/), so the fuzzer starts
# from files a plan author writes rather than from nothing.
#   fuzz/seed.sh            writes fuzz/corpus/<target>/
# It runs `emplan drill new` for the MSEL seeds, so it builds emplan first.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
mkdir -p "$corpus"/{front_matter,yaml_subset,markdown_typst,check_repo,msel_import}

n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  case "$file" in
    *.md)
      cp "$file" "$corpus/front_matter/sample-$n"
      # The front matter alone, and the body alone.
      awk 'NR == 1 && /^---/ { inside = 1; next } inside && /^---/ { exit } inside' "$file" \
        > "$corpus/yaml_subset/front-matter-$n"
      awk 'seen >= 2 { print } /^---/ && seen < 2 { seen++ }' "$file" \
        > "$corpus/markdown_typst/body-$n"
      ;;
    *.yaml | *.yml)
      cp "$file" "$corpus/yaml_subset/file-$n"
      ;;
  esac
done < <(find plans -type f \( -name '*.md' -o -name '*.yaml' -o -name '*.yml' \) -print0 | sort -z)

# check_repo reads its input through `arbitrary`: a few short inputs start it off.
printf '\xff\xff\xff\xff\xff\xff\xff\xff' > "$corpus/check_repo/all-plans"
printf '\x01\x00\x00\x00\x00\x00\x00\x00\x00\x10\x00\x05id: x' > "$corpus/check_repo/one-edit"

# The MSEL as `drill new` writes it, as CSV (first byte 0) and XLSX (first byte 1).
cargo build --release --quiet
pack=$(mktemp -d)
trap 'rm -rf "$pack"' EXIT
target/release/emplan drill new 2026-baolun-flood-tabletop -o "$pack/pack" plans > /dev/null 2>&1
{ printf '\x00'; cat "$pack/pack/msel.csv"; } > "$corpus/msel_import/msel-csv"
{ printf '\x01'; cat "$pack/pack/msel.xlsx"; } > "$corpus/msel_import/msel-xlsx"
for target in "$corpus"/*; do
  echo "$(basename "$target"): $(ls "$target" | wc -l) seeds"
done
