"""Finding temporal expressions: a regular-expression grammar over the text, checked on the parse.

`Grammar(lexicon)` compiles every pattern once: the calendar patterns below (dates, months,
years, seasons, decades, centuries, quarters, weekdays, clock times, holidays) and the relative
expressions of `data/time_patterns.tsv`. `Grammar.find(doc)` returns `Frame`s: the character
span of each expression and what it says (year, month, day, shift, duration, ...), not yet
anchored. At each place the longest pattern that passes the checks wins. The checks use the
tokens: "May" the modal, "March" the verb, "1,000 troops", "Sunday Times" are no times.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable

from spacy.attrs import IDX, LOWER, PREFIX
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .timex_lexicon import Lexicon, alt

DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?<![\d,.$€£#])(?:1\d{3}|20\d{2})(?!\d|,\d{3}|\.\d|%)"
ERA = r"\s*(?:B\.C\.E\.|B\.C\.|B\.C(?![\w.])|BCE|BC|A\.D\.|AD|CE)(?![\w])"
DIGITS_INSIDE = re.compile(r"(?<=[A-Za-z]-)\d")
RANGE_SEP = r"\s*(?:-|–|—|(?i:to|and|through|until|till))\s*"
TZ = (r"(?:\s+(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|MSK|IST|JST|KST|ET|PT|Zulu|"
      r"local\s+time|Moscow\s+time|Kyiv\s+time|Beijing\s+time|Washington\s+time|\(\d{4}\s+GMT\)))?")
# Modifiers that widen a date's span without changing its value ("early", "the end of").
MODPRE = (r"(?:(?i:(?:(?i:the)\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|rest|remainder|"
          r"(?:first|second|latter|later|early|earlier|last|final)\s+(?:half|part|days|weeks|months))"
          r"\s+of\s+)|(?i:(?:very\s+)?(?:early|earlier|late|later|mid|middle)(?:\s+in)?(?:\s+|\s*-\s*)))")
# Words before a bare month name that make it a month ("in May", not "May I").
MONTH_BEFORE = frozenset("in since by until till through from to of during before after early late mid last "
                         "next this that the between and or throughout around on for until into of - , "
                         "(".split()) | {"mid-"}
SEASON_BEFORE = frozenset("in the this last next that early late mid by until since during through of "
                          "throughout following previous same".split())
YEAR_DETERMINERS = frozenset("the this that its their his her our your whose".split())
PLURAL_COUNTED = frozenset("NNS NNPS".split())


@dataclass
class Frame:
    """One temporal expression found in the text, before anchoring."""
    start: int
    end: int
    kind: str  # date, weekday, shift, pod, weekend, season, month, dur, set, lit
    type: str  # DATE, TIME, DURATION, SET
    f: dict = field(default_factory=dict)
    rule: str = ""
    ms: int = -1  # the pattern's own match (the span may be wider: whole tokens)
    me: int = -1

    @property
    def explicit_year(self) -> bool:
        return self.kind == "date" and self.f.get("y") is not None


@dataclass
class Pattern:
    name: str
    rx: re.Pattern
    kind: str
    type: str
    build: Callable[[re.Match], dict | None]
    check: str = ""  # which token check applies: month, year, weekday, season, now, ...


def _strip_groups(src: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", src)


class Grammar:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.patterns: list[Pattern] = []
        self._calendar()
        self._relative()
        self.finder = re.compile("|".join(f"(?:{_strip_groups(p.rx.pattern)})" for p in self.patterns))
        self._keys()
        names = sorted(lex.names, key=len, reverse=True)
        self.names_rx = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b") if names else None

    def _keys(self) -> None:
        """Hashes of the key words (one of which every expression holds, besides digits) and of
        every word the grammar can use."""
        L = self.lex
        keys = set(L.months) | {m + "." for m in L.months} | set(L.weekdays) | {w + "s" for w in L.weekdays}
        keys |= set(L.seasons) | set(L.pods) | set(L.units) | {u + "s" for u in L.units} | {"centuries"}
        keys |= {w.lower() for name in L.holidays for w in re.findall(r"[\w’']+", name)}
        keys |= set("""now today yesterday tomorrow tonight overnight recent recently lately currently presently
                    nowadays present moment past future daily weekly monthly annually yearly nightly hourly date
                    being noon midday midnight o'clock o’clock quarter half late q1 q2 q3 q4""".split())
        vocab = set(keys) | set(L.numbers) | set(L.ordinals) | {w for n in L.numbers for w in n.split()}
        for p in self.patterns:
            src = re.sub(r"\(\?P<\w+>|\(\?[a-zA-Z-]+:|\\[a-zA-Z]", " ", p.rx.pattern)
            vocab |= {w.lower() for w in re.findall(r"[A-Za-z]+", src) if len(w) > 1}
        vocab |= {",", "-", "–", "—", "/", ".", "'", "’", "(", ")", "a.m.", "p.m.", "a", "s"}
        h = get_string_id
        self._key_h = frozenset(h(k) for k in keys)
        self._voc_h = frozenset(h(k) for k in vocab)
        self._digit_h = frozenset(h(c) for c in "0123456789'’")

    # -- pattern tables ------------------------------------------------------------------------
    def add(self, name: str, src: str, kind: str, type_: str, build, check: str = "") -> None:
        self.patterns.append(Pattern(name, re.compile(r"(?<![\w'’])" + src + r"(?!\w)"), kind, type_,
                                     build, check))

    def _calendar(self) -> None:
        L = self.lex
        MON, MONA, WD, SEAS, POD, ORD = L.MONTH, L.MONTH_ABBR, L.WEEKDAY, L.SEASON, L.POD, L.ORD
        wd = rf"(?:{WD},?\s+)?"
        yrel = (r"(?P<yrel>that|the\s+same|this|last|next|the\s+following|the\s+next|the\s+previous|"
                r"the\s+preceding|the\s+prior|the\s+subsequent)\s+year")
        mod = f"(?P<mod>{MODPRE})?"
        add = self.add

        pod = (rf"(?:(?P<podpre>(?i:(?:(?:early|late)\s+(?:in\s+)?)?(?:(?i:the)\s+)?(?:(?:early|late|small)\s+)?)"
               rf"(?P<p>{POD})(?i:\s+hours)?\s+(?i:of)\s+))?")
        add("range_dm", rf"(?:(?i:the)\s+)?(?P<r1>(?P<d>{DAY}))(?!\s*[-–—]\s*\d{{4}}){RANGE_SEP}(?:(?i:the)\s+)?(?P<r2>(?P<d2>{DAY})"
                        rf"(?:\s+of)?\s+(?P<m>{MONA})(?:,?\s+(?P<y>{YEAR}))?)", "range", "DATE", lambda m: self._range(m))
        add("range_md", rf"(?P<r1>(?P<m>{MONA})\s*(?P<d>{DAY})){RANGE_SEP}(?P<r2>(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?)"
                        rf"(?!\s*(?:{MONA}|:|\.\d))", "range", "DATE", lambda m: self._range(m))
        add("range_era", rf"(?P<r1>(?P<y>\d{{1,4}}))(?P<era1>{ERA})?{RANGE_SEP}(?P<r2>(?P<y2>\d{{1,4}})(?P<era>{ERA}))",
            "range", "DATE", lambda m: self._range(m))
        add("ordinal_day", rf"(?i:the)\s+(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?:\s+(?i:of\s+(?:that|the\s+same)\s+"
                           rf"month))?", "date", "DATE", lambda m: self._date(m), "ordinal")
        add("iso", r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?",
            "date", "DATE", lambda m: self._date(m))
        add("slash", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4})", "date", "DATE",
            lambda m: self._date(m))
        add("mdy", rf"{pod}{wd}(?:(?i:the)\s+)?(?P<m>{MONA})\s*(?P<d>{DAY})(?:,\s*|\s+)(?:of\s+)?(?P<y>{YEAR}|\d{{1,3}}(?={ERA}))"
                   rf"(?P<era>{ERA})?", "date", "DATE", lambda m: self._date(m))
        add("dmy", rf"{pod}{wd}(?:(?i:the)\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONA}),?\s+(?P<y>{YEAR}|\d{{1,3}}(?={ERA}))"
                   rf"(?P<era>{ERA})?", "date", "DATE", lambda m: self._date(m))
        add("md_rel", rf"{wd}(?P<m>{MONA})\s*(?P<d>{DAY})(?:,?\s+of)?\s+{yrel}", "date", "DATE",
            lambda m: self._date(m))
        add("md", rf"{pod}{wd}(?P<m>{MONA})\s*(?P<d>{DAY})", "date", "DATE", lambda m: self._date(m), "md")
        add("dm", rf"{pod}{wd}(?:(?i:the)\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONA})", "date", "DATE",
            lambda m: self._date(m), "dm")
        add("my", rf"{mod}(?P<m>{MON}|{MONA}(?=\s*{YEAR}))(?:\s+of|,)?\s+(?P<y>{YEAR}|\d{{1,3}}(?={ERA}))(?P<era>{ERA})?",
            "date", "DATE", lambda m: self._date(m))
        add("m_rel", rf"{mod}(?P<m>{MON})\s+(?:of\s+)?{yrel}", "date", "DATE", lambda m: self._date(m))
        add("m", rf"{mod}(?P<m>{MON})", "date", "DATE", lambda m: self._date(m), "month")
        add("season_y", rf"{mod}(?:(?i:the)\s+)?(?P<s>{SEAS})(?:\s+of)?,?\s+(?P<y>{YEAR}|\d{{1,3}}(?={ERA}))(?P<era>{ERA})?",
            "date", "DATE", lambda m: self._date(m))
        add("season_rel", rf"{mod}(?:(?i:the)\s+)?(?P<s>{SEAS})\s+of\s+{yrel}", "date", "DATE",
            lambda m: self._date(m))
        add("season", rf"{mod}(?:(?i:the)\s+)?(?P<s>{SEAS})", "date", "DATE", lambda m: self._date(m), "season")
        add("year", rf"{mod}(?:the\s+(?:year\s+)?)?(?P<y>{YEAR})(?P<era>{ERA})?", "date", "DATE",
            lambda m: self._date(m), "year")
        add("year_era", rf"{mod}(?:the\s+year\s+)?(?P<y>\d{{1,4}})(?P<era>{ERA})", "date", "DATE",
            lambda m: self._date(m))
        add("year_ad", rf"{mod}(?P<era>A\.D\.|AD)\s+(?P<y>\d{{1,4}})", "date", "DATE", lambda m: self._date(m))
        add("year_tail", r"(?<=\d{4}[-–—/])(?P<yy>\d{2})", "date", "DATE", lambda m: self._date(m))
        add("year_apos", rf"{mod}['’](?P<yy>\d{{2}})(?!s)", "date", "DATE", lambda m: self._date(m), "apos")
        add("decade", rf"{mod}(?:(?i:the)\s+)?(?P<dec>\d{{1,3}})0['’]?s(?P<era>{ERA})?", "date", "DATE",
            lambda m: self._date(m), "decade")
        add("decade_apos", rf"{mod}(?:(?i:the)\s+)?['’](?P<dd>\d)0s", "date", "DATE", lambda m: self._date(m))
        add("century", rf"{mod}(?:(?i:the)\s+)?(?P<c>{ORD})[\s-]+century(?P<era>{ERA})?", "date", "DATE",
            lambda m: self._date(m))
        qy = rf"(?:\s+of\s+(?:(?P<y>{YEAR})|{yrel}))?"
        add("quarter", rf"(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+"
                       rf"(?i:(?:fiscal\s+|calendar\s+)?quarter){qy}", "date", "DATE", lambda m: self._date(m))
        add("quarter_q", rf"(?P<q>Q[1-4])\s+(?P<y>{YEAR})", "date", "DATE", lambda m: self._date(m))
        add("half", rf"(?:(?i:the)\s+)?(?P<h>(?i:first|second|latter))\s+(?i:half)\s+of\s+(?:(?P<y>{YEAR})|{yrel})",
            "date", "DATE", lambda m: self._date(m))
        add("weekday", rf"(?P<w>{WD})(?:\s+(?P<p>{POD}))?", "weekday", "DATE", lambda m: self._weekday(m),
            "weekday")
        add("weekdays", rf"(?P<w>{WD})s", "weekday", "SET", lambda m: {"w": L.weekdays[m.group("w").lower()],
                                                                         "n": "S"}, "weekday")
        add("clock_ampm", r"(?P<hh>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m|[AP]M|[AP]\.M\.)"
                          + TZ, "date", "TIME", lambda m: self._clock(m))
        add("clock_24", r"(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?:hrs|hours|h)\b)?" + TZ, "date", "TIME",
            lambda m: self._clock(m), "clock")
        add("clock_mil", r"(?P<hh>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hrs|hours|GMT|UTC|Zulu)", "date", "TIME",
            lambda m: self._clock(m))
        add("clock_word", r"(?P<noon>(?i:noon|midday|midnight))", "date", "TIME", lambda m: self._clock(m))
        add("clock_oclock", rf"(?P<hw>{L.NUM})\s+o['’]clock", "date", "TIME", lambda m: self._clock(m))
        hol = alt(L.holidays)
        add("holiday", rf"(?:(?i:the)\s+)?(?P<hol>{hol})(?:,?\s+(?P<y>{YEAR}))?", "date", "DATE",
            lambda m: self._holiday(m))

    def _month(self, name: str) -> int:
        return self.lex.months[name.lower().rstrip(".")]

    def _year_fields(self, m: re.Match, f: dict) -> None:
        gd = m.groupdict()
        if gd.get("y"):
            y = int(gd["y"])
            era = (gd.get("era") or "").strip().replace(".", "").upper()
            f["y"] = -y if era in ("BC", "BCE") else y
            if era:
                f["era"] = era
        if gd.get("yy"):
            f["yy"] = int(gd["yy"])
            before = m.string[max(0, m.start() - 5):m.start()]
            if re.fullmatch(r"\d{4}[-–—/]", before):
                f["prev_y"] = int(before[:4])  # "1939–45"
        if gd.get("yrel"):
            w = re.sub(r"\s+", " ", gd["yrel"].lower())
            f["yrel"] = {"that": ("anaph", 0), "the same": ("anaph", 0), "this": ("deictic", 0),
                         "last": ("deictic", -1), "next": ("deictic", 1), "the following": ("anaph", 1),
                         "the next": ("anaph", 1), "the previous": ("anaph", -1), "the preceding": ("anaph", -1),
                         "the prior": ("anaph", -1), "the subsequent": ("anaph", 1)}[w]

    def _date(self, m: re.Match) -> dict | None:
        gd = m.groupdict()
        f: dict = {}
        self._year_fields(m, f)
        if gd.get("m"):
            mm = gd["m"]
            f["m"] = int(mm) if mm.isdigit() else self._month(mm)
        if gd.get("d"):
            f["d"] = int(re.sub(r"\D", "", gd["d"]))
        if gd.get("hh"):
            f["hh"], f["mi"] = int(gd["hh"]), int(gd.get("mi") or 0)
        if gd.get("p"):
            f["p"] = self.lex.pods[re.sub(r"\s+", " ", gd["p"].lower())]
        if gd.get("s"):
            f["s"] = self.lex.seasons[gd["s"].lower()]
        if gd.get("dec"):
            if (gd.get("era") or "").replace(".", "").strip().upper() in ("BC", "BCE"):
                f["dec"] = "BC" + gd["dec"].zfill(3)
            elif len(gd["dec"]) == 3:
                f["dec"] = gd["dec"]
            elif len(gd["dec"]) == 1:
                f["dd"] = int(gd["dec"])
            else:
                return None
            f.pop("y", None)
        if gd.get("dd"):
            f["dd"] = int(gd["dd"])
        if gd.get("c"):
            c = gd["c"].lower()
            n = self.lex.ordinals.get(c) or int(re.sub(r"\D", "", c) or 0)
            if n <= 0:
                return None
            f["c"] = n - 1
            if (gd.get("era") or "").replace(".", "").strip().upper() in ("BC", "BCE"):
                f["c_bc"] = True
            f.pop("y", None)
        if gd.get("q"):
            q = gd["q"].lower().lstrip("q")
            f["q"] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4,
                      "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(q) or int(q)
        if gd.get("h"):
            f["h"] = 1 if gd["h"].lower() == "first" else 2
        if gd.get("mod"):
            mod = gd["mod"].lower()
            if "half" in mod and "y" in f and "m" not in f and "s" not in f:
                f["h"] = 2 if re.search(r"second|latter|later", mod) else 1
        if f.get("d") and f.get("m") and f["d"] > (29 if f["m"] == 2 else 30 if f["m"] in (4, 6, 9, 11) else 31):
            return None
        return f

    def _range(self, m: re.Match) -> dict | None:
        """Two expressions written as a range: "22-25 April 1951", "April 6-7", "499-493 BC"."""
        gd = m.groupdict()
        if gd.get("y2") is not None:  # years
            era = (gd.get("era") or "").replace(".", "").strip().upper()
            era1 = (gd.get("era1") or "").replace(".", "").strip().upper()
            y1, y2 = int(gd["y"]), int(gd["y2"])
            bc = era in ("BC", "BCE")
            if not era1 and (bc and y1 < y2 or not bc and y1 > y2):
                return None
            sign1 = -1 if (era1 in ("BC", "BCE") or (not era1 and bc)) else 1
            return {"r1": {"y": sign1 * y1, "era": era1 or era}, "r2": {"y": (-1 if bc else 1) * y2, "era": era}}
        f1 = self._date(m)
        if f1 is None:
            return None
        d2 = int(re.sub(r"\D", "", gd["d2"]))
        if not 1 <= d2 <= 31 or d2 <= f1.get("d", 0):
            return None
        f2 = dict(f1, d=d2)
        return {"r1": f1, "r2": f2}

    def _clock(self, m: re.Match) -> dict | None:
        gd = m.groupdict()
        if gd.get("noon"):
            w = gd["noon"].lower()
            return {"hh": 24 if w == "midnight" else 12, "mi": 0}
        if gd.get("hw"):
            n = self.lex.number(gd["hw"])
            if not isinstance(n, int) or not 1 <= n <= 12:
                return None
            return {"hh": n, "mi": 0}
        hh, mi = int(gd["hh"]), int(gd.get("mi") or 0)
        ap = (gd.get("ap") or "").lower().replace(".", "")
        if ap == "pm" and hh < 12:
            hh += 12
        elif ap == "am" and hh == 12:
            hh = 0
        return {"hh": hh, "mi": mi}

    def _weekday(self, m: re.Match) -> dict:
        f = {"w": self.lex.weekdays[m.group("w").lower()], "n": 0}
        if m.group("p"):
            f["p"] = self.lex.pods[m.group("p").lower()]
        return f

    def _holiday(self, m: re.Match) -> dict | None:
        f = {"hol": self.lex.holidays[re.sub(r"\s+", " ", m.group("hol"))]}
        self._year_fields(m, f)
        return f

    def _relative(self) -> None:
        L = self.lex
        subs = {"NUM": f"(?P<n>{L.NUM})", "UNIT": f"(?P<u>{L.UNIT})", "UNIT1": f"(?P<u>{L.UNIT1})",
                "UNITS": f"(?P<u>{L.UNITS})", "WEEKDAY": f"(?P<w>(?-i:{L.WEEKDAY}))",
                "MONTH": f"(?P<m>(?-i:{L.MONTH}))", "SEASON": f"(?P<s>{L.SEASON})", "POD": f"(?P<p>{L.POD})"}
        from .lexicons import table
        for i, row in enumerate(table("time_patterns.tsv", ("pattern", "type", "rule"))):
            src = re.sub(r"<([^<>]*)>", r"(?P<span>\1)", row["pattern"].replace(" ", r"\s+"))
            src = re.sub(r"\{(\w+)\}", lambda m: subs[m.group(1)], src)
            words = row["rule"].split()
            kind = words[0]
            if kind in ("shift", "anaph", "pod", "season", "month", "weekend"):
                src = f"(?P<mod>{MODPRE})?" + src
            self.add(f"tsv{i}:{row['pattern']}", f"(?i:{src})", "rel", row["type"],
                     lambda m, words=words: self._rule(m, words), "rel:" + kind)

    def _rule(self, m: re.Match, words: list[str]) -> dict | None:
        gd = m.groupdict()
        L = self.lex

        def num(tok: str):
            if tok in ("$n", "-$n"):
                n = L.number(gd["n"])
                if n is None:
                    return None
                if n == "X":
                    return "-X" if tok.startswith("-") else "X"
                return -n if tok.startswith("-") else n
            if tok in ("X", "T", "S"):
                return tok
            return int(tok)

        def unit(tok: str):
            return L.unit_code(gd["u"]) if tok == "$u" else tok

        kind = words[0]
        f: dict = {"rule": kind}
        if kind in ("shift", "anaph"):
            f.update(u=unit(words[1]), n=num(words[2]))
            if f["n"] is None or f["u"] is None:
                return None
        elif kind == "pod":
            f.update(p=L.pods[gd["p"].lower()] if words[1] == "$p" else words[1], n=num(words[2]),
                     anaph=len(words) > 3)
        elif kind in ("dur", "set"):
            f.update(n=num(words[1]), u=unit(words[2]))
            if f["n"] is None or f["u"] is None:
                return None
        elif kind == "weekday":
            f.update(w=L.weekdays[gd["w"].lower()], n=num(words[2]))
        elif kind == "season":
            f.update(s=L.seasons[gd["s"].lower()], n=num(words[2]))
        elif kind == "month":
            f.update(m=self._month(gd["m"]), n=num(words[2]))
        elif kind == "weekend":
            f.update(n=num(words[1]))
        elif kind == "lit":
            f.update(value=words[1])
        return f

    # -- matching ------------------------------------------------------------------------------
    def find(self, doc: Doc, text: str | None = None) -> list[Frame]:
        """Every expression in `doc`, left to right (spans of two may share a token: "14 August-24")."""
        text = doc.text if text is None else text
        if not len(doc):
            return []
        blocked = [(m.start(), m.end()) for m in self.names_rx.finditer(text)] if self.names_rx else []
        # Only a run of grammar words that ends in a key word (a month, a unit, a digit, "now")
        # can hold an expression; its words are the places to try the patterns at.
        arr = doc.to_array([LOWER, PREFIX, IDX])
        lows, pres, idxs = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()
        key_h, voc_h, digit_h = self._key_h, self._voc_h, self._digit_h
        cand: set[int] = set()
        for i, (low, pre) in enumerate(zip(lows, pres)):
            if low in key_h or pre in digit_h:
                cand.add(idxs[i])
                j = i - 1
                while j >= 0 and i - j <= 6 and (lows[j] in voc_h or pres[j] in digit_h):
                    cand.add(idxs[j])
                    j -= 1
        for m in DIGITS_INSIDE.finditer(text):  # "mid-2007", "August-24"
            cand.add(m.start())
            i = bisect.bisect_right(idxs, m.start()) - 1
            cand.add(idxs[i])
        frames: list[Frame] = []
        end = 0
        for s in sorted(cand):
            if s < end:
                continue
            best = self._best(doc, text, s, blocked)
            if best is None:
                continue
            new, mend = best
            frames.extend(new)
            end = mend
        return frames

    def _best(self, doc: Doc, text: str, s: int, blocked, inner: bool = False):
        """The longest pattern match at character `s` that passes its checks: (frames, match end)."""
        if self.finder.match(text, s) is None:
            return None
        options = []
        for k, p in enumerate(self.patterns):
            mm = p.rx.match(text, s)
            if mm is not None and mm.end() > s:
                options.append((mm.end() - s, -k, p, mm))
        options.sort(key=lambda o: (o[0], o[1]), reverse=True)
        for _, _, p, mm in options:
            if p.kind == "range":
                f = p.build(mm)
                if f is None:
                    continue
                out = []
                for g in ("r1", "r2"):
                    span = doc.char_span(*mm.span(g), alignment_mode="expand")
                    if span is None:
                        break
                    out.append(Frame(span.start_char, span.end_char, "date", "DATE", f[g], p.name, *mm.span(g)))
                if len(out) == 2 and not any(bs < mm.end() and s < be for bs, be in blocked):
                    return out, mm.end()
                continue
            frame = self._frame(doc, p, mm, blocked)
            if frame is None:
                continue
            if not inner and "span" in p.rx.groupindex and mm.start("span") > s:
                # a context pattern ("in <the past>"): a longer expression may start at its span
                other = self._best(doc, text, mm.start("span"), blocked, inner=True)
                if other is not None and other[1] > mm.end():
                    return other
            return [frame], mm.end()
        return None

    def _frame(self, doc: Doc, p: Pattern, mm: re.Match, blocked) -> Frame | None:
        s, e = mm.span("span") if "span" in p.rx.groupindex and mm.group("span") else mm.span()
        if any(bs < e and s < be for bs, be in blocked):
            return None
        f = p.build(mm)
        if f is None:
            return None
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        if not self._check(doc, span, p, mm, f):
            return None
        kind, type_ = p.kind, p.type
        if kind == "rel":
            kind = f.pop("rule")
            if kind == "dur" and f.get("n") == 1 and re.match(r"(?i)an?\s", mm.group(0)) and span.start > 0:
                prev = doc[span.start - 1]
                if prev.like_num or prev.tag_ in ("CD", "NNS") or prev.lower_ in ("%", "percent"):
                    kind, type_ = "set", "SET"  # "$5 billion a year", "20,000 barrels a day"
        if kind == "weekday" and f.get("n") == "S":
            type_ = "SET"
        elif kind == "weekday" and f.get("p"):
            type_ = "TIME"
        elif kind == "date" and ("hh" in f or "p" in f):
            type_ = "TIME"
        return Frame(span.start_char, span.end_char, kind, type_, f, p.name, s, e)

    def _check(self, doc: Doc, span, p: Pattern, mm: re.Match, f: dict) -> bool:
        check = p.check
        if not check:
            return True
        first, last = span[0], span[-1]
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        has_mod = bool(mm.groupdict().get("mod"))
        if check == "month":
            tok = next((t for t in span if t.lower_.rstrip(".") in self.lex.months), last)
            if tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX"):
                return False
            if self._in_name(doc, tok, span) and not has_mod and (prev is None or prev.lower_ not in MONTH_BEFORE):
                return False
            if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and not has_mod and (
                    prev is None or prev.lower_ not in MONTH_BEFORE) and nxt.lower_ not in self.lex.months:
                return False  # "June Carter", "April Ryan"
            if tok.lower_ in ("may", "march") and not has_mod:
                return prev is not None and prev.lower_ in MONTH_BEFORE
            return True
        if check in ("md", "dm"):
            tok = next((t for t in span if t.lower_.rstrip(".") in self.lex.months), None)
            if tok is not None and (tok.tag_ == "MD" or (tok.lower_ == "may" and tok.pos_ in ("VERB", "AUX"))):
                return False  # "they may 2 ..." cannot happen often; "the 2 May" is fine
            return True
        if check == "ordinal":
            return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.lower_ in self.lex.months
        if check == "decade":
            if "dd" in f and not re.search(r"['’]|(?i:\bthe\b)", mm.group(0)):
                return False
            return not (prev is not None and prev.tag_ == "PRP$")  # "in their 60s"
        if check == "year":
            return self._year_ok(doc, span, prev, nxt, has_mod, f)
        if check == "apos":
            return not (nxt is not None and nxt.lower_ in ("s",))
        if check == "weekday":
            tok = span[0]
            if self._in_name(doc, tok, span):
                return False
            return tok.pos_ not in ("VERB",)
        if check == "season":
            tok = next((t for t in span if t.lower_ in self.lex.seasons), last)
            if tok.pos_ in ("VERB", "AUX", "ADJ") and tok.lower_ in ("spring", "fall"):
                return False
            if nxt is not None and nxt.lower_ == "of":
                return False  # "the fall of Saigon", "the summer of discontent"
            if tok.lower_ == "fall" and not (span[0].lower_ == "the" or has_mod or
                                             (prev is not None and prev.lower_ in ("this", "last", "next"))):
                return False
            if tok.is_title and tok.i > tok.sent.start and not has_mod and span[0].i == tok.i and (
                    prev is None or prev.lower_ not in SEASON_BEFORE):
                return False  # "Spring" inside a name: "the Chinese Winter Offensive"
            return True
        if check == "clock":
            # "3:16" as a scripture or score; a bare h:mm needs a time-like neighbour
            return bool(re.search(r"(?i)hrs|hours|h\b|gmt|utc|time|zulu", mm.group(0))) or \
                (prev is not None and prev.lower_ in ("at", "by", "until", "from", "to", "before", "after", "around",
                                                      "about", "till", "since"))
        if check.startswith("rel:"):
            return self._rel_ok(doc, span, prev, nxt, mm, f)
        return True

    @staticmethod
    def _in_name(doc: Doc, tok, span) -> bool:
        """The token is part of a longer name (a person, an organisation, a title)."""
        if tok.ent_type_ not in ("PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "EVENT", "GPE", "NORP"):
            return False
        i = tok.i
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        j = tok.i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        return i < span.start or j > span.end

    def _year_ok(self, doc: Doc, span, prev, nxt, has_mod: bool, f: dict) -> bool:
        if f.get("era"):
            return True
        tok = next((t for t in span if t.like_num and len(t.text) == 4), span[-1])
        if prev is not None and prev.text in self.lex.year_before:
            return False
        if prev is not None and span[0].i == tok.i:
            two = doc[prev.i - 1].lower_ + " " + prev.lower_ if prev.i > 0 else ""
            if two in self.lex.year_before:
                return False
        if nxt is not None and (nxt.text in self.lex.year_after or
                                (nxt.i + 1 < len(doc) and nxt.lower_ + " " + doc[nxt.i + 1].lower_ in self.lex.year_after)):
            return False
        if has_mod or span[0].lower_ == "the":
            return True
        head = tok.head
        determined = prev is not None and (prev.lower_ in YEAR_DETERMINERS or prev.tag_ == "PRP$" or
                                           (prev.pos_ == "ADP" and prev.lower_ not in ("of", "than", "about")))
        if tok.dep_ == "nummod" and head.tag_ in PLURAL_COUNTED and head.i > tok.i and not determined:
            return False  # "1500 troops", but "the 2015 elections"
        if nxt is not None and nxt.tag_ in PLURAL_COUNTED and nxt.pos_ == "NOUN" and not determined:
            return False
        return True

    def _rel_ok(self, doc: Doc, span, prev, nxt, mm: re.Match, f: dict) -> bool:
        low = span.text.lower()
        last = span[-1]
        if last.lower_ in ("before", "after", "following", "prior") and (
                any(c.dep_ in ("pobj", "pcomp") for c in last.children) or (nxt is not None and (
                    nxt.tag_ == "VBG" if span[0].lower_ == "the" else
                    nxt.pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ", "VERB")))):
            # "two days before the vote": an event-anchored duration, not a date; "over the
            # weekend after crossing the border": the weekend, then a clause
            return False
        if low in ("now",):
            if nxt is not None and nxt.text == "-" or (prev is not None and prev.text == "-"):
                return False  # "now-defunct"
            return True
        if low == "recent":
            return span[0].pos_ == "ADJ" or span[0].tag_ == "JJ"
        if low in ("daily", "weekly", "monthly", "yearly", "nightly", "hourly"):
            return span[0].pos_ in ("ADV", "ADJ")
        return True
