"""`tidings_events`: PLOVER events with actors, recipients, place, date and trigger words.

Triggers come from `data/triggers.tsv` (verbs and nouns) and `data/light_verbs.txt` ("held
talks", "launched an incursion"). Arguments come from the dependency parse: subjects (with
conjuncts, and inherited by controlled verbs: "pledged to support"), passive agents,
objects and prepositions named per trigger, possessors and "between X and Y" for nouns.
Participants are coded through the actors stage (country or PLOVER code, sector). Status
is left `asserted` here; the status stage decides it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import times
from .actors import entity_by_id, phrase_of, resolve, token_entities
from .lexicons import split, table, words
from .model import Entity, Event, Participant

TRIGGER_COLUMNS = ("trigger", "pos", "event", "mode", "object", "recipient")
ACTOR_KINDS = frozenset({"PERSON", "ORG", "COUNTRY", "GROUP", "LOCATION"})
PLACE_PREPS = frozenset({"in", "into", "at", "near", "inside", "outside", "across"})
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "ASSAULT"})


@dataclass(frozen=True)
class Trigger:
    lemma: str
    particle: str | None
    pos: str
    event: str
    mode: str | None
    objects: frozenset[str]
    recipient: tuple[str, ...]


@functools.lru_cache(maxsize=None)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in table("triggers.tsv", TRIGGER_COLUMNS):
        parts = row["trigger"].split()
        t = Trigger(parts[0], " ".join(parts[1:]) or None, row["pos"], row["event"], row["mode"] or None,
                    frozenset(split(row["object"])), tuple(split(row["recipient"])))
        out.setdefault((parts[0], row["pos"]), []).append(t)
    return out


@functools.lru_cache(maxsize=None)
def contexts() -> dict[str, str]:
    return {r["word"]: r["context"] for r in table("contexts.tsv", ("word", "context")) if r["context"]}


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def match_trigger(tok: Token) -> Trigger | None:
    """The lexicon row that makes `tok` an event trigger, if any."""
    if tok.pos_ in ("VERB",) or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
        rows = triggers().get((_lemma(tok), "VERB"), [])
        for t in rows:
            if t.particle is not None:
                if not any(c.dep_ in ("prt", "prep") and c.lower_ == t.particle for c in tok.children):
                    continue
            elif any(r.particle is not None and any(c.dep_ == "prt" and c.lower_ == r.particle for c in tok.children)
                     for r in rows):
                continue
            if t.objects and not _has_object(tok, t.objects):
                continue
            return t
    elif tok.pos_ in ("NOUN", "PROPN"):
        for key in (tok.lower_, _lemma(tok)):
            for t in triggers().get((key, "NOUN"), []):
                if t.objects and not any(_lemma(c) in t.objects or c.lower_ in t.objects for c in tok.children
                                         if c.dep_ in ("compound", "amod", "nmod")):
                    continue
                return t
    return None


def _has_object(tok: Token, objects: frozenset[str]) -> bool:
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and (_lemma(c) in objects or c.lower_ in objects):
            return True
        if c.dep_ == "prep" and c.lower_ in objects:  # "charged with"
            return True
        if c.dep_ == "dobj":
            for g in c.children:
                if g.dep_ == "conj" and _lemma(g) in objects:
                    return True
    return False


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _subject(tok: Token) -> list[Token]:
    """Subjects of a verb; controlled and coordinated verbs inherit their governor's."""
    for c in tok.children:
        if c.dep_ in ("nsubj",):
            if c.lower_ in ("that", "which", "who") and tok.dep_ == "relcl":
                return _conjuncts(tok.head)
            return _conjuncts(c)
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return _conjuncts(objs[0])
    if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head is not tok:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
            return []
        return _subject(tok.head)
    if tok.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in tok.children):
        return _conjuncts(tok.head) if tok.head.pos_ in ("NOUN", "PROPN") else []
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        return _conjuncts(tok.head)
    return []


def _fallback_subject(doc: Doc, tok: Token, tokmap: dict[int, str], ents: dict[str, Entity]) -> list[Token]:
    """For a broken parse: the nearest actor mention before the verb in its clause."""
    i = tok.i - 1
    while i >= tok.sent.start:
        t = doc[i]
        if t.pos_ == "VERB" or t.text in (";", ":"):
            return []
        eid = tokmap.get(i)
        if eid and ents[eid].kind in ACTOR_KINDS and t.dep_ not in ("pobj",) or \
                (eid and t.dep_ == "conj" and ents[eid].kind in ACTOR_KINDS):
            group = [t]
            head = t
            while head.dep_ == "conj" and tokmap.get(head.head.i) and ents[tokmap[head.head.i]].kind in ACTOR_KINDS:
                head = head.head
                group.insert(0, head)
            return group
        i -= 1
    return []


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for p in preps:
        if p == "dobj":
            out += [c for c in tok.children if c.dep_ == "dobj"]
        elif p == "dative":
            out += [c for c in tok.children if c.dep_ in ("dative", "iobj")]
        elif p in ("host", "between"):
            continue
        else:
            for c in tok.children:
                if c.dep_ in ("prep", "agent", "dative") and c.lower_ == p:
                    out += [g for g in c.children if g.dep_ == "pobj"]
        if out:
            break
    return [x for o in out for x in _conjuncts(o)]


def _between(tok: Token) -> list[Token]:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return _conjuncts(objs[0])
    return []


def _participants(doc: Doc, tokens: list[Token], tokmap, ents) -> list[Participant]:
    out: list[Participant] = []
    seen: set[str] = set()
    for t in tokens:
        eid = resolve(doc, t)
        ent = ents.get(eid) if eid else None
        if ent is None:
            # "its allies", "the two sides": kept only when nothing better names the side
            continue
        if ent.kind not in ACTOR_KINDS or (ent.kind == "LOCATION" and not ent.country):
            continue
        if eid in seen:
            continue
        seen.add(eid)
        code = ent.country
        out.append(Participant(entity=eid, code=code, sector=ent.sector, text=phrase_of(doc, t).text))
    return out


def _is_reciprocal(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ in ("dobj", "pobj") and c.lower_ in ("other", "another"):
            if any(g.lower_ in ("each", "one") for g in c.children) or c.nbor(-1).lower_ in ("each", "one"):
                return True
        if c.dep_ == "prep":
            for g in c.children:
                if g.lower_ in ("other", "another") and g.nbor(-1).lower_ in ("each", "one"):
                    return True
    return False


def _place(doc: Doc, heads: list[Token], tokmap, ents, actor_codes: set[str]) -> dict | None:
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    eid = tokmap.get(g.i)
                    ent = ents.get(eid) if eid else None
                    if ent is None or ent.kind not in ("LOCATION", "COUNTRY"):
                        continue
                    geo = ent.geo or {}
                    name = next((m.text for m in ent.mentions if m.start <= g.i < m.end), ent.name)
                    return {"extracted_place": name, "resolved_place": geo.get("name") or ent.name,
                            "country_code": ent.country or geo.get("country_code"),
                            "geonameid": geo.get("geonameid"), "lat": geo.get("lat"), "lon": geo.get("lon")}
    return None


def _context(sent: Span) -> list[str]:
    table_ = contexts()
    out: list[str] = []
    for t in sent:
        c = table_.get(_lemma(t)) or table_.get(t.lower_)
        if c and c not in out:
            out.append(c)
    return out


def find_events(doc: Doc) -> list[Event]:
    tokmap = token_entities(doc)
    ents = entity_by_id(doc)
    light = words("light_verbs.txt")
    consumed: set[int] = set()
    events: list[Event] = []

    candidates: list[tuple[Token, Token, Trigger]] = []  # (clause head, trigger noun/verb, row)
    for tok in doc:
        if tok.i in consumed:
            continue
        # Light verb + trigger noun: "held talks", "launched an incursion", "imposed sanctions".
        if tok.pos_ == "VERB" and _lemma(tok) in light:
            for c in tok.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    row = match_trigger(c)
                    if row is not None and row.pos == "NOUN":
                        candidates.append((tok, c, row))
                        consumed.add(c.i)
                        break
            if candidates and candidates[-1][0] is tok:
                continue
        row = match_trigger(tok)
        if row is None:
            continue
        if tok.i in tokmap and ents[tokmap[tok.i]].kind in ("TREATY", "ORG", "PERSON"):
            continue  # inside a name: "the Strategic Partnership Treaty", "Defense Ministry"
        candidates.append((tok, tok, row))

    for verb, noun, row in candidates:
        if noun.i in consumed and verb is noun:
            continue
        if row.event == "REJECT" and _not_said(verb):
            continue  # "neither confirmed nor denied": declining to deny is no rejection
        is_noun = verb is noun and row.pos == "NOUN"
        recips_tok: list[Token] = []
        reciprocal = False
        if is_noun:
            actors_tok = [c for c in noun.children if c.dep_ == "poss"]
            actors_tok += _prep_objects(noun, ("by",))
            actors_tok += [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod") and c.i in tokmap]
            actors_tok = [x for a in actors_tok for x in _conjuncts(a)]
            between = _between(noun)
            if between:
                actors_tok += between
                reciprocal = True
        else:
            actors_tok = _subject(verb)
            if not actors_tok:
                actors_tok = _fallback_subject(doc, verb, tokmap, ents)
        if "host" in row.recipient:
            recips_tok = _prep_objects(noun, ("dobj",))
            actors_tok, recips_tok = recips_tok, actors_tok
        else:
            recips_tok = _prep_objects(noun, row.recipient)
            if verb is not noun and not recips_tok:
                recips_tok = _prep_objects(verb, tuple(p for p in row.recipient if p not in ("dobj",)))
        reciprocal = reciprocal or _is_reciprocal(noun) or (verb is not noun and _is_reciprocal(verb))
        actor = _participants(doc, actors_tok, tokmap, ents)
        recipient = _participants(doc, recips_tok, tokmap, ents)
        if reciprocal or (not recipient and len({p.code for p in actor}) > 1 and row.event in RECIPROCAL_TYPES
                          and not is_noun):
            recipient = list(reversed(actor))
        if not actor and not recipient:
            continue
        if verb is noun:
            trigger = doc[noun.i:noun.i + 1]
            if row.particle:
                prt = next((c for c in noun.children if c.lower_ == row.particle), None)
                if prt is not None and prt.i > noun.i:
                    trigger = doc[noun.i:prt.i + 1]
        else:
            lo, hi = min(verb.i, noun.i), max(verb.i, noun.i)
            trigger = doc[lo:hi + 1] if hi - lo <= 4 else doc[noun.i:noun.i + 1]
        codes = {p.code for p in actor + recipient if p.code}
        place = _place(doc, [noun] + ([verb] if verb is not noun else []), tokmap, ents, codes)
        date, gran, basis = times.event_date(doc, trigger)
        confidence = 0.5 + 0.2 * bool(actor) + 0.2 * bool(recipient) - 0.1 * is_noun
        events.append(Event(id="", event=row.event, trigger=trigger, head=verb.i, mode=row.mode,
                            context=_context(verb.sent), actor=actor, recipient=recipient, date=date,
                            date_granularity=gran, date_basis=basis, event_loc=place, confidence=confidence,
                            rule=f"triggers.tsv:{row.lemma}{' ' + row.particle if row.particle else ''}/{row.pos}"))
    events.sort(key=lambda v: v.trigger.start)
    for n, v in enumerate(events, 1):
        v.id = f"v{n}"
    return events


def _not_said(tok: Token) -> bool:
    """A verb negated outright or by "neither ... nor"."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if any(c.lower_ in ("neither", "nor") for c in tok.children):
        return True
    if tok.dep_ == "conj" and any(c.lower_ == "neither" for c in tok.head.children):
        return True
    return tok.dep_ == "conj" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "nor"


class EventFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc)
        return doc


@Language.factory("tidings_events", assigns=["doc._.events"], requires=["doc._.entities", "doc.spans"])
def make_events(nlp: Language, name: str):
    return EventFinder()
