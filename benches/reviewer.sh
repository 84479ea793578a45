#!/usr/bin/env bash
# `emplan check` at 10,000 plans with every rule of the reviewer's check (issue 11), side by
# side with the emplan of a revision before it.
#
#   benches/reviewer.sh                 # against 52ee7ef (the last commit before issue 11)
#   BEFORE=<rev> PLANS=10000 benches/reviewer.sh
#
# Each revision generates its synthetic district with its own generator (examples/synth.rs, same
# plan count and seed): the one before issue 11 has no drill ledger, contact dates or
# emplan.toml, which its loader would reject. Both districts check clean with their own emplan.
# hyperfine times the two commands one after the other, each after two warm-up runs.
# The older revision is built in a git worktree whose target folder starts as a copy of this
# one's, so only emplan itself is compiled again.

set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=${BEFORE:-52ee7ef}
PLANS=${PLANS:-10000}
SEED=${SEED:-1}
RUNS=${RUNS:-10}
OUT=target/bench
command -v hyperfine >/dev/null || { echo "benches/reviewer.sh: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 2; }

cargo build --release --quiet --bin emplan --example synth
mkdir -p "$OUT"
work=target/bench/before-$BEFORE
if [ ! -x "$work/target/release/emplan" ]; then
    rm -rf "$work"
    git worktree add --detach "$work" "$BEFORE" >/dev/null
    mkdir -p "$work/target"
    cp -r target/release "$work/target/release"
    (cd "$work" && cargo build --release --quiet --bin emplan --example synth)
fi

now=target/synth-reviewer/now-$PLANS
then_=target/synth-reviewer/before-$PLANS
[ -d "$now" ] || target/release/examples/synth --plans "$PLANS" --seed "$SEED" --out "$now"
[ -d "$then_" ] || "$work/target/release/examples/synth" --plans "$PLANS" --seed "$SEED" --out "$then_"
for pair in "target/release/emplan $now" "$work/target/release/emplan $then_"; do
    set -- $pair
    "$1" check "$2" --format json > "$OUT/reviewer-check.json" || { echo "$1 finds problems in $2" >&2; exit 1; }
done

hyperfine --warmup 2 --runs "$RUNS" --export-markdown "$OUT/reviewer.md" \
    -n "before ($BEFORE)" "$work/target/release/emplan check $then_" \
    -n "now (with C, T, Q rules)" "target/release/emplan check $now"
cat "$OUT/reviewer.md"
