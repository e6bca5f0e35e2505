#!/usr/bin/env bash
# Time and memory of `actorgraph build` on one document without sentence
# punctuation (one long "sentence" of words and names), at growing sizes:
# the time must grow linearly with the size. Also a 200 MB single line, and
# 200 MB of real newswire in one document. Prints a Markdown table.
#
#   bench/linear.sh             # 1, 2, 4, 8 MB and the 200 MB cases
#   bench/linear.sh --small     # 1, 2, 4, 8 MB only
#
# Needs: cargo, python3, /usr/bin/time; ../shared/bench beside the
# repository (or SHARED_BENCH=DIR) for the newswire case. Work files go to
# bench/work/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=$ROOT/bench/work
SMALL=0
[ "${1:-}" = "--small" ] && SMALL=1
mkdir -p "$WORK"
cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
BIN=$ROOT/target/release/actorgraph

# Words and names in a fixed pseudo-random order, no full stops.
make_text() {
    python3 - "$1" "$2" <<'PY'
import random, sys
size, path = int(sys.argv[1]), sys.argv[2]
words = ("the of and to forces said in on Iraq Syria Erdogan Putin Baghdad Damascus "
         "Hezbollah Iran minister met with talks army attack officials reported").split()
rng = random.Random(7)
out, n = [], 0
while n < size:
    w = rng.choice(words)
    out.append(w)
    n += len(w) + 1
open(path, "w").write(" ".join(out))
PY
}

measure() {
    local name=$1 file=$2
    /usr/bin/time -f "%e %M" -o "$WORK/linear.time" "$BIN" build -q "$file" -o "$WORK/linear.json"
    read -r secs kb < "$WORK/linear.time"
    local mb
    mb=$(python3 -c "import os,sys; print(round(os.path.getsize(sys.argv[1]) / 1e6, 1))" "$file")
    printf '| %s | %s MB | %s s | %s MB |\n' "$name" "$mb" "$secs" "$((kb / 1024))"
}

echo "| input | size | wall | peak memory |"
echo "|---|---:|---:|---:|"
for mb in 1 2 4 8; do
    file=$WORK/nopunct-${mb}mb.txt
    [ -f "$file" ] || make_text $((mb * 1000000)) "$file"
    measure "no punctuation" "$file"
done
[ "$SMALL" = 1 ] && exit 0
file=$WORK/nopunct-200mb.txt
[ -f "$file" ] || make_text 200000000 "$file"
measure "no punctuation, one line" "$file"
if [ -f "$SHARED/reuters21578.jsonl" ]; then
    file=$WORK/reuters-one-document.txt
    if [ ! -f "$file" ]; then
        python3 - "$SHARED/reuters21578.jsonl" "$file" <<'PY'
import json, sys
texts = [json.loads(line)["text"] for line in open(sys.argv[1])]
whole = "\n\n".join(texts)
with open(sys.argv[2], "w") as out:
    n = 0
    while n < 200_000_000:
        out.write(whole + "\n\n")
        n += len(whole) + 2
PY
    fi
    measure "Reuters in one document" "$file"
fi
