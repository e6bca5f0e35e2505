#!/usr/bin/env bash
# CPU seconds (user + system) of several binaries on the Reuters corpus, run
# in turn round after round so that the machine's load weighs on each alike:
# `extract` with the bundled gazetteer, and `build` with the news gazetteer
# (warm cache, 2 threads); with PEER=1 also the Python peer; with SCAN=BIN
# the raw scan (`examples/scan`, 2 threads). Prints best and median of each
# and the load average before each round.
#
#   SHARED_BENCH=../shared/bench RUNS=7 PEER=1 SCAN=target/release/examples/scan \
#       bench/cpu.sh NAME=BINARY...
#
# `EXTRACT=0` or `BUILD=0` leaves a command out; `EXTRACT_ONLY=NAME,...`
# and `BUILD_ONLY=NAME,...` run it for those binaries alone.
set -euo pipefail
shared=${SHARED_BENCH:-../shared/bench}
runs=${RUNS:-5}
corpus=$shared/reuters21578.jsonl
news=$shared/gazetteer-news.tsv
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$corpus" "$news" > /dev/null
wanted() { [ -z "$2" ] || [[ ",$2," == *",$1,"* ]]; }
timed() {
    local label=$1
    shift
    /usr/bin/time -f "%U %S %e" -o "$work/t" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r user sys wall < "$work/t"
    echo "$label $user $sys $wall" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' >> "$work/times"
}
# Warm each binary's gazetteer cache once.
for spec in "$@"; do
    name=${spec%%=*} bin=${spec#*=}
    ACTORGRAPH_CACHE_DIR=$work/cache-$name "$bin" build -q -g "$news" "$corpus" -o "$work/g.json"
    ACTORGRAPH_CACHE_DIR=$work/cache-$name "$bin" extract "$corpus" > /dev/null
done
for round in $(seq "$runs"); do
    echo "round $round: load $(cut -d' ' -f1-3 /proc/loadavg)"
    for spec in "$@"; do
        name=${spec%%=*} bin=${spec#*=}
        export ACTORGRAPH_CACHE_DIR=$work/cache-$name
        if [ "${EXTRACT:-1}" = 1 ] && wanted "$name" "${EXTRACT_ONLY:-}"; then
            timed "extract/$name" "$bin" extract "$corpus"
        fi
        if [ "${BUILD:-1}" = 1 ] && wanted "$name" "${BUILD_ONLY:-}"; then
            timed "build/$name" "$bin" build -q -g "$news" "$corpus" --threads 2 -o "$work/g.json"
        fi
    done
    if [ "${PEER:-0}" = 1 ]; then
        [ -x "$here/.venv/bin/python" ] || { echo "cpu.sh: no bench/.venv (bench/run.sh makes it)" >&2; exit 2; }
        timed "build/peer" "$here/.venv/bin/python" "$shared/peer.py" --engine pyahocorasick "$news" "$corpus" "$work/p.json"
    fi
    if [ -n "${SCAN:-}" ]; then
        "$SCAN" "$news" "$corpus" --threads 2 >> "$work/scan" 2>&1
    fi
done
echo "what: CPU s best, median (wall s best, median) over $runs rounds"
python3 - "$work/times" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, cpu, wall = line.split()
    rows.setdefault(label, []).append((float(cpu), float(wall)))
for label, runs in rows.items():
    cpu = [c for c, _ in runs]
    wall = [w for _, w in runs]
    print(f"{label:24} {min(cpu):.2f} {statistics.median(cpu):.2f} ({min(wall):.2f}, {statistics.median(wall):.2f})")
PY
if [ -n "${SCAN:-}" ]; then
    echo "raw scan, 2 threads:"
    cat "$work/scan"
fi
