#!/usr/bin/env bash
# Side by side: `emplan check` as it is now against an earlier commit, and a scoped check of one
# file against a full check (issue 7).
#
#   benches/compare.sh                 # against c6f88e0, at 10,000 plans, 21 pairs
#   benches/compare.sh REV 10000 31    # against REV, at N plans, with that many pairs
#
# The earlier commit is built in a temporary git worktree (target/compare/REV, its own target
# folder). Both binaries check the same synthetic plan system (examples/synth.rs, written by the
# current generator into target/synth/N). Runs are taken in turns (base, now, base, now, ...)
# and the median of each is reported, so that a machine whose speed drifts affects both alike.
# Then, on the sample in plans/: `emplan check plans/specialised/zx-forest-fire.md` (loads the
# whole repository, reports one file) against `emplan check plans`, in turns too.
# Results are appended to target/bench/compare.md.

set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${1:-c6f88e0}
PLANS=${2:-10000}
PAIRS=${3:-21}
OUT=target/bench
WORKTREE=target/compare/$BASE
mkdir -p "$OUT" target/compare

cargo build --release --quiet --bin emplan --example synth
now=target/release/emplan

if [ ! -d "$WORKTREE" ]; then
    git worktree add --detach "$WORKTREE" "$BASE" >/dev/null
fi
CARGO_TARGET_DIR="$PWD/$WORKTREE/target" cargo build --release --quiet \
    --manifest-path "$WORKTREE/Cargo.toml" --bin emplan
base=$WORKTREE/target/release/emplan

system=target/synth/$PLANS
if [ ! -d "$system" ]; then
    target/release/examples/synth --plans "$PLANS" --out "$system" >/dev/null
fi
for exe in "$base" "$now"; do
    if ! "$exe" check "$system" >/dev/null; then
        echo "benches/compare.sh: $exe finds problems in $system; not measuring it" >&2
        exit 1
    fi
done

median() {
    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

wall() {
    local start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f\n", b - a }'
}

# Runs two commands in turns, after one warm-up each; prints "median-a median-b b/a".
in_turns() {
    local a=$1 b=$2 i pairs=$OUT/compare-pairs.txt
    # shellcheck disable=SC2086 # the command strings are split into words on purpose
    wall $a >/dev/null
    # shellcheck disable=SC2086
    wall $b >/dev/null
    : >"$pairs"
    for ((i = 0; i < PAIRS; i++)); do
        # shellcheck disable=SC2086
        echo "$(wall $a) $(wall $b)" >>"$pairs"
    done
    local ma mb
    ma=$(cut -d' ' -f1 "$pairs" | median)
    mb=$(cut -d' ' -f2 "$pairs" | median)
    echo "$ma $mb $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", b / a }')"
}

read -r t_base t_now ratio < <(in_turns "$base check $system" "$now check $system")
read -r t_full t_file file_ratio < <(in_turns "$now check plans" \
    "$now check plans/specialised/zx-forest-fire.md")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
    echo
    echo "## $(date -u +%Y-%m-%d) $(git rev-parse --short HEAD) against $BASE ($(nproc) cores, $cpu)"
    echo
    echo "| what | before / full (s) | now / one file (s) | ratio |"
    echo "|---|---|---|---|"
    echo "| check, $PLANS plans: $BASE against now | $t_base | $t_now | $ratio |"
    echo "| the sample: \`check plans\` against \`check plans/specialised/zx-forest-fire.md\` | $t_full | $t_file | $file_ratio |"
    echo
    echo "Medians of $PAIRS runs of each, taken in turns."
} | tee -a "$OUT/compare.md"
