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
# binary on the same rows (it knows neither cache nor index). The large
# gazetteer is unpacked to $WORK (default bench/work). Set SHARED_BENCH if
# the shared data is not at ../shared/bench.
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
if [ ! -s "$graph" ]; then
    ACTORGRAPH_WRITE_GRAPH="$graph" cargo bench --quiet --bench query
fi
large="$work/gazetteer-large.tsv"
[ -s "$large" ] || gzip -dc "$shared/gazetteer-large.tsv.gz" > "$large"
news="$shared/gazetteer-news.tsv"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"

# One row: LABEL then the command; best wall time of $runs, with its user
# and system time and the peak RSS.
row() {
    local label=$1; shift
    local best="" line
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@" > /dev/null 2> /dev/null < /dev/null || true
        line=$(tail -1 "$work/time.txt")
        if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then
            best=$line
        fi
    done
    read -r wall user sys rss <<< "$best"
    printf '| %s | %s s | %s s | %s s | %d MB |\n' "$label" "$wall" "$user" "$sys" $((rss / 1024))
}

echo
echo "| what | wall | user | sys | peak RSS |"
echo "|---|---:|---:|---:|---:|"
for g in builtin "$news" "$large"; do
    name=$(basename "$g")
    # Compile first, so that the cached rows read a warm cache.
    "$bin" gazetteer compile -g "$g" > /dev/null
    row "load $name, cache" "$bin" extract -g "$g" -
    row "load $name, --no-cache" "$bin" extract --no-cache -g "$g" -
    if [ -n "${BEFORE:-}" ]; then
        row "load $name, before" "$BEFORE" extract -g "$g" -
    fi
done
# The graph: its index beside it, and the page cache warm for both files.
[ -s "$graph.idx" ] || "$bin" export "$graph" -f index 2> /dev/null
cat "$graph" "$graph.idx" > /dev/null
queries=(
    "path:path $graph actor-012345 actor-098765"
    "neighbors:neighbors $graph actor-012345"
    "top:top $graph --by degree"
)
for q in "${queries[@]}"; do
    name=${q%%:*}
    read -r -a args <<< "${q#*:}"
    row "$name, index" "$bin" "${args[@]}"
    if [ -n "${BEFORE:-}" ]; then
        row "$name, before (JSON)" "$BEFORE" "${args[@]}"
    fi
done
# Without the index: moved aside for these rows, then back.
mv "$graph.idx" "$graph.idx.aside"
for q in "${queries[@]}"; do
    name=${q%%:*}
    read -r -a args <<< "${q#*:}"
    row "$name, JSON (no index)" "$bin" "${args[@]}"
done
mv "$graph.idx.aside" "$graph.idx"
