#!/usr/bin/env bash
# Benchmark of partial graphs and `merge`: the ~1 GB corpus of bench/run.sh
# (the Reuters stories repeated 60 times, each copy's ids and texts distinct)
# cut into PARTS shards of consecutive lines, each built with
# `build --partial`, then all merged; the single build of the whole corpus
# is timed too, and the merged graph must equal it byte for byte.
#
#   bench/merge.sh                 # 50 parts, news gazetteer
#   PARTS=20 bench/merge.sh
#   ACTORGRAPH=target/debug/actorgraph bench/merge.sh   # another binary, no build
#
# Needs what bench/run.sh needs; reuses its corpus (bench/work/corpus-1000mb.jsonl,
# made by `bench/run.sh --big`, or here when missing). Prints the /usr/bin/time
# figures of the merge, the single build, and `stats` loading the final graph.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=$ROOT/bench/work
PARTS=${PARTS:-50}
NEWS=$SHARED/gazetteer-news.tsv
CORPUS=$WORK/corpus-1000mb.jsonl
say() { echo "== $*" >&2; }

if [ -z "${ACTORGRAPH:-}" ]; then
    (cd "$ROOT" && cargo build --release --quiet --bin actorgraph)
    TARGET=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
    ACTORGRAPH=$TARGET/release/actorgraph
fi

if [ ! -f "$CORPUS" ]; then
    say "making $CORPUS"
    mkdir -p "$WORK"
    python3 - "$SHARED/reuters21578.jsonl" "$CORPUS" <<'PY'
import json, sys
source, out = sys.argv[1:3]
with open(source, encoding="utf-8") as f:
    docs = [json.loads(line) for line in f if line.strip()]
with open(out, "w", encoding="utf-8") as f:
    for k in range(1, 61):
        for d in docs:
            f.write(json.dumps({"id": f"{d['id']}-copy{k}", "text": f"Copy {k}.\n{d['text']}"}) + "\n")
PY
fi

M=$WORK/merge
rm -rf "$M"
mkdir -p "$M/shards" "$M/parts"
say "cutting the corpus into $PARTS shards"
lines=$(wc -l <"$CORPUS")
split -d -a 3 --additional-suffix=.jsonl -l $(((lines + PARTS - 1) / PARTS)) "$CORPUS" "$M/shards/shard-"

say "building $PARTS partial graphs"
start=$(date +%s.%N)
for s in "$M"/shards/shard-*; do
    "$ACTORGRAPH" build -q --partial "$s" -g "$NEWS" --input-name corpus \
        -o "$M/parts/$(basename "$s" .jsonl).partial"
done
end=$(date +%s.%N)
echo "partial builds: $(echo "$end - $start" | bc) s; $(du -sh "$M/parts" | cut -f1) of partials"

say "merging"
/usr/bin/time -v "$ACTORGRAPH" merge -q "$M"/parts/*.partial -g "$NEWS" -o "$M/merged.json" \
    2>"$M/merge.time"
grep -E "Elapsed|Maximum resident|User time|System time" "$M/merge.time"

say "one build of everything"
/usr/bin/time -v "$ACTORGRAPH" build -q "$CORPUS" -g "$NEWS" --input-name corpus \
    -o "$M/single.json" 2>"$M/single.time"
grep -E "Elapsed|Maximum resident" "$M/single.time"
cmp "$M/single.json" "$M/merged.json" && echo "merged graph = single build"

say "loading the final graph alone (stats)"
/usr/bin/time -v "$ACTORGRAPH" stats "$M/merged.json" >/dev/null 2>"$M/stats.time"
grep -E "Maximum resident" "$M/stats.time"
ls -la "$M/merged.json"
