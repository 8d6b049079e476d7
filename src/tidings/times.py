"""`tidings_times`: every temporal expression as TIMEX3, the publication date, event dates.

The stage (factory "tidings_times", after tidings_actors):

- finds the expressions with the grammar of `timex_grammar` (patterns compiled once, at
  construction) and anchors them with `timex_resolve`: news anchoring against the publication
  date and the tense of the clause, narrative anchoring against the last date mentioned;
- sets `doc.spans["tidings_times"]`, each span with `span._.timex` (model.Timex);
- when `doc._.published` is None, infers it (a dateline, else the latest day the report names in
  a past clause, with the year the text gives) and sets `doc._.published_basis = "inferred"`;
  values anchored on it say `inferred`;
- `doc._.narrative` True/False forces narrative/news anchoring; None lets the stage decide from
  how far the years the text names lie from the publication date.

`event_date(doc, trigger)` gives an event the date of the time expression attached to its
trigger (dependency attachment, then its clause, then its sentence), else the publication date.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import MENTIONS, TIMES
from .lexicons import words
from .model import Timex
from .timex_grammar import Frame, Grammar
from .timex_lexicon import lexicon
from .timex_resolve import Context, Point, Resolver, tense

#: dependency labels that start a clause of their own
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl", "pcomp"})
DEICTIC_KINDS = frozenset({"weekday", "shift", "pod", "weekend", "season", "month"})
RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|and|or|through|until|till|,|/)\s*", re.I)
DATELINE_BEFORE = re.compile(r"\A\s*[A-Z][^\n]{0,80}?,\s*\Z")
DATELINE_AFTER = re.compile(r"\A\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|-|–|—|:)")


class TimeStage:
    def __init__(self, nlp: Language | None = None, name: str = "tidings_times"):
        self.lex = lexicon()
        self.grammar = Grammar(self.lex)
        self.resolver = Resolver(self.lex)

    # -- the stage ---------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # built from the tokens on each access: once
        frames = self.grammar.find(doc, text)
        spans = [doc.char_span(f.start, f.end) for f in frames]
        kinds = {e.id: e.kind for e in doc._.entities or []}
        people = {(m.start, m.end) for m in doc.spans[MENTIONS] if kinds.get(m._.entity) == "PERSON"} \
            if MENTIONS in doc.spans else set()
        # "May had said": the person the actors stage found, not the month
        keep = [(f, s) for f, s in zip(frames, spans) if s is not None and (s.start, s.end) not in people]
        frames, spans = [f for f, _ in keep], [s for _, s in keep]
        tenses: dict[int, str | None] = {}

        def tense_of(i: int) -> str | None:
            if i not in tenses:
                tenses[i] = tense(spans[i], self.lex)
            return tenses[i]

        pub = _parse_date(doc._.published)
        anchor = "inferred" if pub is not None and doc._.published_basis == "inferred" else "published"
        if pub is None:
            pub = self.infer_published(text, frames, tense_of)
            if pub is not None:
                doc._.published, doc._.published_basis = pub.isoformat(), "inferred"
                anchor = "inferred"
        narrative = doc._.narrative if doc._.narrative is not None else self.decide_narrative(frames, pub)
        ctx = Context(pub, anchor, bool(narrative))
        out = []
        resolved: dict[int, tuple] = {}
        core = _core_years(frames)
        for i, (frame, span) in enumerate(zip(frames, spans)):
            self._share_year(i, frames, text)
            ctx.local_year = None if narrative else self._local_year(i, frames, spans, text, pub)
            res = self._resolve(i, frames, spans, ctx, tense_of, resolved)
            if res is None:
                continue
            resolved[i] = res
            type_, value, gran, anch = res
            span._.timex = Timex(type_, value, gran, anch)
            out.append(span)
            if type_ in ("DATE", "TIME") and re.match(r"(?:BC)?\d{4}(?!\d)", value) and frame.kind != "dur" \
                    and not (frame.kind == "date" and ("dec" in frame.f or "c" in frame.f)) \
                    and not _in_parentheses(text, frame) \
                    and not (ctx.ref is not None and _aside_year(frame, core)) \
                    and not (frame.kind in ("shift", "anaph") and isinstance(frame.f.get("n"), int) and frame.f["n"] < 0) \
                    and not (ctx.narrative and tense_of(i) == "future"):
                ctx.ref = Point.parse(value) or ctx.ref
                if ctx.ref is not None and ctx.ref.date() is not None:
                    ctx.ref_day = ctx.ref
        doc.spans[TIMES] = out
        return doc

    @staticmethod
    def _share_year(i: int, frames: list[Frame], text: str) -> None:
        """A month or day in a range takes the year written after the range's end: "August and
        September 1914", "between March and April 1918", "26 June - 4 August 1952"."""
        f = frames[i]
        if f.kind != "date" or "y" in f.f or "yrel" in f.f or not ("m" in f.f or "s" in f.f) or "hh" in f.f:
            return
        for j in (i + 1, i + 2):
            if j >= len(frames):
                return
            g = frames[j]
            between = text[frames[j - 1].me:g.ms]
            if not RANGE_GAP.fullmatch(between) or g.kind != "date" or not ("m" in g.f or "s" in g.f):
                return
            if g.f.get("y") is not None:
                f.f["y"] = g.f["y"]
                return

    @staticmethod
    def _local_year(i: int, frames: list[Frame], spans: list[Span], text: str, pub: dt.date | None) -> int | None:
        """In a news report, the year a background passage is set in: an explicit year other than
        the publication year, named earlier in the same paragraph and at most one sentence back
        ("In June 2013 the army advanced. In August, it retreated.")."""
        f = frames[i]
        if f.kind != "date" or "y" in f.f or "yrel" in f.f or "hh" in f.f or pub is None:
            return None
        sent = spans[i].sent
        doc = sent.doc
        earliest = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for j in range(i - 1, -1, -1):
            g = frames[j]
            if "\n" in text[g.end:f.start] or spans[j].start < earliest:
                return None
            if g.kind == "date" and g.f.get("y") is not None and ("m" in g.f or "d" in g.f or "s" in g.f
                                                                   or len(g.f) <= 2):
                y = g.f["y"]
                return y if y != pub.year else None
            if g.kind != "date":
                return None
        return None

    def _resolve(self, i: int, frames: list[Frame], spans: list[Span], ctx: Context, tense_of, resolved):
        frame = frames[i]
        day = None
        if frame.kind == "date" and "hh" in frame.f and "y" not in frame.f and "m" not in frame.f:
            day = self._day_in_sentence(i, frames, spans, ctx, tense_of, resolved)
            if day is None and ctx.ref is not None and getattr(ctx.ref, "d", None):
                day = ctx.ref  # "was hit shortly after midday", after "on Sunday": that day's midday
        t = tense_of(i) if frame.kind in ("date", "weekday", "weekend") else None
        return self.resolver.resolve(frame, ctx, t, day)

    def _day_in_sentence(self, i, frames, spans, ctx, tense_of, resolved) -> Point | None:
        """The day a clock time in sentence i belongs to: a day named in the same sentence."""
        sent = spans[i].sent
        order = sorted((j for j in range(len(frames)) if j != i and spans[j].sent == sent),
                       key=lambda j: abs(j - i))
        for j in order:
            f = frames[j]
            if f.kind in ("weekday", "shift", "anaph") or (f.kind == "date" and "d" in f.f):
                if f.kind in ("shift", "anaph") and f.f.get("u") != "D":
                    continue
                res = resolved.get(j)
                if res is None and j > i:
                    res = self.resolver.resolve(f, ctx, tense_of(j) if f.kind in ("date", "weekday") else None)
                if res is not None:
                    p = Point.parse(res[1])
                    if p is not None and p.d:
                        return p
        return None

    # -- narrative or news ----------------------------------------------------------------------
    @staticmethod
    def decide_narrative(frames: list[Frame], pub: dt.date | None) -> bool:
        """Narrative anchoring for texts about the past: most years they name lie well before the
        publication date and little in them points at it ("on Tuesday", "last week")."""
        if pub is None:
            return True
        years = [f.f["y"] for f in frames if f.explicit_year]
        old = sum(1 for y in years if y < pub.year - 1)
        recent = sum(1 for y in years if y >= pub.year - 1)
        deictic = sum(1 for f in frames if f.kind in DEICTIC_KINDS and f.f.get("n") != "S"
                      and not f.f.get("anaph"))
        return old >= 3 and old >= recent and old > 2 * deictic

    # -- publication date -----------------------------------------------------------------------
    def infer_published(self, text: str, frames: list[Frame], tense_of) -> dt.date | None:
        past = [(f.f["y"], f.f.get("m", 1), f.f.get("d", 1)) for i, f in enumerate(frames)
                if f.explicit_year and f.f["y"] > 0 and tense_of(i) != "future"]
        year = max(y for y, _, _ in past) if past else None
        latest = max(past) if past else None  # the latest month the report names as past
        # 1. a dateline: "KYIV, Nov 17 (Reuters) -", "WASHINGTON, Aug. 2, 2021 --"
        for i, f in enumerate(frames[:3]):
            if f.start > 200 or "\n" in text[:f.start].strip("\n"):
                break
            if f.kind == "date" and "m" in f.f and "d" in f.f and DATELINE_BEFORE.match(text[:f.start]) \
                    and DATELINE_AFTER.match(text[f.end:f.end + 50]):
                y = f.f.get("y") or year
                if y is None or y < 1:
                    return None
                if "y" not in f.f and latest and isinstance(latest[1], int) and latest[0] == y \
                        and (f.f["m"], f.f["d"]) < latest[1:]:
                    # "ASUNCION, May 7 -" over a story that names "December 2024" as past: the
                    # report is written after it, in the next year
                    y += 1
                try:
                    return dt.date(y, f.f["m"], f.f["d"])
                except ValueError:
                    return None
        # 2. the latest day the report names in a clause that is not about the future
        if year is None:
            return None
        deictic = sum(1 for f in frames if f.kind in DEICTIC_KINDS and f.f.get("n") != "S")
        if not deictic:
            return None  # nothing points at a moment of writing: a text about the past, not a report
        best = None
        for i, f in enumerate(frames):
            if f.kind != "date" or "m" not in f.f or "d" not in f.f or "hh" in f.f:
                continue
            y = f.f.get("y")
            if y not in (None, year) or tense_of(i) == "future":
                continue
            try:
                d = dt.date(year, f.f["m"], f.f["d"])
            except ValueError:
                continue
            best = d if best is None or d > best else best
        return best


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _core_years(frames: list[Frame]) -> tuple[int, int] | None:
    """The span of years most of the text's explicit years fall in; a year far outside it ("the
    largest battle since 1813", "documents found in 2004") is an aside, not where the story is."""
    years = sorted(f.f["y"] for f in frames if f.explicit_year)
    n = len(years)
    if n < 5:
        return None
    return years[n // 10] - 2, years[n - 1 - n // 10] + 2


def _aside_year(frame: Frame, core: tuple[int, int] | None) -> bool:
    """A bare year outside the text's core years."""
    f = frame.f
    return bool(core) and frame.explicit_year and not any(k in f for k in ("m", "d", "s", "q", "h")) \
        and not core[0] <= f["y"] <= core[1]


def _in_parentheses(text: str, frame: Frame) -> bool:
    """The expression sits inside a parenthesis of the text (an aside or a citation)."""
    left = text.rfind("(", max(0, frame.start - 60), frame.start)
    if left < 0 or text.find(")", left, frame.start) >= 0:
        return False
    return text.find(")", frame.end, frame.end + 60) >= 0


# -- event dates ---------------------------------------------------------------------------------

def clause_head(tok: Token) -> Token:
    t = tok
    for _ in range(30):
        if t.dep_ in CLAUSE_DEPS and (t.pos_ in ("VERB", "AUX") or t.dep_ in ("ROOT", "ccomp", "advcl", "relcl")):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _attached(root: Token, target: Token) -> bool:
    """The time whose root is `root` hangs off `target` without passing another verb."""
    if root.dep_ == "poss" and root.head.i != target.i:
        return False  # "protests against the results of Saturday's elections": the elections' date
    t = root
    for _ in range(8):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == target.i:
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ == "acl" and t.tag_ == "VBG" and \
                t.lemma_.lower() in words("stative_participles.txt"):
            continue  # "signed a pact with the juntas governing Mali on Wednesday": the signing's day
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "aux", "auxpass"):
            return False
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" and \
                t.head.lower_ in ("after", "before", "following", "since", "until"):
            return False  # "arrested nine soldiers after a coup attempt overnight": the attempt's time
    return False


def date_of(tx: Timex, doc: Doc) -> tuple[str, str] | None:
    """A time value as a date usable as a prefix filter, with its granularity (None: no date)."""
    if tx is None or tx.type in ("DURATION", "SET"):
        return None
    v = tx.value
    if v == "PRESENT_REF":
        return (doc._.published, "day") if doc._.published else None
    if not re.match(r"(?:BC)?\d", v):
        return None
    if "T" in v:
        return v.split("T")[0], "day"
    if v.endswith("-WE"):
        return v[:-3], "week"
    if "X" in v:
        v = v[:v.index("X")].rstrip("-")
        if not v or v.endswith("W") or v.endswith("Q"):
            return None
        return v, {4: "year", 7: "month"}.get(len(v.replace("BC", "")), "year")
    return v, tx.granularity or "day"


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """A TIMEX3 date as PLOVER's `date` and `enddate` (YYYY-MM-DD): a day is itself; a month,
    week or year is its first and last day ("2024-08" -> 2024-08-01 .. 2024-08-31). Values that
    name no calendar span (seasons, decades) give (None, None)."""
    if not value:
        return None, None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat(), None
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            y, m = int(value[:4]), int(value[5:])
            first = dt.date(y, m, 1)
            last = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
            return first.isoformat(), last.isoformat()
        if len(value) == 8 and value[4:6] == "-W":
            first = dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            return first.isoformat(), (first + dt.timedelta(days=6)).isoformat()
        if len(value) == 4 and value.isdigit():
            return f"{value}-01-01", f"{value}-12-31"
    except ValueError:
        return None, None
    return None, None


#: "a day after", "two weeks before", "hours after": units and their length in days.
OFFSET_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "hour": 0, "hours": 0, "minutes": 0}
OFFSET_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "several": None, "few": None}


def _at_the_time(doc: Doc, head, times: list) -> tuple | None:
    """ "Rasulov accused Ashgabat at the time of using gas as a weapon": an act set "at the time"
    (or "at that time") happened when the last time named before its sentence says."""
    found = doc.user_data.get("tidings_at_the_time")
    if found is None:  # the "time" of each "at the time" / "at that time", found once per doc
        found = doc.user_data["tidings_at_the_time"] = [
            span[-1].i for m in re.finditer(r"\bat (?:the|that) time\b", doc.text, re.IGNORECASE)
            for span in [doc.char_span(m.start(), m.end())] if span is not None]
    if not found:
        return None
    verb = clause_head(head)
    marked = any(doc[i].dep_ == "pobj" and doc[i].head.lower_ == "at" and doc[i].head.head.i in (verb.i, head.i)
                 for i in found)
    if not marked:
        return None
    for s in reversed(times):
        if s.end <= head.sent.start:
            d = date_of(s._.timex, doc)
            if d is not None:
                return d
    return None


def _offset_from_main(own, cands) -> str | None:
    """The day of a clause placed "a day after" / "two days before" / "hours after" the clause
    it hangs on, counted from that clause's own day ("suspended deliveries on Friday, a day after
    gunmen ambushed a convoy": the ambush was on Thursday)."""
    unit = next((c for c in own.children if c.dep_ == "npadvmod" and c.lower_ in OFFSET_UNITS), None)
    prep = next((c for c in unit.children if c.dep_ == "prep" and c.lower_ in ("after", "before")), None) \
        if unit is not None else None
    if prep is None and unit is not None:  # "two days after rebels attacked": "after" marks the clause
        prep = next((c for c in own.children if c.dep_ == "mark" and c.lower_ in ("after", "before")
                     and c.i == unit.i + 1), None)
    if prep is None:
        return None
    if own.dep_ in ("advcl", "pcomp") and own.head.i != own.i:
        main = own.head
    else:  # the parser made the "after" clause the root and the main clause its complement
        main = next((c for c in own.children if c.dep_ == "ccomp" and c.i < unit.i), None)
        if main is None:
            return None
    count = next((c for c in unit.children if c.dep_ in ("det", "nummod")), None)
    n = 1 if count is None else (int(count.text) if count.text.isdigit() else OFFSET_COUNTS.get(count.lower_))
    if n is None:
        return None
    days = [(s, d) for s, d in cands if d[1] == "day" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d[0])]
    day = next((d[0] for s, d in days if _attached(s.root, main)), None)
    if day is None:  # "signed a decree dissolving the assembly on Thursday, a day after ...": a time
        # within the main clause, outside the "after" clause
        inside = {t.i for t in own.subtree}
        day = next((d[0] for s, d in days if s.root.i not in inside and s.end <= own.left_edge.i
                    and main in list(s.root.ancestors)), None)
    if day is None:
        return None
    delta = dt.timedelta(days=n * OFFSET_UNITS[unit.lower_])
    when = dt.date.fromisoformat(day) + (-delta if prep.lower_ == "after" else delta)
    return when.isoformat()


def _own_time(verb, cands) -> bool:
    """Whether one of the sentence's times belongs to this verb's own clause."""
    return any(clause_head(s.root).i == verb.i and s.root.dep_ != "poss" for s, _ in cands)


def _past(verb) -> bool:
    """A verb in the simple past or a perfect ("marched", "had fired"), with no modal."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in aux):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux))


def _of_earlier_event(t, head) -> bool:
    """A time on the noun of an "after"/"before" phrase dates that other event ("arrested nine
    soldiers after a failed coup attempt overnight"), not the trigger."""
    noun = t.head
    return noun.i != head.i and noun.pos_ in ("NOUN", "PROPN") and t.dep_ in ("advmod", "npadvmod", "prep") \
        and noun.dep_ == "pobj" and noun.head.lower_ in ("after", "before", "following", "since", "until")


#: What words come out in: "In a video posted on Sunday, X threatened ...".
MEDIA_NOUNS = frozenset({"video", "statement", "interview", "speech", "post", "message", "letter", "broadcast",
                         "address", "recording", "communique", "communiqué", "report"})
#: Frame roles of verbs whose deadline belongs to the act they promise, threaten or ask for.
PROMISING = frozenset({"agree", "threaten", "request", "intent"})


def event_date(doc: Doc, trigger: Span) -> tuple[str | None, str | None, str]:
    """The date of the event named by `trigger`: (value, granularity, basis)."""
    times = list(doc.spans[TIMES]) if TIMES in doc.spans else []
    head = trigger.root
    sent = head.sent
    cands = []
    for s in times:
        if s.start < sent.start or s.end > sent.end:
            continue
        d = date_of(s._.timex, doc)
        if d is not None:
            cands.append((s, d))
    back = _at_the_time(doc, head, times)
    if back is not None:
        return back[0], back[1], "text"
    from .triggers import roles_of  # (the lexicons load after the time stage)
    if cands and roles_of(head) & PROMISING:
        # "has pledged to send 200 officers by October": the deadline of what is promised or
        # asked for, not the day of the promise
        # ... and so is a time inside the promised act: "agreed to a further exchange in December"
        inside = {t.i for c in head.children
                  if c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ == "to")
                  for t in c.subtree}
        cands = [(s, d) for s, d in cands if s.root.head.lower_ not in ("by", "within", "until")
                 and s.root.i not in inside]
    if cands:
        own = clause_head(head)
        by_dist = sorted(cands, key=lambda c: min(abs(c[0].start - head.i), abs(c[0].end - 1 - head.i)))
        # 1. attached to the trigger (or to the verb of a light-verb trigger, "held talks")
        for s, d in by_dist:
            if any(_attached(s.root, t) for t in trigger) or _attached(s.root, head):
                return d[0], d[1], "text"
        # 1a. "declined to arrest him when he flew in on Monday", "soldiers were deployed to guard
        #     the depots on Wednesday": a time in a "when" clause or a purpose clause of the verb
        #     dates it, when nothing dates the verb itself
        if not _own_time(own, by_dist):
            under = [own] + [x for x in own.children if x.dep_ == "xcomp"]  # ("declined to arrest him when ...")
            for cl in [c for v in under for c in v.children]:
                if cl.dep_ == "advcl" and (any(m.lower_ == "when" and m.dep_ in ("advmod", "mark") for m in cl.children)
                                          or (cl.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                     for a in cl.children) and cl.i > own.i)):
                    hit = next((d for s, d in by_dist if _attached(s.root, cl)), None)
                    if hit is not None:
                        return hit[0], hit[1], "text"
        # 1b. a noun event's own relative clause: "a cyberattack that crippled the grid last month"
        #     (not a participle on what a verb ends: "lifted restrictions imposed after the coup")
        gov = head
        while gov.dep_ == "conj" and gov.head.i != gov.i:
            gov = gov.head
        ended = gov.dep_ == "dobj" and bool(roles_of(gov.head) & {"end", "cancel"})
        if head.pos_ in ("NOUN", "PROPN") and not ended:
            clauses = {c.i for c in head.children if c.dep_ in ("relcl", "acl")}
            for s, d in by_dist:
                if clause_head(s.root).i in clauses:
                    return d[0], d[1], "text"
        # 1b'. "since Monday, when Kenya handed a note to ...": the day the clause describes
        own_clause = clause_head(head)
        if own_clause.dep_ == "relcl":
            for s, d in by_dist:
                if s.start <= own_clause.head.i < s.end:
                    return d[0], d[1], "text"
        # 1c. "were killed in Sunday's strike": the day of the act it happened in
        for s, d in by_dist:
            noun = s.root.head
            if s.root.dep_ == "poss" and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") and \
                    noun.head.head.i == head.i:
                return d[0], d[1], "text"
        # 1d. "drones crossed into its airspace during a Russian strike": an act named as the
        #     time of another is dated with it (or with the clause that one hangs on)
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.lower_ in ("during", "amid"):
            gov = head.head.head
            for _ in range(3):
                hit = next((d for s, d in by_dist if _attached(s.root, gov)), None)
                if hit is not None:
                    return hit[0], hit[1], "text"
                if gov.dep_ not in ("advcl", "conj", "xcomp") or gov.head.i == gov.i:
                    break
                gov = gov.head
        # 2. in the trigger's clause (not a date that belongs to another noun: "Saturday's elections")
        for s, d in by_dist:
            if clause_head(s.root).i == own.i and not (s.root.dep_ == "poss" and s.root.head.i != head.i) \
                    and not _of_earlier_event(s.root, head):
                return d[0], d[1], "text"
        # 3. in the sentence: a time fronted before coordinated verbs ("On Monday, X arrived and
        #    held talks"), or in a verbless part of the sentence; never one in another verb's clause
        first = own
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if own.dep_ == "ccomp" and first.i == own.i:
            # "X spoke with Y on Monday, and the two agreed ..., his office said": two reported
            # clauses joined by "and", the parser making both complements of "said"
            before = [s for s in own.head.children if s.dep_ == "ccomp" and s.i < own.i and
                      any(c.dep_ == "cc" and c.lower_ == "and" and c.i < own.left_edge.i for c in s.children)]
            if before:
                first = before[-1]
        for s, d in by_dist:
            ch = clause_head(s.root)
            if first.i != own.i and ch.i == first.i and s.end <= own.i and not _own_time(own, by_dist):
                # "On Monday, X arrived and held talks", "police fired tear gas on Tuesday and
                # arrested 43": a time on the first of coordinated verbs holds for the later ones
                return d[0], d[1], "text"
            if ch.pos_ not in ("VERB", "AUX") and s.root.dep_ != "poss" and \
                    not any(t.pos_ in ("VERB", "AUX") for t in ch.subtree if t.i != ch.i and t.i != head.i):
                return d[0], d[1], "text"
        # 3'. "Tuvalu severed relations with Taiwan and switched recognition to China on
        #     Wednesday": a time after the last of verbs that share a subject holds for the first
        if not _own_time(own, by_dist):
            later = [c for c in own.children if c.dep_ == "conj" and c.pos_ == "VERB"
                     and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]
            for v in later:
                for s, d in by_dist:
                    if _attached(s.root, v) and s.start > v.i:
                        return d[0], d[1], "text"
        # 3a. "In a video posted on Sunday, the gang leader threatened ...": said on the day the
        #     words it was said in came out
        for s, d in by_dist:
            ch = clause_head(s.root)
            noun = ch.head
            if ch.dep_ == "acl" and ch.tag_ == "VBN" and noun.lemma_.lower() in MEDIA_NOUNS and \
                    noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.i in (own.i, first.i):
                return d[0], d[1], "text"
        # 2b. "on Friday, a day after gunmen ambushed a convoy": counted from the main clause's day
        shifted = _offset_from_main(own, by_dist)
        if shifted is not None:
            return shifted, "day", "text"
        # 3b. a clause of simultaneity takes the time of the clause it hangs on ("police fired
        #     tear gas late on Sunday, as protests entered a second night"), and so does a
        #     participle ("exchanged fire on Wednesday, killing three servicemen")
        adjunct = first if first.tag_ == own.tag_ == "VBG" else own  # "killing three and wounding seven"
        if adjunct.dep_ == "advcl" and (any(m.dep_ in ("mark", "advmod") and m.lower_ in ("as", "while", "when")
                                            for m in adjunct.children) or
                                        (adjunct.tag_ == "VBG" and not any(m.dep_ == "mark" for m in adjunct.children))
                                        or (adjunct.tag_ == "VB" and any(m.dep_ == "aux" and m.lower_ == "to"
                                                                          for m in adjunct.children))) \
                and not _own_time(own, by_dist):
            for s, d in by_dist:
                if _attached(s.root, adjunct.head):
                    return d[0], d[1], "text"
        # 3c. a participle describing a party of another event ("fired tear gas on Tuesday at
        #     students marching on parliament"): they were doing it then
        if own.tag_ == "VBG" and own.dep_ in ("acl", "pcomp") and not _own_time(own, by_dist):
            gov = own.head
            while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                gov = gov.head
            if gov.pos_ in ("VERB", "AUX") and gov.i != own.i:
                for s, d in by_dist:
                    if _attached(s.root, gov):
                        return d[0], d[1], "text"
        # 4. a past event reported by a verb that carries the time ("On Sunday, organisers said
        #    a million people marched"): it happened by then, and the report is all that dates it
        if own.dep_ == "ccomp" and _past(own):
            for s, d in by_dist:
                if _attached(s.root, own.head):
                    return d[0], d[1], "text"
    if doc._.published:
        return doc._.published, "day", "published"
    return None, None, "unknown"


@Language.factory("tidings_times", assigns=["doc.spans", "doc._.published"], requires=["doc.ents"])
def make_times(nlp: Language, name: str):
    return TimeStage(nlp, name)


__all__ = ["TimeStage", "clause_head", "date_of", "date_range", "event_date", "make_times"]
