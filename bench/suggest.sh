#!/usr/bin/env bash
# Times `actorgraph suggest` over the Reuters corpus with the news gazetteer
# (the target: under 10 s on the development machine), and `actorgraph
# extract` on the same data, the throughput the bulk-list rules must keep.
#
#   bench/suggest.sh                          # 3 runs of each
#   RUNS=5 BASELINE=/tmp/actorgraph-old bench/suggest.sh
#                                             # also an older binary's extract,
#                                             # interleaved, to compare
#
# Needs /usr/bin/time and ../shared/bench beside the repository (or
# SHARED_BENCH=DIR). Set CARGO_TARGET_DIR to build elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED_BENCH:-../shared/bench}
runs=${RUNS:-3}
target=${CARGO_TARGET_DIR:-target}
corpus=$shared/reuters21578.jsonl
news=$shared/gazetteer-news.tsv
for f in "$corpus" "$news"; do
    [ -f "$f" ] || { echo "suggest.sh: missing $f (set SHARED_BENCH=DIR)" >&2; exit 2; }
done

cargo build --release --quiet
bin=$target/release/actorgraph
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm the page cache so the runs measure the work, not the disk.
cat "$corpus" "$news" > /dev/null
timed() {
    local label=$1
    shift
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, %M KB peak" "$@" > /dev/null
}
for i in $(seq "$runs"); do
    timed "suggest, run $i" "$bin" suggest -g "$news" "$corpus" --limit 50
    timed "extract, run $i" "$bin" extract -g "$news" "$corpus"
    if [ -n "${BASELINE:-}" ]; then
        timed "extract with $BASELINE, run $i" "$BASELINE" extract -g "$news" "$corpus"
    fi
done
