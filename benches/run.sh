#!/usr/bin/env bash
# Benchmarks of `emplan check` at district, city, province (and national) scale (issue 3).
#
#   benches/run.sh                    # 150, 1000 and 10000 plans, plus the sample in plans/
#   benches/run.sh 150 1000 10000 100000
#   RUNS=10 benches/run.sh 10000
#
# For each scale it generates a synthetic plan system (examples/synth.rs, deterministic from
# SEED) into target/synth/N unless the current generator already wrote it there, checks that
# `emplan check` finds nothing in it, and measures two whole processes:
#   load only   examples/load_only.rs: reads and parses every file, runs no rule
#   full check  emplan check: load + every rule + the report
# Reported: wall time (mean ± standard deviation, and the fastest run), peak RSS, and the rules'
# overhead over load only; then the time ratio between successive scales. The overhead and the
# ratios come from runs of the two commands (or sizes) taken in turns, median of each, so that a
# machine whose speed drifts (shared or throttled cores) affects both alike.
#
# Uses hyperfine when installed, else GNU time (/usr/bin/time) for every run. Peak RSS always
# comes from GNU time. To install both on Debian or Ubuntu:
#   sudo apt-get install -y hyperfine time
# (or `cargo install hyperfine`). Results are also written to target/bench/results.md.
#
# Environment: RUNS (measured runs per command, default 5), RUNS_LARGE (the same from 50,000
# plans up, default 2), WARMUP (default 1), SEED (default 1), SYNTH_DIR (default target/synth),
# RAYON_NUM_THREADS (threads emplan uses; default all cores).

set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
RUNS_LARGE=${RUNS_LARGE:-2}
WARMUP=${WARMUP:-1}
SEED=${SEED:-1}
SYNTH_DIR=${SYNTH_DIR:-target/synth}
OUT=target/bench
if [ "$#" -gt 0 ]; then scales=("$@"); else scales=(150 1000 10000); fi

if [ ! -x /usr/bin/time ]; then
    echo "benches/run.sh: GNU time is needed for peak memory: sudo apt-get install -y time" >&2
    exit 2
fi
if command -v hyperfine >/dev/null; then
    timer=hyperfine
else
    timer=time
    echo "note: hyperfine not found (sudo apt-get install -y hyperfine, or cargo install hyperfine);"
    echo "      timing with /usr/bin/time instead"
fi

echo "building (release)..."
cargo build --release --quiet --bin emplan --example synth --example load_only
EMPLAN=target/release/emplan
LOAD_ONLY=target/release/examples/load_only
SYNTH=target/release/examples/synth
mkdir -p "$OUT"

# Measured runs for a system of n plans (n is "sample" for plans/).
runs_for() {
    if [ "$1" != sample ] && [ "$1" -ge 50000 ]; then echo "$RUNS_LARGE"; else echo "$RUNS"; fi
}

# Generates target/synth/N unless it holds the same plans and seed from the current generator.
generate() {
    local n=$1 dir=$2
    if ! grep -qs -- "--plans $n --seed $SEED\`" "$dir/README.md" || [ "$SYNTH" -nt "$dir/README.md" ]; then
        "$SYNTH" --plans "$n" --seed "$SEED" --out "$dir"
    fi
}

# Files emplan reads and their total size in MB.
corpus() {
    find "$1" -type f \( -name '*.md' -o -name '*.yaml' -o -name '*.yml' \) ! -name README.md \
        -printf '%s\n' | awk '{ n++; b += $1 } END { printf "%d %.1f\n", n, b / 1e6 }'
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# Prints "mean stddev min" in seconds for a command line, over `runs` runs.
timing() {
    local name=$1 runs=$2 i
    shift 2
    if [ "$timer" = hyperfine ]; then
        hyperfine --shell=none --warmup "$WARMUP" --runs "$runs" --style none \
            --export-csv "$OUT/$name.csv" "$*" >/dev/null 2>"$OUT/$name.hyperfine.txt"
        awk -F, 'NR == 2 { printf "%.4f %.4f %.4f\n", $2, $3, $7 }' "$OUT/$name.csv"
    else
        for ((i = 0; i < WARMUP; i++)); do "$@" >/dev/null 2>&1 || true; done
        for ((i = 0; i < runs; i++)); do
            /usr/bin/time -f '%e' -o "$OUT/$name.time" "$@" >/dev/null 2>&1 || true
            tail -n 1 "$OUT/$name.time"
        done | awk '{ s += $1; q += $1 * $1; if (min == "" || $1 < min) min = $1; n++ }
            END { m = s / n; v = q / n - m * m; if (v < 0) v = 0;
                  printf "%.4f %.4f %.4f\n", m, sqrt(v), min }'
    fi
}

# Peak RSS of one run, in MB (it varies by about 1% between runs).
peak_rss() {
    local name=$1
    shift
    /usr/bin/time -f '%M' -o "$OUT/$name.rss" "$@" >/dev/null 2>&1 || true
    awk 'END { printf "%.0f\n", $1 / 1024 }' "$OUT/$name.rss"
}

# Wall time of one run of a command, in seconds.
wall() {
    local start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f\n", b - a }'
}

# Two commands (given as two strings) run in turns; prints the median wall time of each.
interleaved() {
    local a=$1 b=$2 runs=$3 i
    : >"$OUT/pairs.txt"
    for ((i = 0; i < runs; i++)); do
        # shellcheck disable=SC2086 # the command strings are split into words on purpose
        echo "$(wall $a) $(wall $b)" >>"$OUT/pairs.txt"
    done
    echo "$(cut -d' ' -f1 "$OUT/pairs.txt" | median) $(cut -d' ' -f2 "$OUT/pairs.txt" | median)"
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
{
    echo "# emplan benchmarks"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores (${RAYON_NUM_THREADS:-all} used), $cpu, $mem;"
    echo "$(rustc --version); timer: $timer, $RUNS runs ($RUNS_LARGE from 50,000 plans) after $WARMUP warm-up; seed $SEED."
    echo
    echo "| system | plans | files | MB | load only (s) | full check (s) | fastest load / check (s) | peak RSS load / check (MB) | rules overhead (in turns) | in one process: load / rules |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$OUT/results.md"

systems=()
if [ -d plans ]; then systems+=("sample:plans"); fi
for n in "${scales[@]}"; do systems+=("$n:$SYNTH_DIR/$n"); done

for entry in "${systems[@]}"; do
    name=${entry%%:*}
    dir=${entry#*:}
    runs=$(runs_for "$name")
    if [ "$name" != sample ]; then generate "$name" "$dir" >&2; fi
    if ! "$EMPLAN" check --color never "$dir" >"$OUT/$name.check.txt"; then
        echo "benches/run.sh: emplan check $dir found problems (see $OUT/$name.check.txt)" >&2
        [ "$name" = sample ] || exit 1
    fi
    plans=$(grep -o '([0-9]* plans)' "$OUT/$name.check.txt" | tr -dc 0-9)
    read -r files mb < <(corpus "$dir")
    read -r load_mean load_sd load_min < <(timing "$name-load" "$runs" "$LOAD_ONLY" "$dir")
    read -r check_mean check_sd check_min < <(timing "$name-check" "$runs" "$EMPLAN" check "$dir")
    load_rss=$(peak_rss "$name-load" "$LOAD_ONLY" "$dir")
    check_rss=$(peak_rss "$name-check" "$EMPLAN" check "$dir")
    read -r pair_load pair_check < <(interleaved "$LOAD_ONLY $dir" "$EMPLAN check $dir" "$runs")
    overhead=$(awk -v c="$pair_check" -v l="$pair_load" 'BEGIN { printf "%+.0f%%", (c / l - 1) * 100 }')
    # The same split inside one process: loading, then every rule (in parallel, as emplan does).
    "$LOAD_ONLY" --phases "$dir" 2>"$OUT/$name.phases.txt" >/dev/null
    inside=$(awk '/^load / { l = $2 } /^check \(parallel\)/ { c = $3 }
        END { printf "%.0f / %.0f ms (%+.0f%%)", l, c, c / l * 100 }' "$OUT/$name.phases.txt")
    label=$name
    [ "$name" = sample ] && label="sample (plans/)"
    printf '| %s | %s | %s | %s | %.3f ± %.3f | %.3f ± %.3f | %.3f / %.3f | %s / %s | %s | %s |\n' \
        "$label" "$plans" "$files" "$mb" "$load_mean" "$load_sd" "$check_mean" "$check_sd" \
        "$load_min" "$check_min" "$load_rss" "$check_rss" "$overhead" "$inside" |
        tee -a "$OUT/results.md"
done

if [ "${#scales[@]}" -gt 1 ]; then
    {
        echo
        echo "Scaling of the full check (runs of the two sizes in turns, medians):"
        echo
    } | tee -a "$OUT/results.md"
    for ((k = 1; k < ${#scales[@]}; k++)); do
        a=${scales[k - 1]}
        b=${scales[k]}
        read -r ta tb < <(interleaved "$EMPLAN check $SYNTH_DIR/$a" "$EMPLAN check $SYNTH_DIR/$b" \
            "$(runs_for "$b")")
        awk -v a="$a" -v b="$b" -v ta="$ta" -v tb="$tb" 'BEGIN {
            printf "- %d -> %d plans (%.1fx): %.3f s -> %.3f s, %.1fx the time\n", a, b, b / a, ta, tb, tb / ta }' |
            tee -a "$OUT/results.md"
    done
fi
