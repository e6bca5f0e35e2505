#!/usr/bin/env bash
# Times start-up and answers, the compiled gazetteer cache and the graph
# index at work: loading a gazetteer (an `extract` of an empty input, so
# loading and building the matcher is all it does) with a warm cache and
# with --no-cache, and one `path`, `neighbors` and `top` on the 100k-actor,
# 1M-edge graph of benches/query.rs with and without its index.
#
#   bench/startup.sh [GRAPH_FILE]     (default /tmp/actorgraph-query-bench.json)
#
# RUNS sets the runs per row (default 3); BEFORE=BINARY also times an older
# binary on the same rows, interleaved with the new one, with its own cache
# and index (a hard link of the graph file carries the older index). The large
# gazetteer is unpacked to $WORK (default bench/work). Set SHARED_BENCH if
# the shared data is not at ../shared/bench. QUERIES=0 times the gazetteers
# alone (no graph is made or read).
set -euo pipefail
cd "$(dirname "$0")/.."
graph=${1:-/tmp/actorgraph-query-bench.json}
runs=${RUNS:-3}
shared=${SHARED_BENCH:-../shared/bench}
work=${WORK:-bench/work}
target=${CARGO_TARGET_DIR:-target}
bin="$target/release/actorgraph"
mkdir -p "$work"
export ACTORGRAPH_CACHE_DIR="$work/cache"

cargo build --release --quiet
with_queries=${QUERIES:-1}
if [ "$with_queries" != 0 ] && [ ! -s "$graph" ]; then
    ACTORGRAPH_WRITE_GRAPH="$graph" cargo bench --quiet --bench query
fi
large="$work/gazetteer-large.tsv"
[ -s "$large" ] || gzip -dc "$shared/gazetteer-large.tsv.gz" > "$large"
news="$shared/gazetteer-news.tsv"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"

# Rows run in turn, interleaved: run 1 of every row, then run 2, ..., so
# that a busy moment weighs on all of them alike. Each row is "LABEL|command
# words"; printed with its best wall time (and that run's user and system
# time and peak RSS) and the median wall time of $runs.
rows() {
    local r i line
    for r in $(seq "$runs"); do
        i=0
        for spec in "$@"; do
            read -r -a cmd <<< "${spec#*|}"
            /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "${cmd[@]}" > /dev/null 2> /dev/null < /dev/null || true
            tail -1 "$work/time.txt" >> "$work/row-$i.txt"
            i=$((i + 1))
        done
    done
    i=0
    for spec in "$@"; do
        sort -n "$work/row-$i.txt" > "$work/sorted.txt"
        read -r wall user sys rss < "$work/sorted.txt"
        median=$(awk '{w[NR] = $1} END {print w[int((NR + 1) / 2)]}' "$work/sorted.txt")
        printf '| %s | %s s | %s s | %s s | %s s | %d MB |\n' "${spec%%|*}" "$wall" "$median" "$user" "$sys" $((rss / 1024))
        rm -f "$work/row-$i.txt"
        i=$((i + 1))
    done
}

echo
echo "| what | best wall | median wall | user | sys | peak RSS |"
echo "|---|---:|---:|---:|---:|---:|"
for g in builtin "$news" "$large"; do
    name=$(basename "$g")
    # Compile first, so that the cached rows read a warm cache.
    "$bin" gazetteer compile -g "$g" > /dev/null
    specs=("load $name, cache|$bin extract -g $g -" "load $name, --no-cache|$bin extract --no-cache -g $g -")
    if [ -n "${BEFORE:-}" ]; then
        # An older binary may have no cache (and no `gazetteer compile`):
        # its row is then a load without one.
        "$BEFORE" gazetteer compile -g "$g" > /dev/null 2>&1 || true
        specs+=("load $name, cache, before|$BEFORE extract -g $g -")
    fi
    rows "${specs[@]}"
done
[ "$with_queries" != 0 ] || exit 0
# The graph: its index beside it, and the page cache warm for both files.
# The older binary reads its own index, beside a hard link of the same file
# (same inode, size and time, so its index matches it too).
[ -s "$graph.idx" ] || "$bin" export "$graph" -f index 2> /dev/null
before_graph="$work/before-graph.json"
if [ -n "${BEFORE:-}" ]; then
    ln -f "$graph" "$before_graph"
    # An older binary may have no index: its rows then read the JSON.
    [ -s "$before_graph.idx" ] || "$BEFORE" export "$before_graph" -f index > /dev/null 2>&1 || true
    cat "$before_graph"* > /dev/null
fi
cat "$graph" "$graph.idx" > /dev/null
queries=(
    "path:path GRAPH actor-012345 actor-098765"
    "neighbors:neighbors GRAPH actor-012345"
    "top:top GRAPH --by degree"
)
for q in "${queries[@]}"; do
    name=${q%%:*}
    args=${q#*:}
    specs=("$name, index|$bin ${args/GRAPH/$graph}")
    if [ -n "${BEFORE:-}" ]; then
        specs+=("$name, before (its index)|$BEFORE ${args/GRAPH/$before_graph}")
    fi
    rows "${specs[@]}"
done
# Without the index: moved aside for these rows, then back.
mv "$graph.idx" "$graph.idx.aside"
for q in "${queries[@]}"; do
    name=${q%%:*}
    args=${q#*:}
    rows "$name, JSON (no index)|$bin ${args/GRAPH/$graph}"
done
mv "$graph.idx.aside" "$graph.idx"
