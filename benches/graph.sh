#!/usr/bin/env bash
# The response graph against `emplan check`, measured side by side in one run (issue 8).
#
#   benches/graph.sh              # at 10,000 plans and on the sample, 15 rounds
#   benches/graph.sh 10000 21     # at N plans, with that many rounds
#
# Each round runs, in turns and as whole processes:
#   check      emplan check DIR
#   activate   emplan activate --hazard rainstorm --level II --at TOWNSHIP --format json DIR
# on a synthetic plan system (examples/synth.rs, target/synth/N) and on the sample in plans/,
# and reports the median of each and the ratio. Then examples/graph_cost.rs loads each system
# once and times, in one process and in turns, every rule, Graph::build and the cascade: the
# graph's share of load + rules. The G rules run inside check: their cost against a commit
# before them is benches/compare.sh's. Results are appended to target/bench/graph.md.

set -euo pipefail
cd "$(dirname "$0")/.."

PLANS=${1:-10000}
ROUNDS=${2:-15}
OUT=target/bench
mkdir -p "$OUT"

cargo build --release --quiet --bin emplan --example synth --example graph_cost
emplan=target/release/emplan
system=target/synth/$PLANS
if [ ! -d "$system" ] || [ target/release/examples/synth -nt "$system/README.md" ]; then
    rm -rf "$system"
    target/release/examples/synth --plans "$PLANS" --out "$system" >/dev/null
fi
# A township of the first county of the synthetic system.
township=$(grep -rhoE -m1 'id: [a-z0-9-]+-xz01$' "$system" | head -1 | cut -d' ' -f2)

seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f\n", b - a }'
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { printf "%.4f", v[int((NR + 1) / 2)] }'
}

measure() {
    local label=$1 dir=$2 place=$3
    local check=() activate=()
    "$emplan" check "$dir" >/dev/null
    for _ in $(seq "$ROUNDS"); do
        check+=("$(seconds "$emplan" check "$dir")")
        activate+=("$(seconds "$emplan" activate --hazard rainstorm --level II --at "$place" --format json "$dir")")
    done
    local c a
    c=$(printf '%s\n' "${check[@]}" | median)
    a=$(printf '%s\n' "${activate[@]}" | median)
    awk -v l="$label" -v c="$c" -v a="$a" \
        'BEGIN { printf "| %s | %s | %s | %.2fx |\n", l, c, a, a / c }'
}

{
    echo
    echo "## $(date -u +%Y-%m-%d) $(git rev-parse --short HEAD), $ROUNDS rounds, $(nproc) cores"
    echo
    echo "| system | check (s) | activate (s) | activate / check |"
    echo "|---|---|---|---|"
    measure "sample (118 plans)" plans xz-baolun
    measure "$PLANS plans" "$system" "$township"
    echo
    target/release/examples/graph_cost plans "$ROUNDS" rainstorm II xz-baolun
    target/release/examples/graph_cost "$system" "$ROUNDS" rainstorm II "$township"
} | tee -a "$OUT/graph.md"
