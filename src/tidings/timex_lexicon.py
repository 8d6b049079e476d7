"""The words of the time grammar, read once from `data/time_*.tsv`.

`lexicon()` returns one `Lexicon`: word -> value maps per class (months, weekdays, seasons,
parts of day, units, numbers, ordinals), the regular-expression alternations built from them,
holidays, negative phrases and tense cues. Nothing here depends on spaCy.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .lexicons import table

#: TIMEX3 unit codes -> granularity names used in the record.
UNIT_NAMES = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century",
              "Q": "quarter", "WE": "weekend", "H": "hour", "MIN": "minute", "S": "second",
              "2W": "week"}


def alt(words, flags: str = "") -> str:
    """A non-capturing alternation of `words`, longest first, each escaped."""
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@dataclass
class Lexicon:
    months: dict[str, int] = field(default_factory=dict)  # lower-case name or abbreviation -> 1..12
    month_full: list[str] = field(default_factory=list)
    month_abbr: list[str] = field(default_factory=list)
    weekdays: dict[str, int] = field(default_factory=dict)  # lower-case -> 1..7
    seasons: dict[str, str] = field(default_factory=dict)
    pods: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # singular lower-case -> code
    numbers: dict[str, object] = field(default_factory=dict)  # lower-case -> int or "X"
    ordinals: dict[str, int] = field(default_factory=dict)
    holidays: dict[str, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # phrases that are never times
    year_before: frozenset[str] = frozenset()
    year_after: frozenset[str] = frozenset()
    tense: dict[str, dict[str, str]] = field(default_factory=dict)  # role -> {word: tense}

    # regex alternations (built in `lexicon()`)
    MONTH: str = ""  # full names, Title or UPPER case
    MONTH_ABBR: str = ""  # abbreviations with optional full stop, or full names
    WEEKDAY: str = ""
    SEASON: str = ""
    POD: str = ""
    UNIT1: str = ""
    UNITS: str = ""
    UNIT: str = ""
    NUM: str = ""
    ORD: str = ""

    def unit_code(self, word: str) -> str | None:
        w = word.lower().replace("-", "")
        if w in self.units:
            return self.units[w]
        for sing in (w[:-1], w[:-2], w[:-3] + "y"):
            if sing in self.units and (w.endswith("s") or w.endswith("ies")):
                return self.units[sing]
        return None

    def number(self, text: str) -> object | None:
        """The value of a cardinal as written: 3, "three", "twenty-five", "a few" (-> "X"), "2.5"."""
        t = re.sub(r"\s+", " ", text.lower().strip())
        t = re.sub(r"^(?:about|around|some|nearly|almost|more than|less than|at least|over|under|"
                   r"roughly|approximately|only|just|barely|fewer than|up to|close to) ", "", t)
        if re.fullmatch(r"\d+(?:\.\d+)?", t):
            return float(t) if "." in t else int(t)
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
            return int(t.replace(",", ""))
        if t in self.numbers:
            return self.numbers[t]
        m = re.fullmatch(r"(\w+)[- ](\w+)", t)
        if m and isinstance(self.numbers.get(m.group(1)), int) and isinstance(self.numbers.get(m.group(2)), int):
            a, b = self.numbers[m.group(1)], self.numbers[m.group(2)]
            if a >= 20 and a % 10 == 0 and 0 < b < 10:
                return a + b
        m = re.fullmatch(r"(.+?) and a half", t)
        if m:
            n = self.number(m.group(1))
            if isinstance(n, int):
                return n + 0.5
        return None


def _num_words(lex: Lexicon) -> str:
    words = [w for w in lex.numbers]
    small = [w for w, v in lex.numbers.items() if isinstance(v, int) and 0 < v < 10]
    tens = [w for w, v in lex.numbers.items() if isinstance(v, int) and v >= 20 and v % 10 == 0 and v < 100]
    compound = f"{alt(tens)}[- ]{alt(small)}"
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    half = f"(?:{alt(words)}|\\d+)\\s+and\\s+a\\s+half"
    approx = (r"(?:(?:about|around|some|nearly|almost|more\s+than|less\s+than|at\s+least|over|under|roughly|"
              r"approximately|only|just|barely|fewer\s+than|up\s+to|close\s+to)\s+)?")
    return f"{approx}(?:{half}|{compound}|{digits}|{alt(words)})"


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for row in table("time_lexicon.tsv", ("class", "word", "value")):
        cls, word, value = row["class"], row["word"], row["value"]
        low = word.lower()
        if cls == "month":
            lex.months[low] = int(value)
            lex.month_full.append(word)
        elif cls == "month_abbr":
            lex.months[low] = int(value)
            lex.month_abbr.append(word)
        elif cls == "weekday":
            lex.weekdays[low] = int(value)
        elif cls == "season":
            lex.seasons[low] = value
        elif cls == "pod":
            lex.pods[low] = value
        elif cls == "unit":
            lex.units[low] = value
        elif cls == "number":
            lex.numbers[low] = value if value == "X" else int(value)
        elif cls == "ordinal":
            lex.ordinals[low] = int(value)
    for row in table("time_holidays.tsv", ("name", "rule")):
        lex.holidays[row["name"]] = row["rule"]
    before, after = set(), set()
    for row in table("time_negative.tsv", ("phrase", "class")):
        if row["class"] == "name":
            lex.names.append(row["phrase"])
        elif row["class"] == "year_before":
            before.add(row["phrase"])
        elif row["class"] == "year_after":
            after.add(row["phrase"])
    lex.year_before, lex.year_after = frozenset(before), frozenset(after)
    for row in table("time_tense.tsv", ("word", "role", "tense")):
        lex.tense.setdefault(row["role"], {})[row["word"]] = row["tense"]

    def cased(words):
        return [v for w in words for v in (w, w.upper())]

    lex.MONTH = alt(cased(lex.month_full))
    lex.MONTH_ABBR = f"(?:{alt(cased(lex.month_full))}|{alt(cased(lex.month_abbr))}\\.?)"
    lex.WEEKDAY = alt(cased([w.capitalize() for w in lex.weekdays]))
    lex.SEASON = alt(lex.seasons, "i")
    lex.POD = alt(lex.pods, "i")
    singular = [u for u in lex.units if u != "second"]
    plural = [("centuries" if u == "century" else u + "s") for u in lex.units]
    lex.UNIT1 = alt(singular, "i")
    lex.UNITS = alt(plural, "i")
    lex.UNIT = f"(?:{lex.UNITS}|{lex.UNIT1})"
    lex.NUM = f"(?i:{_num_words(lex)})"
    lex.ORD = f"(?i:{alt(lex.ordinals)}|\\d{{1,2}}(?:st|nd|rd|th))"
    return lex
