#!/usr/bin/env bash
# Checks that two binaries write the same bytes on the Reuters corpus: the
# graph and its index of `build` with the bundled and the news gazetteer, on
# 1 and 2 threads, and the output of `extract` with each gazetteer. For a
# change meant to make the program faster, not different.
#
#   SHARED_BENCH=../shared/bench bench/same.sh OLD_BINARY NEW_BINARY
#
# Each binary gets its own gazetteer cache directory (compiled on its first
# run). A graph index holds its graph file's modification time and inode
# (bytes 21-44, counted from 1, after the magic, the format and the
# length), and the checksum of its preamble covers them (bytes 237-244 in
# format 3, 269-276 in format 4, which has two sections more): those bytes
# are left out of its comparison. Two indexes of different formats are
# not compared (said, not counted as a difference): a change of format
# changes the file. Exits 1 when any output differs.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: bench/same.sh OLD_BINARY NEW_BINARY" >&2; exit 2; }
shared=${SHARED_BENCH:-../shared/bench}
corpus=$shared/reuters21578.jsonl
news=$shared/gazetteer-news.tsv
for f in "$corpus" "$news"; do
    [ -f "$f" ] || { echo "same.sh: missing $f (set SHARED_BENCH=DIR)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() {
    local side=$1 bin=$2
    export ACTORGRAPH_CACHE_DIR=$work/cache-$side
    for threads in 1 2; do
        "$bin" build -q "$corpus" --threads "$threads" -o "$work/$side-bundled-$threads.json"
        "$bin" build -q -g "$news" "$corpus" --threads "$threads" -o "$work/$side-news-$threads.json"
    done
    "$bin" extract "$corpus" > "$work/$side-extract-bundled.jsonl"
    "$bin" extract -g "$news" "$corpus" > "$work/$side-extract-news.jsonl"
}
run old "$1"
run new "$2"
status=0
# Equal but for the index's stamp of when and where its graph file was written.
format() { od -An -tu4 -j8 -N4 "$1" | tr -d ' '; }
same() {
    case $1 in
    *.idx)
        local sum
        case $(format "$1") in
        3) sum=237 ;;
        *) sum=269 ;;
        esac
        [ "$(wc -c < "$1")" = "$(wc -c < "$2")" ] &&
            [ "$(cmp -l "$1" "$2" | awk -v s="$sum" '($1 < 21 || $1 > 44) && ($1 < s || $1 > s + 7) { n++ } END { print n + 0 }')" = 0 ]
        ;;
    *) cmp -s "$1" "$2" ;;
    esac
}
for f in "$work"/old-*; do
    name=${f#"$work"/old-}
    if [ "${name%.idx}" != "$name" ] && [ "$(format "$f")" != "$(format "$work/new-$name")" ]; then
        echo "index formats differ ($(format "$f") and $(format "$work/new-$name")), not compared: $name"
    elif same "$f" "$work/new-$name"; then
        echo "same: $name ($(wc -c < "$f") bytes)"
    else
        echo "DIFFERENT: $name"
        status=1
    fi
done
for gazetteer in bundled news; do
    for suffix in .json .json.idx; do
        same "$work/new-$gazetteer-1$suffix" "$work/new-$gazetteer-2$suffix" ||
            { echo "DIFFERENT: $gazetteer$suffix, 1 and 2 threads"; status=1; }
    done
done
exit $status
