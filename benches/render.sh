#!/usr/bin/env bash
# Handbooks against pandoc + xelatex, measured side by side in one run (issue 9).
#
#   benches/render.sh        # 5 rounds
#   benches/render.sh 9      # that many rounds
#
# Each round runs, in turns and as whole processes:
#   one        emplan handbook --plan zx-flood-drought          (one specialised plan)
#   all        emplan handbook --all -o all.pdf plans          (the whole system, one book)
#   each       emplan handbook --each -o each/ plans           (every plan's book, in parallel)
#   pandoc-one pandoc zx-flood-drought.md --pdf-engine=xelatex (its Markdown body)
#   pandoc-all pandoc all.md                                    (every plan's Markdown body, one file)
#   pandoc-each pandoc ID.md for every plan, two at a time     (xargs -P 2: the machine's 2 cores)
# The Markdown given to pandoc is the plans' bodies with the front matter cut off: the same
# chapters emplan sets, without the tables emplan builds from the front matter. pandoc sets
# them on emplan's page: A4 with the same margins, Noto Serif CJK SC at 16 pt on a 29 pt line
# pitch, a two-character indent. The comparison is pages per second. Needs Debian's pandoc, texlive-xetex,
# texlive-lang-chinese, fonts-noto-cjk and poppler-utils (not installed by CI). Results are
# appended to target/bench/render.md.

set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-5}
OUT=target/bench/render
mkdir -p "$OUT/each" "$OUT/md" "$OUT/pandoc-each"
for tool in pandoc xelatex pdfinfo; do
    command -v "$tool" >/dev/null || { echo "benches/render.sh: $tool is missing" >&2; exit 2; }
done

cargo build --release --quiet --bin emplan
emplan=target/release/emplan

# The bodies, one file per plan and all in one, in path order.
python3 benches/extract_front_matter.py --bodies plans "$OUT/md" >/dev/null
cat "$OUT"/md/*.md > "$OUT/all.md"

pandoc_pdf() {
    pandoc "$1" -o "$2" --pdf-engine=xelatex \
        -V geometry:a4paper,top=37mm,bottom=35mm,left=28mm,right=26mm \
        -V CJKmainfont="Noto Serif CJK SC" -V mainfont="Noto Serif CJK SC" \
        -V header-includes='\AtBeginDocument{\fontsize{16pt}{29pt}\selectfont\setlength{\parindent}{2em}}' \
        2>/dev/null
}
export -f pandoc_pdf

seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

declare -A times
for name in one all each pandoc-one pandoc-all pandoc-each; do times[$name]=""; done
for round in $(seq "$ROUNDS"); do
    times[all]+="$(seconds "$emplan" handbook --all -o "$OUT/all.pdf" plans) "
    times[one]+="$(seconds "$emplan" handbook --plan zx-flood-drought -o "$OUT/one.pdf" plans) "
    times[pandoc-one]+="$(seconds pandoc_pdf "$OUT/md/zx-flood-drought.md" "$OUT/pandoc-one.pdf") "
    times[each]+="$(seconds "$emplan" handbook --each -o "$OUT/each" plans) "
    times[pandoc-all]+="$(seconds pandoc_pdf "$OUT/all.md" "$OUT/pandoc-all.pdf") "
    times[pandoc-each]+="$(seconds bash -c "ls $OUT/md/*.md | xargs -P 2 -I{} bash -c 'pandoc_pdf {} $OUT/pandoc-each/\$(basename {} .md).pdf'") "
    echo "round $round done" >&2
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
sum_pages() { local n=0; for f in "$@"; do n=$((n + $(pages "$f"))); done; echo $n; }

p_one=$(pages "$OUT/one.pdf")
p_pandoc_one=$(pages "$OUT/pandoc-one.pdf")
p_all=$(pages "$OUT/all.pdf")
p_each=$(sum_pages "$OUT"/each/*.pdf)
p_pandoc_all=$(pages "$OUT/pandoc-all.pdf")
p_pandoc_each=$(sum_pages "$OUT"/pandoc-each/*.pdf)

{
    echo
    echo "## $(date -u +%Y-%m-%d) $(git rev-parse --short HEAD), $(nproc) cores, median of $ROUNDS"
    echo
    echo "| run | seconds | pages | pages/s |"
    echo "|---|---:|---:|---:|"
    for row in "one:$p_one" "all:$p_all" "each:$p_each" "pandoc-one:$p_pandoc_one" \
        "pandoc-all:$p_pandoc_all" "pandoc-each:$p_pandoc_each"; do
        name=${row%%:*}; n=${row#*:}
        t=$(echo "${times[$name]}" | median)
        awk -v name="$name" -v t="$t" -v n="$n" 'BEGIN { printf "| %s | %.2f | %d | %.1f |\n", name, t, n, n / t }'
    done
    t_one=$(echo "${times[one]}" | median); t_pone=$(echo "${times[pandoc-one]}" | median)
    awk -v a="$p_one" -v ta="$t_one" -v b="$p_pandoc_one" -v tb="$t_pone" \
        'BEGIN { printf "\none plan (zx-flood-drought): emplan sets %.1f times as many pages per second as pandoc + xelatex\n", (a / ta) / (b / tb) }'
    t_all=$(echo "${times[all]}" | median); t_pall=$(echo "${times[pandoc-all]}" | median)
    t_each=$(echo "${times[each]}" | median); t_peach=$(echo "${times[pandoc-each]}" | median)
    awk -v a="$p_all" -v ta="$t_all" -v b="$p_pandoc_all" -v tb="$t_pall" \
        'BEGIN { printf "whole system: emplan sets %.1f times as many pages per second as pandoc + xelatex\n", (a / ta) / (b / tb) }'
    awk -v a="$p_each" -v ta="$t_each" -v b="$p_pandoc_each" -v tb="$t_peach" \
        'BEGIN { printf "every plan: emplan sets %.1f times as many pages per second as pandoc + xelatex\n", (a / ta) / (b / tb) }'
} | tee -a target/bench/render.md
