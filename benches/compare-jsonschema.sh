#!/usr/bin/env bash
# emplan against check-jsonschema (https://pypi.org/project/check-jsonschema/) on the same
# synthetic plan system, timed side by side in one run (issue 3).
#
#   benches/compare-jsonschema.sh           # 10000 plans
#   benches/compare-jsonschema.sh 1000
#
# check-jsonschema is what a reviewer would reach for without emplan: it validates each file
# against schemas/plan.schema.json or schemas/registry.schema.json (structure only; no
# references, no linkage, no Markdown). It reads plain YAML, so the front matter of every plan
# is first extracted to target/jsonschema/N/**/*.yaml by benches/extract_front_matter.py (not
# timed). emplan checks the original files with every rule. The ratio printed is
#   (check-jsonschema on the plans + on the registry files) / emplan check.
#
# check-jsonschema is installed from PyPI into target/venv-jsonschema on first use (needs
# python3 with venv and pip, and network access). Environment: RUNS (emplan runs, default 3),
# SEED (default 1), SYNTH_DIR (default target/synth).

set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-10000}
RUNS=${RUNS:-3}
SEED=${SEED:-1}
SYNTH_DIR=${SYNTH_DIR:-target/synth}
DIR=$SYNTH_DIR/$N
FRONT=target/jsonschema/$N
VENV=target/venv-jsonschema
OUT=target/bench
mkdir -p "$OUT"

if [ ! -x /usr/bin/time ]; then
    echo "compare-jsonschema.sh: GNU time is needed: sudo apt-get install -y time" >&2
    exit 2
fi
if [ ! -x "$VENV/bin/check-jsonschema" ]; then
    echo "installing check-jsonschema into $VENV..."
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet check-jsonschema
fi
echo "building (release)..."
cargo build --release --quiet --bin emplan --example synth
if ! grep -qs -- "--plans $N --seed $SEED\`" "$DIR/README.md" ||
    [ target/release/examples/synth -nt "$DIR/README.md" ]; then
    target/release/examples/synth --plans "$N" --seed "$SEED" --out "$DIR"
fi
rm -rf "$FRONT"
echo "extracting front matter of $(python3 benches/extract_front_matter.py "$DIR" "$FRONT") plans to $FRONT"

# Runs a command once under GNU time; prints "seconds peak-MB exit-code".
timed() {
    local log=$1
    shift
    local code=0
    /usr/bin/time -f '%e %M' -o "$OUT/timed.txt" "$@" >"$log" 2>&1 || code=$?
    awk -v c="$code" 'END { printf "%s %.0f %s\n", $1, $2 / 1024, c }' "$OUT/timed.txt"
}

find "$FRONT" -name '*.yaml' -print0 | sort -z >"$OUT/plans.list"
find "$DIR" \( -name '*.yaml' -o -name '*.yml' \) -print0 | sort -z >"$OUT/registry.list"
plans=$(tr -cd '\0' <"$OUT/plans.list" | wc -c)
registries=$(tr -cd '\0' <"$OUT/registry.list" | wc -c)
# One check-jsonschema process for all files of a list (xargs splits the list only if the
# command line would be too long for the system).
echo "check-jsonschema on $plans plan front matters (this takes a while)..."
read -r js_plans js_plans_mb js_plans_code < <(timed "$OUT/jsonschema-plans.log" \
    xargs -0 -a "$OUT/plans.list" "$VENV/bin/check-jsonschema" \
    --schemafile schemas/plan.schema.json)
echo "check-jsonschema on $registries registry files..."
read -r js_reg js_reg_mb js_reg_code < <(timed "$OUT/jsonschema-registry.log" \
    xargs -0 -a "$OUT/registry.list" "$VENV/bin/check-jsonschema" \
    --schemafile schemas/registry.schema.json)
echo "emplan check, $RUNS runs..."
em_total=0
em_best=""
for ((i = 0; i < RUNS; i++)); do
    read -r t mb code < <(timed "$OUT/emplan.log" target/release/emplan check "$DIR")
    em_total=$(awk -v a="$em_total" -v b="$t" 'BEGIN { print a + b }')
    em_best=$(awk -v a="$em_best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
    em_mb=$mb
    em_code=$code
done
em_mean=$(awk -v a="$em_total" -v n="$RUNS" 'BEGIN { printf "%.3f", a / n }')
# check-jsonschema uses one core; emplan all of them. Once more on one thread, for a fair ratio.
echo "emplan check on one thread..."
read -r em1 em1_mb em1_code < <(RAYON_NUM_THREADS=1 timed "$OUT/emplan-1.log" target/release/emplan check "$DIR")

verdict() { if [ "$1" = 0 ]; then echo "valid"; else echo "exit $1, see $2"; fi; }
{
    echo
    echo "## emplan vs check-jsonschema, $plans plans ($(nproc) cores, $(date -u '+%Y-%m-%d'))"
    echo
    echo "| tool | files | wall (s) | peak RSS (MB) | result |"
    echo "|---|---:|---:|---:|---|"
    echo "| check-jsonschema, plans (plan.schema.json) | $plans | $js_plans | $js_plans_mb | $(verdict "$js_plans_code" "$OUT/jsonschema-plans.log") |"
    echo "| check-jsonschema, registry (registry.schema.json) | $registries | $js_reg | $js_reg_mb | $(verdict "$js_reg_code" "$OUT/jsonschema-registry.log") |"
    echo "| emplan check, all rules, $(nproc) threads (mean of $RUNS; fastest $em_best) | $((plans + registries)) | $em_mean | $em_mb | $(verdict "$em_code" "$OUT/emplan.log") |"
    echo "| emplan check, all rules, 1 thread | $((plans + registries)) | $em1 | $em1_mb | $(verdict "$em1_code" "$OUT/emplan-1.log") |"
    echo
    awk -v p="$js_plans" -v r="$js_reg" -v e="$em_mean" -v b="$em_best" -v o="$em1" 'BEGIN {
        printf "emplan is %.0fx faster than check-jsonschema (%.0fx taking emplan'"'"'s fastest run; %.0fx on one thread)\n",
            (p + r) / e, (p + r) / b, (p + r) / o }'
} | tee -a "$OUT/compare-jsonschema.md"
