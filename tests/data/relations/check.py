"""Validates the annotated relation set (dev.jsonl, test.jsonl, fresh.jsonl, news.jsonl) and prints its counts.

Run from anywhere, with no dependency beyond Python 3:

    python3 tests/data/relations/check.py

It checks that every line is a JSON object with the fields the README describes,
that ids are unique across the files, that every actor is a substring of the
text, that every relation has a known type and endpoints among the actors (a
`cross_sentence` relation may name one actor from another sentence), that no
relation is listed twice, that the dev/test split is the one the seeded rule
in the README produces, and that fresh.jsonl shares no story or page with dev or
test. news.jsonl, the held-out set written from current news pages, gets the
same checks, must share no page with dev or test, and may take at most four
sentences from one page. Problems are printed as `file:line: message` and the
exit code is 1; otherwise it prints sentence and relation counts per split and
per type and exits 0.
"""

import collections
import json
import math
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "test")
FRESH = "fresh"
NEWS = "news"
HELD_OUT = (FRESH, NEWS)
NEWS_PER_PAGE = 4
SEED = 1987
TEST_SHARE = 0.25
TYPES = {
    "meets", "visits", "communicates", "supports", "opposes", "attacks",
    "leads", "member_of", "holds_office", "located_in", "allied_with",
}
SYMMETRIC = {"meets", "communicates", "allied_with"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REUTERS_SOURCE = re.compile(r"^reuters21578\.jsonl id \d+$")
FIELDS = ("id", "text", "date", "source", "actors", "relations")
# news.jsonl marks each line with the half it belongs to.
NEWS_FIELDS = ("id", "text", "date", "source", "split", "actors", "relations")
NEWS_SEED = 2026


def check_row(row, where, problems, fields=FIELDS):
    """Appends to `problems` what is wrong with one annotated sentence."""
    if not isinstance(row, dict) or set(row) != set(fields):
        problems.append(f"{where}: fields must be exactly {', '.join(fields)}")
        return
    text, actors = row["text"], row["actors"]
    if not DATE.match(row["date"]):
        problems.append(f"{where}: date {row['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    reuters = row["id"].startswith("r-")
    if reuters != bool(REUTERS_SOURCE.match(row["source"])) or not (
        reuters or row["source"].startswith("http")
    ):
        problems.append(f"{where}: id {row['id']!r} does not match source {row['source']!r}")
    if len(actors) < 2 or len(set(actors)) != len(actors):
        problems.append(f"{where}: needs two or more distinct actors")
    for actor in actors:
        if actor not in text:
            problems.append(f"{where}: actor {actor!r} is not in the text")
    seen = set()
    for rel in row["relations"]:
        cross = rel.get("cross_sentence", False)
        if set(rel) - {"type", "source", "target", "cross_sentence"} or rel["type"] not in TYPES:
            problems.append(f"{where}: malformed relation {rel}")
            continue
        ends = [rel["source"] in actors, rel["target"] in actors]
        if not (any(ends) if cross else all(ends)) or rel["source"] == rel["target"]:
            problems.append(f"{where}: relation endpoints not among the actors: {rel}")
        pair = (rel["source"], rel["target"])
        key = (rel["type"],) + (tuple(sorted(pair)) if rel["type"] in SYMMETRIC else pair)
        if key in seen:
            problems.append(f"{where}: relation listed twice: {rel}")
        seen.add(key)


def test_units(units):
    """The split rule: a seeded shuffle of the stories or pages (sorted first),
    taken into test in that order until test holds a quarter of the sentences."""
    keys = sorted(units)
    random.Random(SEED).shuffle(keys)
    need, got, test = math.ceil(TEST_SHARE * sum(units.values())), 0, set()
    for key in keys:
        if got >= need:
            break
        test.add(key)
        got += units[key]
    return test


def news_half(pages, sources):
    """The news split: the pages (sorted, then shuffled with NEWS_SEED) taken
    into dev in that order until dev holds half of the sentences; the rest is
    test."""
    keys = sorted(pages)
    random.Random(NEWS_SEED).shuffle(keys)
    per_page = collections.Counter(sources)
    dev, got = set(), 0
    for key in keys:
        if got >= len(sources) / 2:
            break
        dev.add(key)
        got += per_page[key]
    return dev


def main():
    problems, rows, ids = [], [], set()
    for split in SPLITS + HELD_OUT:
        path = HERE / f"{split}.jsonl"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                problems.append(f"{where}: not JSON ({err})")
                continue
            check_row(row, where, problems, NEWS_FIELDS if split == NEWS else FIELDS)
            if isinstance(row, dict) and "id" in row:
                if row["id"] in ids:
                    problems.append(f"{where}: id {row['id']!r} also appears earlier")
                ids.add(row["id"])
                rows.append((split, where, row))

    split_sources = {row.get("source") for split, _, row in rows if split in SPLITS}
    per_page = collections.Counter()
    for split, where, row in rows:
        if split in HELD_OUT and row.get("source") in split_sources:
            problems.append(f"{where}: story {row['source']!r} is also used by dev or test")
        if split == NEWS:
            if not row.get("source", "").startswith("http"):
                problems.append(f"{where}: a news sentence needs the address of its page")
            per_page[row.get("source")] += 1
            if per_page[row.get("source")] == NEWS_PER_PAGE + 1:
                problems.append(f"{where}: more than {NEWS_PER_PAGE} sentences from {row['source']!r}")
    news = [(where, row) for split, where, row in rows if split == NEWS and isinstance(row, dict)]
    news_dev = news_half({row.get("source") for _, row in news}, [row.get("source") for _, row in news])
    for where, row in news:
        want = "dev" if row.get("source") in news_dev else "test"
        if row.get("split") != want:
            problems.append(f"{where}: split must be {want!r} by the news split rule")
    held_out = {name: [row for split, _, row in rows if split == name] for name in HELD_OUT}
    rows = [entry for entry in rows if entry[0] not in HELD_OUT]

    units = collections.Counter(row["source"] for _, _, row in rows if "source" in row)
    for kind in (True, False):
        part = {u: n for u, n in units.items() if u.startswith("reuters") == kind}
        test = test_units(part)
        for split, where, row in rows:
            if row.get("source") in part and (row["source"] in test) != (split == "test"):
                problems.append(f"{where}: belongs in {'test' if split == 'dev' else 'dev'} by the split rule")

    if problems:
        print("\n".join(problems))
        return 1
    for split in SPLITS + HELD_OUT:
        mine = held_out[split] if split in HELD_OUT else [row for s, _, row in rows if s == split]
        types = collections.Counter(rel["type"] for row in mine for rel in row["relations"])
        reuters = sum(row["id"].startswith("r-") for row in mine)
        print(
            f"{split}: {len(mine)} sentences ({reuters} Reuters, {len(mine) - reuters} news), "
            f"{sum(types.values())} relations, {sum(not row['relations'] for row in mine)} with none, "
            f"{len({row['source'] for row in mine})} stories or pages"
        )
        for name in sorted(TYPES):
            print(f"  {name:13} {types[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
