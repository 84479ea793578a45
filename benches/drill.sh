#!/usr/bin/env bash
# `emplan drill new` on the sample's drills, as whole processes (issue 10).
#
#   benches/drill.sh        # 10 runs each
#   benches/drill.sh 20     # that many runs
#
# Needs hyperfine (Debian's hyperfine). Each run loads the sample, checks it, derives the
# drill's injects and writes its pack: the Markdown, the CSV and every PDF. Results are
# appended to target/bench/drill.md.

set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-10}
OUT=target/bench/drill
mkdir -p "$OUT"
command -v hyperfine >/dev/null || { echo "benches/drill.sh: hyperfine is missing" >&2; exit 2; }

cargo build --release --quiet --bin emplan
emplan=target/release/emplan

commands=()
for file in plans/drills/*.drill.yaml; do
    id=$(sed -n 's/^id: //p' "$file")
    commands+=("$emplan drill new $id -o $OUT/$id plans")
done
hyperfine --warmup 1 --runs "$RUNS" -N --export-markdown "$OUT/last.md" "${commands[@]}"
{
    echo "## $(date -u +%Y-%m-%dT%H:%MZ) $(git rev-parse --short HEAD)"
    cat "$OUT/last.md"
    echo
} >> target/bench/drill.md
