"""Development bench for the time stage.

    python bench/times.py overhead [--repeat N]   # parse time with and without tidings_times
    python bench/times.py wikiwars [--show N]     # WikiWars value F1 on cached parses (fast loop)
    python bench/times.py examples                # time items of examples/*.gold.json, with and
                                                  # without the publication date

`wikiwars` parses the corpus once (spaCy + tidings_actors) into /tmp/tidings-times-cache and
then only reruns the time stage, so a change to the grammar is scored in seconds. The
authoritative figure is still ../shared/eval/score_timeml.py, which runs the whole pipeline.
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CACHE = Path("/tmp/tidings-times-cache")
LATER = ("tidings_times", "tidings_statements", "tidings_events", "tidings_status", "tidings_claims")


def _scorer():
    spec = importlib.util.spec_from_file_location("score_timeml", SHARED / "eval" / "score_timeml.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _pipeline():
    import tidings
    return tidings.load()


def cached_docs(nlp, name: str, texts: list[str]):
    from spacy.tokens import DocBin
    path = CACHE / f"{name}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    CACHE.mkdir(parents=True, exist_ok=True)
    with nlp.select_pipes(disable=list(LATER)):
        docs = list(nlp.pipe(texts))
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(path)
    return docs


def run_stage(nlp, doc, published=None, narrative=None):
    doc._.published = published
    doc._.published_basis = "given" if published else "unknown"
    doc._.narrative = narrative
    return nlp.get_pipe("tidings_times")(doc)


def wikiwars(show: int) -> float:
    sc = _scorer()
    files = sorted((SHARED / "data" / "wikiwars" / "tml").glob("*.tml"))
    items = [sc.parse_tml(f) for f in files]
    nlp = _pipeline()
    docs = cached_docs(nlp, "wikiwars", [d["text"] for d, _ in items])
    c = collections.Counter()
    errors = collections.Counter()
    spurious = collections.Counter()
    t0 = time.time()
    for (meta, gold), doc in zip(items, docs):
        run_stage(nlp, doc, meta["published"])
        pred = [{"start": s.start_char, "end": s.end_char, "text": s.text, "value": s._.timex.value}
                for s in doc.spans["tidings_times"]]
        c["gold"] += len(gold)
        c["pred"] += len(pred)
        for g in gold:
            ov = [t for t in pred if t["start"] < g["end"] and g["start"] < t["end"]]
            c["strict_g"] += any(t["start"] == g["start"] and t["end"] == g["end"] for t in ov)
            if ov:
                c["relaxed_g"] += 1
                if any(t["value"].upper() == g["value"].upper() for t in ov):
                    c["value_g"] += 1
                else:
                    errors[(meta["id"][:2], g["text"], g["value"], ov[0]["value"])] += 1
            else:
                errors[(meta["id"][:2], g["text"], g["value"], "-")] += 1
        for t in pred:
            ov = [g for g in gold if t["start"] < g["end"] and g["start"] < t["end"]]
            c["strict_p"] += any(t["start"] == g["start"] and t["end"] == g["end"] for g in ov)
            if ov:
                c["relaxed_p"] += 1
                c["value_p"] += any(t["value"].upper() == g["value"].upper() for g in ov)
            else:
                spurious[(t["text"], t["value"])] += 1
    took = time.time() - t0
    rows = {}
    for m in ("strict", "relaxed", "value"):
        rows[m] = sc.prf(c[m + "_p"], c["pred"], c[m + "_g"], c["gold"])
        print(f"{m:8s} P {rows[m][0]:.4f}  R {rows[m][1]:.4f}  F1 {rows[m][2]:.4f}")
    if show:
        print("value errors (doc | text | gold | predicted):")
        for k, n in errors.most_common(show):
            print(f"  {n:3d} {k}")
        print("spurious (text | value):")
        for k, n in spurious.most_common(show // 2):
            print(f"  {n:3d} {k}")
    print(f"time stage: {took:.2f}s for {len(docs)} docs")
    return rows["value"][2]


def examples() -> None:
    nlp = _pipeline()
    for gold_path in sorted((ROOT / "examples").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text()
        for pub in (gold.get("published"), None):
            doc = nlp(nlp.make_doc(text)) if False else None
            d = nlp.make_doc(text)
            d._.published = pub
            d._.published_basis = "given" if pub else "unknown"
            doc = nlp(d)
            times = [(s.text, s._.timex.value) for s in doc.spans["tidings_times"]]
            bad = []
            for g in gold["times"]["required"]:
                if not any((g["text"].lower() in t.lower() or t.lower() in g["text"].lower()) and v == g["value"]
                           for t, v in times):
                    seen = [v for t, v in times if g["text"].lower() in t.lower() or t.lower() in g["text"].lower()]
                    bad.append(f"{g['text']}->{g['value']} (seen {seen})")
            pubok = "" if doc._.published == gold.get("published") else f" PUBLISHED {doc._.published}"
            print(f"{gold_path.name[:-10]:32s} {'given' if pub else 'infer'}: "
                  f"{len(gold['times']['required']) - len(bad)}/{len(gold['times']['required'])}{pubok}"
                  + ("  MISSING " + "; ".join(bad) if bad else ""))


def overhead(repeat: int) -> None:
    import spacy
    import tidings  # noqa: F401
    from tidings.about import MODEL
    texts = [p.read_text() for p in sorted((ROOT / "examples").glob("*.txt"))] * repeat
    nlp = spacy.load(MODEL)
    stage = nlp.add_pipe("tidings_times")
    list(nlp.pipe(texts[:3]))
    best_with, best_without = [], []
    for _ in range(3):
        t = time.perf_counter()
        with nlp.select_pipes(disable=["tidings_times"]):
            docs = list(nlp.pipe(texts))
        best_without.append(time.perf_counter() - t)
        t = time.perf_counter()
        for d in docs:
            stage(d)
        best_with.append(time.perf_counter() - t)
    base, extra = min(best_without), min(best_with)
    words = sum(len(d) for d in docs)
    print(f"{len(texts)} texts, {words} tokens: spaCy {base:.2f}s, time stage {extra:.3f}s "
          f"(+{100 * extra / base:.1f}%)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["overhead", "wikiwars", "examples"])
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=10)
    a = ap.parse_args()
    if a.what == "overhead":
        overhead(a.repeat)
    elif a.what == "wikiwars":
        wikiwars(a.show)
    else:
        examples()
    return 0


if __name__ == "__main__":
    sys.exit(main())
