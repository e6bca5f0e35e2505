#!/usr/bin/env bash
# Whole-program benchmark of `actorgraph build` against the Python peer, on
# the Reuters newswire repeated to at least 100 MB, with the big news
# gazetteer; plus the curated gazetteer on the same text and the raw scan rate
# of the matcher alone (the ceiling). Prints a Markdown table at the end.
#
#   bench/run.sh            # the 100 MB corpus (a few minutes)
#   bench/run.sh --big      # also ~1 GB, to see that memory does not grow
#   bench/run.sh --runs 3   # every command 3 times, interleaved; best wall kept
#   bench/run.sh --report   # print the table of the last run again (same flags)
#   BEFORE=BIN bench/run.sh # also an older binary's 2-thread build, in turn
#
# Needs: cargo, python3 (with venv), /usr/bin/time, and ../shared/bench beside
# the repository (or SHARED_BENCH=DIR). Work files go to bench/work/, the
# peer's virtualenv to bench/.venv/; both are ignored by git.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=$ROOT/bench/work
VENV=$ROOT/bench/.venv
BIG=0
RUNS=1
MB=100
REPORT_ONLY=0
THREADS=$(nproc)

usage() {
    sed -n '2,14s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
    echo "Options: --big, --runs N, --report, --mb N (size of the main corpus, default 100)"
}

while [ $# -gt 0 ]; do
    case $1 in
        --big) BIG=1 ;;
        --runs) RUNS=${2:?--runs needs a number}; shift ;;
        --mb) MB=${2:?--mb needs a number}; shift ;;
        --report) REPORT_ONLY=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

REUTERS=$SHARED/reuters21578.jsonl
NEWS=$SHARED/gazetteer-news.tsv
PEER=$SHARED/peer.py
for f in "$REUTERS" "$NEWS" "$PEER"; do
    [ -f "$f" ] || { echo "run.sh: missing $f (set SHARED_BENCH=DIR)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "run.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
case "$ROOT$SHARED" in
    *" "*) echo "run.sh: paths with spaces are not supported: $ROOT, $SHARED" >&2; exit 2 ;;
esac

CORPUS=$WORK/corpus-${MB}mb.jsonl
BIG_CORPUS=$WORK/corpus-1000mb.jsonl
JOBS=(actorgraph-news actorgraph-news-1t peer actorgraph-curated scan-news scan-news-1t scan-curated)
if [ -n "${BEFORE:-}" ]; then
    JOBS=(actorgraph-news before-news "${JOBS[@]:1}")
fi
if [ "$BIG" = 1 ]; then
    JOBS+=(actorgraph-news-1g actorgraph-curated-1g)
fi

say() { echo "== $*" >&2; }

if [ "$REPORT_ONLY" = 0 ]; then
# --- build -----------------------------------------------------------------
say "building (cargo build --release)"
(cd "$ROOT" && cargo build --release --quiet --bin actorgraph --example scan)
TARGET=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
ACTORGRAPH=$TARGET/release/actorgraph
SCAN=$TARGET/release/examples/scan

# --- the peer's Python ------------------------------------------------------
if ! "$VENV/bin/python" -c 'import ahocorasick, networkx' 2>/dev/null; then
    say "making $VENV for the peer (networkx, pyahocorasick)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check networkx pyahocorasick
fi

# --- corpora ---------------------------------------------------------------
mkdir -p "$WORK/out" "$WORK/runs"
rm -f "$WORK"/runs/*

# make_corpus MB FILE: the Reuters stories repeated until their text holds at
# least MB megabytes. Each copy's ids and texts are distinct ("Copy 3." opens
# every text of copy 3), since actorgraph counts identical texts once. A
# FILE.meta line (copies docs text_bytes) lets a later run reuse the file.
make_corpus() {
    local mb=$1 file=$2
    if [ -f "$file.meta" ] && [ "$(cut -d' ' -f1 "$file.meta")" = "$mb" ] &&
        [ "$file" -nt "$REUTERS" ]; then
        return
    fi
    say "writing $file (>= $mb MB of text)"
    rm -f "$file.meta"
    python3 - "$REUTERS" "$mb" "$file" <<'PY'
import json, math, sys

source, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(source, encoding="utf-8") as f:
    docs = [json.loads(line) for line in f if line.strip()]
per_copy = sum(len(d["text"].encode("utf-8")) for d in docs)
copies = max(1, math.ceil(mb * 1e6 / per_copy))
text_bytes = 0
with open(out, "w", encoding="utf-8") as f:
    for k in range(1, copies + 1):
        for d in docs:
            text = f"Copy {k}.\n{d['text']}"
            text_bytes += len(text.encode("utf-8"))
            f.write(json.dumps({"id": f"{d['id']}-copy{k}", "text": text}) + "\n")
with open(out + ".meta", "w") as f:
    f.write(f"{mb} {copies} {copies * len(docs)} {text_bytes}\n")
PY
}

make_corpus "$MB" "$CORPUS"
if [ "$BIG" = 1 ]; then
    make_corpus 1000 "$BIG_CORPUS"
fi

# --- measurements -----------------------------------------------------------
# Each job is one command; `measure JOB ROUND` runs it under /usr/bin/time -v
# and keeps its stdout, stderr, time report and the 1-minute load before it.
job_command() {
    local corpus=$CORPUS
    case $1 in
        *-1g) corpus=$BIG_CORPUS ;;
    esac
    case $1 in
        actorgraph-news|actorgraph-news-1g)
            echo "$ACTORGRAPH" build "$corpus" -g "$NEWS" --threads "$THREADS" -o "$WORK/out/$1.json" ;;
        before-news)
            echo "$BEFORE" build "$corpus" -g "$NEWS" --threads "$THREADS" -o "$WORK/out/$1.json" ;;
        actorgraph-news-1t)
            echo "$ACTORGRAPH" build "$corpus" -g "$NEWS" --threads 1 -o "$WORK/out/$1.json" ;;
        actorgraph-curated|actorgraph-curated-1g)
            echo "$ACTORGRAPH" build "$corpus" --threads "$THREADS" -o "$WORK/out/$1.json" ;;
        peer)
            echo "$VENV/bin/python" "$PEER" --engine pyahocorasick "$NEWS" "$corpus" "$WORK/out/$1.json" ;;
        scan-news)
            echo "$SCAN" "$NEWS" "$corpus" --threads "$THREADS" ;;
        scan-news-1t)
            echo "$SCAN" "$NEWS" "$corpus" --threads 1 ;;
        scan-curated)
            echo "$SCAN" builtin "$corpus" --threads "$THREADS" ;;
        *) echo "run.sh: no job $1" >&2; exit 2 ;;
    esac
}

measure() {
    local job=$1 round=$2 base
    base=$WORK/runs/$job.$round
    cut -d' ' -f1 /proc/loadavg >"$base.load"
    job_command "$job" >"$base.cmd"
    say "$job (round $round, load $(cat "$base.load")): $(cat "$base.cmd")"
    # Word splitting of the command is intended: paths here have no spaces
    # (checked below), and the command is echoed as the user would type it.
    # shellcheck disable=SC2046
    if ! /usr/bin/time -v -o "$base.time" $(cat "$base.cmd") >"$base.out" 2>"$base.err"; then
        echo "run.sh: $job failed; see $base.err" >&2
        tail -5 "$base.err" >&2
        exit 1
    fi
}

for round in $(seq 1 "$RUNS"); do
    for job in "${JOBS[@]}"; do
        measure "$job" "$round"
    done
done
fi

# Output must not depend on the number of threads.
if cmp -s "$WORK/out/actorgraph-news.json" "$WORK/out/actorgraph-news-1t.json"; then
    SAME_OUTPUT="identical"
else
    SAME_OUTPUT="DIFFERENT"
fi

# --- report ----------------------------------------------------------------
python3 - "$WORK" "$THREADS" "$SAME_OUTPUT" "$CORPUS" "$BIG_CORPUS" "${JOBS[@]}" <<'PY'
import os, re, sys

work, threads, same_output, corpus, big_corpus, *jobs = sys.argv[1:]
runs = os.path.join(work, "runs")


def meta(path):
    _, copies, docs, text_bytes = open(path + ".meta").read().split()
    return int(copies), int(docs), int(text_bytes)


def wall_seconds(report):
    m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", report)
    h, mnt, s = m.groups()
    return int(h or 0) * 3600 + int(mnt) * 60 + float(s)


def own_seconds(job, out, err):
    """The tool's own timing, which leaves out loading the gazetteer."""
    if job.startswith(("actorgraph", "before")):
        m = re.search(r"MB in ([\d.]+) s", err)
    else:
        m = re.search(r"scan_s=([\d.]+)", out + err)
    return float(m.group(1)) if m else float("nan")


def read(job, rnd):
    base = os.path.join(runs, f"{job}.{rnd}")
    text = {ext: open(f"{base}.{ext}").read() for ext in ("time", "out", "err", "load")}
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text["time"]).group(1))
    cpu = re.search(r"Percent of CPU this job got: (\d+)%", text["time"]).group(1)
    user, system = (float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", text["time"]).group(1))
                    for kind in ("User", "System"))
    return {
        "cpu": int(cpu),
        "cpu_s": user + system,
        "wall": wall_seconds(text["time"]),
        "own": own_seconds(job, text["out"], text["err"]),
        "rss_mb": rss / 1024,
        "load": float(text["load"]),
    }


rounds = sorted({int(f.rsplit(".", 2)[1]) for f in os.listdir(runs) if f.endswith(".time")})
best = {}
for job in jobs:
    results = [read(job, r) for r in rounds]
    chosen = min(results, key=lambda r: r["wall"])
    chosen["rss_mb"] = max(r["rss_mb"] for r in results)
    path = big_corpus if job.endswith("-1g") else corpus
    chosen["copies"], chosen["docs"], chosen["bytes"] = meta(path)
    best[job] = chosen

labels = {
    "actorgraph-news": f"actorgraph build, news gazetteer, {threads} threads",
    "before-news": f"the BEFORE binary's build, news gazetteer, {threads} threads",
    "actorgraph-news-1t": "actorgraph build, news gazetteer, 1 thread",
    "peer": "peer.py --engine pyahocorasick, news gazetteer (1 thread)",
    "actorgraph-curated": f"actorgraph build, curated gazetteer, {threads} threads",
    "scan-news": f"raw scan (normalize + find), news, {threads} threads",
    "scan-news-1t": "raw scan (normalize + find), news, 1 thread",
    "scan-curated": f"raw scan (normalize + find), curated, {threads} threads",
    "actorgraph-news-1g": f"actorgraph build, news gazetteer, {threads} threads, ~1 GB",
    "actorgraph-curated-1g": f"actorgraph build, curated gazetteer, {threads} threads, ~1 GB",
}

print()
print(f"Corpus: {os.path.basename(corpus)}, "
      f"{best[jobs[0]]['docs']:,} documents, {best[jobs[0]]['bytes'] / 1e6:.1f} MB of text "
      f"({best[jobs[0]]['copies']} cop{'y' if best[jobs[0]]['copies'] == 1 else 'ies'} of the Reuters stories). "
      f"Best of {len(rounds)} round(s); peak RSS is the largest of the rounds.")
print()
print("| run | text MB | wall s | CPU s | MB/s (wall) | MB/s (excl. setup) | docs/s (wall) | CPU % | peak RSS MB | load (1 min) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for job in jobs:
    r = best[job]
    mb = r["bytes"] / 1e6
    r["mbps"] = mb / r["wall"]
    r["own_mbps"] = mb / r["own"] if r["own"] > 0 else float("nan")
    r["mb_per_cpu_s"] = mb / r["cpu_s"]
    print(f"| {labels[job]} | {mb:.0f} | {r['wall']:.1f} | {r['cpu_s']:.1f} | {r['mbps']:.1f} | {r['own_mbps']:.1f} "
          f"| {r['docs'] / r['wall']:,.0f} | {r['cpu']} | {r['rss_mb']:.0f} | {r['load']:.2f} |")


def ratio(a, b, key="mbps"):
    return best[a][key] / best[b][key]


print()
print("MB/s (wall) counts everything: loading the gazetteer, building the matcher, "
      "reading, writing the graph. MB/s (excl. setup) is each tool's own timing after "
      "its matcher is built (actorgraph's summary line, the peer's scan_s, scan's scan_s). "
      "CPU s is user + system time, CPU % that over wall time (200 = both cores busy); the load is "
      "the 1-minute load average just before the run, its own previous job included.")
print()
print(f"- actorgraph / peer, MB/s (wall): **{ratio('actorgraph-news', 'peer'):.1f}x** "
      f"({threads} threads; 1 thread: {ratio('actorgraph-news-1t', 'peer'):.1f}x; "
      f"excl. setup: {ratio('actorgraph-news', 'peer', 'own_mbps'):.1f}x; "
      f"MB per CPU second, which the load disturbs less: "
      f"{ratio('actorgraph-news', 'peer', 'mb_per_cpu_s'):.1f}x)")
print(f"- end-to-end / raw scan, news, excl. setup, {threads} threads: "
      f"**{ratio('actorgraph-news', 'scan-news', 'own_mbps'):.2f}** "
      f"(1 thread each: {ratio('actorgraph-news-1t', 'scan-news-1t', 'own_mbps'):.2f})")
print(f"- end-to-end / raw scan, curated, excl. setup, {threads} threads: "
      f"**{ratio('actorgraph-curated', 'scan-curated', 'own_mbps'):.2f}**")
print(f"- output for 1 and {threads} threads: {same_output}")
if "actorgraph-news-1g" in best:
    for name in ("news", "curated"):
        small, big = best[f"actorgraph-{name}"], best[f"actorgraph-{name}-1g"]
        sizes = [os.path.getsize(os.path.join(work, "out", f"actorgraph-{name}{s}.json")) / 1e6
                 for s in ("", "-1g")]
        print(f"- peak RSS, {name}: {small['rss_mb']:.0f} MB at {small['bytes'] / 1e6:.0f} MB of text, "
              f"{big['rss_mb']:.0f} MB at {big['bytes'] / 1e6:.0f} MB "
              f"(graph file {sizes[0]:.1f} MB, then {sizes[1]:.1f} MB)")
PY
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -h | awk '/^Mem:/ {print $2}') RAM; load now: $(cut -d' ' -f1-3 /proc/loadavg)"
