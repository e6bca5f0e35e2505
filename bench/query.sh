#!/usr/bin/env bash
# Times the real binary answering one `path` query on a graph of 100k actors
# and 1M edges (the graph of benches/query.rs), graph loading included.
#
#   bench/query.sh [GRAPH_FILE]     (default /tmp/actorgraph-query-bench.json)
#
# Set CARGO_TARGET_DIR to build elsewhere; RUNS to change the number of runs.
# To compare with another build in the same run, set BEFORE to its binary
# and BEFORE_FILE to the graph file it reads (a file of its own version):
# the two then run in turn.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-/tmp/actorgraph-query-bench.json}
runs=${RUNS:-5}
target=${CARGO_TARGET_DIR:-target}

cargo build --release --quiet
if [ ! -s "$file" ]; then
    ACTORGRAPH_WRITE_GRAPH="$file" cargo bench --quiet --bench query
fi
echo "graph file: $file ($(du -h "$file" | cut -f1))"
if [ -n "${BEFORE:-}" ]; then
    echo "before: $BEFORE on ${BEFORE_FILE:?set BEFORE_FILE too} ($(du -h "$BEFORE_FILE" | cut -f1))"
    cat "$BEFORE_FILE" > /dev/null
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm the page cache so the runs measure parsing, not the disk.
cat "$file" > /dev/null
for i in $(seq "$runs"); do
    if [ -n "${BEFORE:-}" ]; then
        /usr/bin/time -f "before $i: %e s wall, %U s user, %S s sys, %M KB peak" \
            "$BEFORE" path "$BEFORE_FILE" actor-012345 actor-098765 > /dev/null
    fi
    /usr/bin/time -f "run $i: %e s wall, %U s user, %S s sys, %M KB peak" \
        "$target/release/actorgraph" path "$file" actor-012345 actor-098765 > /dev/null
done
