"""Anchoring: from a `Frame` (what an expression says) to a TIMEX3 value.

News anchoring resolves deictic expressions ("last week", "on Tuesday", "In August") against
the publication date and the tense of their clause; narrative anchoring (HeidelTime's mode for
historical text) resolves them against the last date the text mentioned. Anaphoric expressions
("the next day", "two days later", "that year") always take the last date mentioned.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .timex_grammar import Frame
from .timex_lexicon import UNIT_NAMES, Lexicon

SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}


@dataclass
class Point:
    """A calendar point known to some precision (BC years are negative)."""
    y: int | None = None
    m: int | None = None
    d: int | None = None

    def date(self) -> dt.date | None:
        if self.y is not None and self.y >= 1 and self.m and self.d:
            try:
                return dt.date(self.y, self.m, self.d)
            except ValueError:
                return None
        return None

    @classmethod
    def of(cls, d: dt.date) -> "Point":
        return cls(d.year, d.month, d.day)

    @classmethod
    def parse(cls, value: str) -> "Point | None":
        m = re.match(r"(BC)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
        if not m:
            return None
        y = int(m.group(2)) * (-1 if m.group(1) else 1)
        return cls(y, int(m.group(3)) if m.group(3) else None, int(m.group(4)) if m.group(4) else None)


def fmt_year(y: int | None) -> str:
    if y is None:
        return "XXXX"
    return f"BC{-y:04d}" if y < 0 else f"{y:04d}"


def fmt(y: int | None, m: int | None = None, d: int | None = None) -> str:
    out = fmt_year(y)
    if m is not None or d is not None:
        out += f"-{m:02d}" if m else "-XX"
    if d is not None:
        out += f"-{d:02d}"
    return out


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def season_of(d: dt.date) -> tuple[int, str]:
    if d.month in (3, 4, 5):
        return d.year, "SP"
    if d.month in (6, 7, 8):
        return d.year, "SU"
    if d.month in (9, 10, 11):
        return d.year, "FA"
    return (d.year if d.month == 12 else d.year - 1), "WI"


def easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = ((h + l_ - 7 * m + 114) % 31) + 1
    return dt.date(y, month, day)


def holiday(rule: str, y: int) -> tuple[int, int | None]:
    """(month, day) of a holiday rule in year y (day None: month only)."""
    if rule.startswith("easter") and y >= 1:
        d = easter(y) + dt.timedelta(days=int(rule[6:] or 0))
        return d.month, d.day
    parts = rule.split("-")
    if len(parts) == 2:
        return int(parts[0]), int(parts[1])
    if rule.startswith("-1-") and y >= 1:  # last weekday WD of month MM
        wd, mm = int(parts[2]), int(parts[3])
        last = (dt.date(y + (mm == 12), mm % 12 + 1, 1) - dt.timedelta(days=1))
        return mm, (last - dt.timedelta(days=(last.isoweekday() - wd) % 7)).day
    if len(parts) == 3 and y >= 1:
        n, wd, mm = map(int, parts)
        first = dt.date(y, mm, 1)
        return mm, 1 + (wd - first.isoweekday()) % 7 + 7 * (n - 1)
    return int(parts[-1]), None


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


# -- tense -------------------------------------------------------------------------------------

#: Verbs that set or grant a deadline: "until"/"by" a date after them looks forward.
DEADLINE_VERBS = frozenset({"have", "give", "set", "extend", "grant"})


#: Verbs that put something off: "until"/"to" a date after them looks forward.
DEFERRING_VERBS = frozenset({"adjourn", "postpone", "delay", "defer", "remand", "suspend", "extend", "push"})
#: Verbs that fix a date: "for" a date after them looks forward ("set for Dec. 8").
SETTING_VERBS = frozenset({"set", "schedule", "plan", "slate", "fix", "call", "promise"})

WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
#: Modifiers that put an event noun in the future ("the planned rally on Saturday").
PLANNED = frozenset({"planned", "scheduled", "upcoming", "forthcoming", "proposed", "expected", "next"})


def tense(span: Span, lex: Lexicon) -> str | None:
    """'past', 'future', 'present' or None: the tense of the clause the expression is in."""
    tok: Token = span.root
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "since":
        return "past"  # "the largest swap since the summer", whatever the verb's tense
    if prep is not None and prep.lower_ in ("until", "by") and prep.head.lemma_ in DEADLINE_VERBS:
        return "future"  # "the two sides had until Oct. 15 to sign", "gave them until Friday": a deadline
    if prep is not None and prep.lower_ in ("until", "till", "to") and prep.head.lemma_ in DEFERRING_VERBS:
        return "future"  # "adjourned his case until May 6": put off to a later day
    if prep is not None and prep.lower_ == "for" and tok.lower_ in WEEKDAYS and prep.head.pos_ in ("NOUN", "VERB"):
        return "future"  # "called another rally for Wednesday", "a vote set for Friday"
    if prep is not None and prep.lower_ == "for" and prep.head.lemma_ in SETTING_VERBS:
        return "future"  # "regional elections set for Dec. 8"
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in PLANNED for c in tok.children):
            return "future"  # "the party's planned rally in Harare on Saturday"
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    if any(o.dep_ == "dobj" and any(c.dep_ == "amod" and c.lower_ in PLANNED for c in o.children)
           for o in tok.children):
        return "future"  # "tried to hold the party's planned rally on Saturday"
    aux = lex.tense.get("aux", {})
    gov = lex.tense.get("governor", {})
    t = tok
    for _ in range(3):
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "once") for m in t.children) \
                and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll", "'d") for a in t.head.children):
            return "future"  # "would walk out again if the government failed to publish it by March 31"
        kids = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        for c in kids:
            w = c.lower_
            if aux.get(w) == "future" or (c.tag_ == "MD" and w not in aux):
                return "future"
            if w == "going" or c.lemma_ == "go" and any(k.lower_ == "to" for k in t.children):
                return "future"
        if t.dep_ in ("xcomp", "ccomp") and (gov.get(t.head.lemma_) == "future" or gov.get(t.head.lower_) == "future"):
            return "future"
        if t.dep_ == "xcomp" and t.head.lemma_ == "be" and any(c.lower_ in ("due", "set", "scheduled", "expected",
                                                                               "likely", "poised", "slated")
                                                              for c in t.head.children):
            return "future"
        for c in kids:
            if aux.get(c.lower_) == "past" or c.tag_ in ("VBD",):
                return "past"
        if t.tag_ == "VBD":
            return "past"
        if t.tag_ == "VBN" and not kids:
            return "past"
        if t.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in kids):
            return "present"
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX"):
            t = t.head.head  # "accused Belarus of letting the men travel ... in December": the accusing
            continue
        break
    return None


# -- resolution --------------------------------------------------------------------------------

@dataclass
class Context:
    pub: dt.date | None
    pub_anchor: str  # "published" or "inferred"
    narrative: bool
    ref: Point | None = None
    ref_day: Point | None = None  # the last reference that names a day ("the same day" counts from it)
    local_year: int | None = None  # news: the year of a background passage ("In June 2013 ... In August")

    def deictic_base(self) -> tuple[Point | None, str]:
        """The anchor of deictic expressions: the publication date (news) or the last date (narrative)."""
        if self.narrative and self.ref is not None and self.ref.y is not None:
            return self.ref, "narrative"
        if self.pub is not None:
            return Point.of(self.pub), self.pub_anchor
        if self.ref is not None and self.ref.y is not None:
            return self.ref, "narrative"
        return None, "unknown"

    def anaphoric_base(self, unit: str | None = None) -> tuple[Point | None, str]:
        if unit == "D" and self.ref is not None and self.ref.date() is None and self.ref_day is not None:
            return self.ref_day, "narrative"  # "in December ... the same day": the last day named
        if self.ref is not None and self.ref.y is not None:
            return self.ref, "narrative"
        if self.pub is not None:
            return Point.of(self.pub), self.pub_anchor
        return None, "unknown"


def shift(base: Point | None, u: str, n) -> tuple[str, str]:
    """The value `n` units `u` from `base` (X-filled where the base is too coarse)."""
    gran = UNIT_NAMES.get(u, "day")
    if base is None or base.y is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "WE": "XXXX-WXX-WE"}.get(u, "XXXX"), gran
    y = base.y
    day = base.date()
    if u in ("D", "H", "MIN", "S"):
        if day is None:
            return fmt(y, base.m, None) + ("-XX" if base.m else "-XX-XX"), "day"
        return (day + dt.timedelta(days=n if u == "D" else 0)).isoformat(), "day"
    if u in ("W", "2W", "WE"):
        if day is None:
            return fmt_year(y) + "-WXX" + ("-WE" if u == "WE" else ""), gran
        d2 = day + dt.timedelta(weeks=n * (2 if u == "2W" else 1))
        return iso_week(d2) + ("-WE" if u == "WE" else ""), gran
    if u == "M":
        if base.m is None:
            return fmt_year(y) + "-XX", "month"
        y2, m2 = add_months(y, base.m, n)
        return fmt(y2, m2), "month"
    if u == "Q":
        if base.m is None:
            return fmt_year(y) + "-QX", "quarter"
        q = (base.m - 1) // 3 + n
        return f"{fmt_year(y + q // 4)}-Q{q % 4 + 1}", "quarter"
    if u == "Y":
        y2 = y + n
        if y < 0 <= y2:
            y2 += 1
        return fmt_year(y2), "year"
    if u == "DE":
        return str(y // 10 + n) if y > 0 else fmt_year(y)[:-1], "decade"
    if u == "CE":
        return f"{y // 100 + n:02d}" if y > 0 else fmt_year(y)[:-2], "century"
    return fmt_year(y), "year"


def year_by_tense(pub: dt.date, t: str | None, m: int | None = None, d: int | None = None,
                  season: str | None = None, q: int | None = None) -> int:
    """The year of a month/day/season/quarter named without one, in a report published on `pub`."""
    y = pub.year
    if m is not None:
        after = (m, d or 0) > (pub.month, pub.day if d else 0) if d else m > pub.month
        before = (m, d) < (pub.month, pub.day) if d else m < pub.month
    elif season is not None:
        py, ps = season_of(pub)
        y = py
        after, before = SEASON_ORDER[season] > SEASON_ORDER[ps], SEASON_ORDER[season] < SEASON_ORDER[ps]
    elif q is not None:
        cq = (pub.month - 1) // 3 + 1
        after, before = q > cq, q < cq
    else:
        return y
    if t == "past" and after:
        return y - 1
    if t == "future" and before:
        return y + 1
    return y


def weekday_date(base: dt.date, w: int, n, t: str | None) -> dt.date:
    back = (base.isoweekday() - w) % 7
    fwd = (w - base.isoweekday()) % 7
    if n == -1:
        return base - dt.timedelta(days=back or 7)
    if n == 1:
        return base + dt.timedelta(days=fwd or 7)
    if t == "past":
        return base - dt.timedelta(days=back)
    if t == "future":
        return base + dt.timedelta(days=fwd)
    return base - dt.timedelta(days=back) if back <= fwd else base + dt.timedelta(days=fwd)


def dur_value(n, u: str) -> str:
    if isinstance(n, float):
        num = f"{n:g}"
    elif n in ("X", "-X"):
        num = "X"
    else:
        num = str(abs(n))
    if u == "2W":
        return f"P{2 * n if isinstance(n, int) else 'X'}W"
    if u in ("H", "MIN", "S"):
        return f"PT{num}{'M' if u == 'MIN' else u}"
    return f"P{num}{u}"


class Resolver:
    """Turns the frames of one document into (type, value, granularity, anchor), in text order."""

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def resolve(self, frame: Frame, ctx: Context, t: str | None, day: Point | None = None
                ) -> tuple[str, str, str | None, str] | None:
        f, kind = frame.f, frame.kind
        if kind == "date":
            return self._date(frame, ctx, t, day)
        if kind == "weekday":
            return self._weekday(frame, ctx, t)
        if kind in ("shift", "anaph"):
            n = f["n"]
            if n in ("X", "-X"):
                return "DATE", "PAST_REF" if n == "-X" else "FUTURE_REF", None, "unknown"
            base, anchor = ctx.anaphoric_base(f["u"]) if kind == "anaph" else ctx.deictic_base()
            value, gran = shift(base, f["u"], n)
            type_ = "TIME" if f["u"] in ("H", "MIN", "S") else frame.type
            return type_, value, gran, anchor
        if kind == "pod":
            base, anchor = ctx.anaphoric_base() if f.get("anaph") else ctx.deictic_base()
            value, _ = shift(base, "D", f["n"])
            return "TIME", f"{value}T{f['p']}", "partofday", anchor
        if kind == "weekend":
            base, anchor = ctx.deictic_base()
            d = base.date() if base else None
            if d is None:
                return "DATE", "XXXX-WXX-WE", "weekend", "unknown"
            n = f["n"]
            sat = weekday_date(d, 6, n if n != "T" else 0, t if n == "T" else None)
            if n == "T" and t is None and d.isoweekday() == 7:
                sat = d - dt.timedelta(days=1)
            return "DATE", iso_week(sat) + "-WE", "weekend", anchor
        if kind == "season":
            base, anchor = ctx.deictic_base()
            if base is None or base.y is None:
                return "DATE", f"XXXX-{f['s']}", "season", "unknown"
            d = base.date()
            if d is None:
                return "DATE", f"{fmt_year(base.y + (f['n'] if f['n'] != 'T' else 0))}-{f['s']}", "season", anchor
            cy, cs = season_of(d)
            n = f["n"]
            y = cy
            if n == -1:
                y = cy if SEASON_ORDER[f["s"]] < SEASON_ORDER[cs] else cy - 1
            elif n == 1:
                y = cy if SEASON_ORDER[f["s"]] > SEASON_ORDER[cs] else cy + 1
            return "DATE", f"{fmt_year(y)}-{f['s']}", "season", anchor
        if kind == "month":
            base, anchor = ctx.deictic_base()
            if base is None or base.y is None:
                return "DATE", f"XXXX-{f['m']:02d}", "month", "unknown"
            y, n, cm = base.y, f["n"], base.m or 12
            if n == -1:
                y = y if f["m"] < cm else y - 1
            elif n == 1:
                y = y if f["m"] > cm else y + 1
            return "DATE", fmt(y, f["m"]), "month", anchor
        if kind == "dur":
            return "DURATION", dur_value(f["n"], f["u"]), UNIT_NAMES.get(f["u"]), "absolute"
        if kind == "set":
            return "SET", dur_value(f["n"], f["u"]), UNIT_NAMES.get(f["u"]), "absolute"
        if kind == "lit":
            return frame.type, f["value"], None, "absolute"
        return None

    def _weekday(self, frame: Frame, ctx: Context, t: str | None):
        f = frame.f
        w = f["w"]
        if f.get("n") == "S":
            return "SET", f"XXXX-WXX-{w}", "day", "absolute"
        base, anchor = ctx.deictic_base()
        d = base.date() if base else None
        pod = f"T{f['p']}" if f.get("p") else ""
        if d is None:
            return frame.type, f"XXXX-WXX-{w}{pod}", "day", "unknown"
        value = weekday_date(d, w, f.get("n", 0), t).isoformat()
        return ("TIME" if pod else "DATE"), value + pod, ("partofday" if pod else "day"), anchor

    def _date(self, frame: Frame, ctx: Context, t: str | None, day: Point | None):
        f = dict(frame.f)
        anchor = "absolute"
        if "c" in f:
            c = f["c"]
            return "DATE", (f"BC{c:02d}" if f.get("c_bc") else f"{c:02d}"), "century", "absolute"
        if "dec" in f:
            return "DATE", f["dec"], "decade", "absolute"
        base, banchor = ctx.deictic_base()
        if "dd" in f:
            y0 = base.y if base and base.y else None
            if y0 is None:
                return "DATE", f"XX{f['dd']}", "decade", "unknown"
            c = y0 // 100
            if c * 100 + f["dd"] * 10 > y0:
                c -= 1
            return "DATE", f"{c}{f['dd']}", "decade", banchor
        y = f.get("y")
        if y is None and "yy" in f:
            prev = f.get("prev_y")
            if prev is not None:
                y = prev // 100 * 100 + f["yy"]
                if y < prev:
                    y += 100
            elif base is not None and base.y is not None and base.y > 0:
                c = base.y // 100
                y = c * 100 + f["yy"]
                if y > base.y + 5:
                    y -= 100
                anchor = banchor
            else:
                anchor = "unknown"
        elif y is None and "yrel" in f:
            mode, n = f["yrel"]
            b, anchor = ctx.anaphoric_base() if mode == "anaph" else (base, banchor)
            y = b.y + n if b is not None and b.y is not None else None
        elif y is None and "d" in f and "m" not in f:
            # "on the 20th": the day of the anchor's month
            if ctx.narrative and ctx.ref is not None and ctx.ref.y is not None:
                y, m, anchor = ctx.ref.y, ctx.ref.m, "narrative"
            elif ctx.pub is not None:
                y, m = ctx.pub.year, ctx.pub.month
                if t == "past" and f["d"] > ctx.pub.day:
                    y, m = add_months(y, m, -1)
                elif t == "future" and f["d"] < ctx.pub.day:
                    y, m = add_months(y, m, 1)
                anchor = ctx.pub_anchor
            elif ctx.ref is not None and ctx.ref.m is not None:
                y, m, anchor = ctx.ref.y, ctx.ref.m, "narrative"
            else:
                return "DATE", f"XXXX-XX-{f['d']:02d}", "day", "unknown"
            f["m"] = m
        elif y is None and any(k in f for k in ("m", "s", "q", "h", "hol")):
            if ctx.narrative and ctx.ref is not None and ctx.ref.y is not None:
                y, anchor = ctx.ref.y, "narrative"
            elif ctx.local_year is not None and t != "future":
                y, anchor = ctx.local_year, "narrative"
            elif ctx.pub is not None:
                m = f.get("m")
                if "hol" in f:
                    m, dd = holiday(f["hol"], ctx.pub.year)
                    y = year_by_tense(ctx.pub, t, m, dd)
                else:
                    y = year_by_tense(ctx.pub, t, m, f.get("d"), f.get("s"), f.get("q"))
                anchor = ctx.pub_anchor
            elif ctx.ref is not None and ctx.ref.y is not None:
                y, anchor = ctx.ref.y, "narrative"
            else:
                anchor = "unknown"
        elif y is None and "hh" in f:
            # a clock time: the day named in its sentence, else the anchor's day
            if day is not None and day.y is not None:
                src, anchor = day, ("narrative" if ctx.narrative else banchor)
            else:
                src, anchor = ctx.anaphoric_base() if ctx.narrative else (base, banchor)
            dvalue = fmt(src.y, src.m, src.d) if src is not None and src.d else "XXXX-XX-XX"
            if dvalue.startswith("X"):
                anchor = "unknown"
            return "TIME", f"{dvalue}T{f['hh']:02d}:{f['mi']:02d}", "minute", anchor
        if "hol" in f:
            if y is None:
                return "DATE", "XXXX-XX-XX", "day", "unknown"
            m, dd = holiday(f["hol"], y)
            return "DATE", fmt(y, m, dd), ("day" if dd else "month"), anchor
        if "s" in f:
            return "DATE", f"{fmt_year(y)}-{f['s']}", "season", anchor
        if "q" in f:
            return "DATE", f"{fmt_year(y)}-Q{f['q']}", "quarter", anchor
        if "h" in f:
            return "DATE", f"{fmt_year(y)}-H{f['h']}", "half", anchor
        value = fmt(y, f.get("m"), f.get("d"))
        gran = "day" if "d" in f else "month" if "m" in f else "year"
        if "hh" in f:
            return "TIME", f"{value}T{f['hh']:02d}:{f['mi']:02d}", "minute", anchor
        if "p" in f:
            return "TIME", f"{value}T{f['p']}", "partofday", anchor
        return "DATE", value, gran, anchor
