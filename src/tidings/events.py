"""`tidings_events`: PLOVER events with actors, recipients, place, date and trigger words.

How an event is found:

1. Triggers (`triggers.py`, `data/triggers.tsv`): verbs ("attacked"), nouns ("the incursion")
   and nouns under a light verb (`data/light_verbs.txt`: "held talks", "imposed a curfew").
2. Frames (`data/frames.tsv`): a verb that frames another event shapes it. "threatened to
   shell", "agreed to withdraw", "refused to lift", "demanded the withdrawal of" make one
   THREATEN / AGREE / REJECT / REQUEST event that absorbs the framed act; "lifted the curfew"
   and "suspended aid" shift the type (CONCEDE, SANCTION); future or intended cooperation
   ("will support", "is ready to contribute") is AGREE, intended force THREATEN
   (`data/type_shifts.tsv`, after the PLOVER manual). "Y must do Z" said by X is a REQUEST.
3. Arguments (`arguments.py`): subjects (inherited by controlled and coordinated verbs),
   passive agents, objects, prepositional recipients per trigger, possessors and modifiers
   of nominal events ("Ukraine's incursion", "the Putin-Kim meeting"), "between X and Y".
4. Codes: participants through the actors stage (country or PLOVER code, sector); a place
   from "in/at/near PLACE" (`places.py`).

Status is left `asserted`; the status stage decides it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import times
from .actors import COUNTRY_TOKENS, entity_by_id, phrase_of, resolve, token_entities
from .arguments import between, conjuncts, dative, is_passive, negated, patient, prep_objects, subject
from .lexicons import table, words
from .model import Entity, Event, Participant
from .places import find_place
from .triggers import Trigger, lemma, light_ok, match_trigger, noun_rows, roles_of, shift, verb_like

__all__ = ["find_events", "match_trigger", "Trigger"]

ACTOR_KINDS = frozenset({"PERSON", "ORG", "COUNTRY", "GROUP", "LOCATION"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "ASSAULT"})
MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
GOVERNOR_TYPES = {"agree": "AGREE", "threaten": "THREATEN", "refuse": "REJECT", "request": "REQUEST",
                  "command": "REQUEST"}
#: Modes of REQUEST and REJECT by what is asked for or refused (the PLOVER manual's shared modes).
ASK_MODES = {"CONSULT": "meet", "AGREE": "meet", "SUPPORT": "assist", "COOPERATE": "assist", "AID": "assist",
             "CONCEDE": "yield", "RETREAT": "yield"}
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
NOUN_GOVERNOR_DEPS = ("dobj", "pobj", "nsubjpass", "attr")
#: Prepositions through which a verb frames a noun event ("agreed to a ceasefire", "called for
#: sanctions"); "after the attack", "during the talks" frame nothing.
GOVERNING_PREPS = frozenset({"to", "for", "on", "upon", "against", "into", "of"})
#: Prepositions inside a noun phrase that lead to the actor it is about ("a camp for Congolese
#: refugees", "an admission by Moscow", "a truce with Moslem forces", "a ban by General Aoun").
NP_PREPS = ("of", "by", "for", "from", "with", "against", "to", "on", "in", "near", "at", "inside", "throughout")
CLAUSE_DEPS = ("xcomp", "ccomp", "conj")
LIGHT_NOUN_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
LIGHT_PREPS = frozenset({"on", "under", "into", "in", "to"})


@dataclass
class _Cand:
    word: Token  # the trigger word (verb, noun or adjective)
    row: Trigger
    light: Token | None = None  # the light or ending verb a noun trigger stands under
    event: str = ""
    mode: str | None = None
    governor: Token | None = None  # a framing verb this event was made from ("threatened")
    role: str | None = None
    absorbed: list["_Cand"] = field(default_factory=list)
    dropped: bool = False
    np: Token | None = None  # the object noun a light verb governs when the trigger is its modifier
    say: Token | None = None  # the speech verb of a "must" request

    @property
    def head(self) -> Token:
        """The token whose clause the event stands in (for status and dates)."""
        return self.governor or self.light or self.word


# ---- lexicon helpers -----------------------------------------------------------------------

def _inanimate() -> frozenset[str]:
    return words("inanimate_causes.txt")


@functools.lru_cache(maxsize=None)
def contexts() -> dict[str, str]:
    """Lemma -> PLOVER context (`data/contexts.tsv`)."""
    return {r["word"]: r["context"] for r in table("contexts.tsv", ("word", "context")) if r["context"]}


def _in_name(tok: Token, tokmap: dict[int, str], ents: dict[str, Entity]) -> bool:
    eid = tokmap.get(tok.i)
    return bool(eid) and ents[eid].kind in ("TREATY", "ORG", "PERSON") and \
        any(m.start <= tok.i < m.end for m in ents[eid].mentions)


# ---- 1. triggers -----------------------------------------------------------------------------

def _light_noun(verb: Token, consumed: set[int], preps: bool = True) -> tuple[Token, Trigger, Token] | None:
    """(event noun, its row, the object noun) a light or ending verb governs ("held talks",
    "went on strike", "a state of emergency", "undertook a mediation mission", "suspended part
    of a military aid program")."""
    cands = [c for c in verb.children if c.dep_ in LIGHT_NOUN_DEPS]
    if preps:
        cands += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in LIGHT_PREPS
                  for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        cands.append(verb.head)  # "the curfew imposed in Sudan"
    for n in cands:
        for x in conjuncts(n):
            if x.pos_ not in ("NOUN", "PROPN") or x.i in consumed:
                continue
            row = next((r for r in noun_rows(x) if light_ok(r, verb)), None)
            if row is not None:
                return x, row, x
            inner = [g for p in x.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"]
            inner += [c for c in x.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            inner += [c for g in list(inner) for c in g.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            for g in inner:
                if g.pos_ not in ("NOUN", "PROPN") or g.i in consumed:
                    continue
                row = next((r for r in noun_rows(g) if light_ok(r, verb)), None)
                if row is not None:
                    return g, row, x
    return None


def _candidates(doc: Doc, tokmap, ents) -> list[_Cand]:
    out: list[_Cand] = []
    consumed: set[int] = set()
    for tok in doc:
        if tok.i in consumed or tok.is_punct or tok.is_space:
            continue
        if verb_like(tok) or tok.pos_ == "ADJ":
            roles = roles_of(tok)
            if "evaluate" in roles and _judgement(tok) is not None:
                continue  # "called the expulsions unacceptable": an evaluation, see _evaluations
            if roles & {"light", "end", "cancel"}:
                found = _light_noun(tok, consumed, preps="light" in roles)
                if found is not None:
                    noun, row, np_ = found
                    kind = "cancel" if "cancel" in roles else "end" if "end" in roles else None
                    c = _Cand(noun, row, light=tok, event=row.event, mode=row.mode, np=np_)
                    if kind is not None:
                        c.role = kind
                    out.append(c)
                    consumed.add(noun.i)
                    continue
            row = match_trigger(tok)
            if row is not None and not _in_name(tok, tokmap, ents):
                if row.event == "REJECT" and _not_said(tok):
                    continue  # "neither confirmed nor denied": declining to deny is no rejection
                if row.event == "REJECT" and any(c.dep_ in ("xcomp", "ccomp") and _silence(c) for c in tok.children):
                    continue  # "declined to comment"
                out.append(_Cand(tok, row, event=row.event, mode=row.mode))
            continue
        if tok.pos_ in ("NOUN", "PROPN"):
            row = next((r for r in noun_rows(tok) if "light" not in r.needs and light_ok(r, None)), None)
            if row is None or _in_name(tok, tokmap, ents):
                continue
            if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and \
                    match_trigger(tok.head) is None:
                continue  # "attack ads", "protest songs", "strike price"
            out.append(_Cand(tok, row, event=row.event, mode=row.mode))
    return out


def _silence(verb: Token) -> bool:
    """ "to comment", "to elaborate", "to respond" with no one to respond to: declining these is
    no rejection."""
    if "silence" not in roles_of(verb):
        return False
    if lemma(verb) in ("respond", "answer", "confirm"):
        return not any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children)
    return True


def _not_said(tok: Token) -> bool:
    """A verb negated outright or by "neither ... nor"."""
    if any(c.dep_ == "neg" or c.lower_ in ("neither", "nor") for c in tok.children):
        return True
    if tok.dep_ == "conj" and any(c.lower_ == "neither" for c in tok.head.children):
        return True
    return tok.dep_ == "conj" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "nor"


# ---- 2. frames ---------------------------------------------------------------------------------

def _future(tok: Token) -> bool:
    """Will, would, is going to, is to; or may/might/could on a conditional clause ("may halt
    mediation if cooperation founders")."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX or a.lemma_.lower() == "will" for a in aux):
        return True
    if any(a.lower_ in ("may", "might", "could", "can") for a in aux) and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
            for c in tok.children):
        return True
    if tok.dep_ == "xcomp" and any(a.lower_ == "to" for a in aux):
        h = tok.head
        if h.lower_ == "going" or (h.lemma_ == "be" and h.pos_ == "AUX"):
            return True  # "is going to attack", "is to visit"
    return False


def _mandative(t: Token) -> bool:
    """A that-clause that asks for something: "demanded that troops withdraw / should withdraw"."""
    return t.tag_ == "VB" or any(a.dep_ == "aux" and a.lower_ in ("should", "must") for a in t.children)


def _governor(c: _Cand) -> tuple[Token | None, str | None, bool, bool]:
    """(framing token, its role, intended?, negated?) for a candidate: walks up from the clause
    of the trigger through "to"-clauses, "that"-clauses and object nouns."""
    t = c.light or c.word
    intent = _future(t) or (c.light is not None and _future(c.word))
    neg = negated(t)
    steps = 0
    while steps < 6 and t.head is not t:
        steps += 1
        dep = t.dep_
        g = t.head
        if dep in ("pobj", "pcomp") and g.dep_ == "prep":
            if g.lower_ not in GOVERNING_PREPS:
                break
            dep, g = "pobj", g.head
        if dep not in CLAUSE_DEPS + NOUN_GOVERNOR_DEPS + ("acl", "advcl", "pcomp", "acomp"):
            break
        to_clause = any(a.lower_ == "to" and a.dep_ == "aux" for a in t.children)
        if dep == "advcl" and not to_clause:
            break
        roles = roles_of(g)
        if dep == "conj":
            t = g
            continue
        for role in ("agree", "threaten", "refuse", "request", "command"):
            if role not in roles:
                continue
            if dep == "ccomp" and (role not in ("request", "threaten", "command") or g.i > t.i):
                continue  # "..., officials told AFP": a reporting verb after its clause frames nothing
            if dep == "ccomp" and role in ("request", "command") and not _mandative(t):
                continue  # "told reporters that Iran had seized ...": a report, not a request
            if dep == "advcl" and role in ("refuse",):
                continue
            return g, role, intent, neg or negated(g)
        if dep in ("xcomp",) and not roles & {"intent", "say"} and g.pos_ == "VERB":
            t = g  # "refused to allow X to land": climb through the controlling verbs
            intent = intent or _future(g)
            continue
        if "intent" in roles and dep in ("xcomp", "acl", "ccomp", "dobj"):
            if dep == "dobj" and c.light is None and c.word.pos_ in ("NOUN", "PROPN") and verb_like(g):
                c.light = g  # "is considering a missile strike": the considering one strikes
            intent = True
            neg = neg or negated(g) or any(negated(x) for x in g.ancestors if x.dep_ in ("ROOT",) and x is g.head)
            t = g
            continue
        if g.pos_ == "ADJ" and g.lower_ in ("able", "likely", "unlikely"):
            t = g
            continue
        if g.pos_ == "AUX" or (g.lemma_ == "be"):
            if _future(g):
                intent = True
            neg = neg or negated(g)
            t = g
            continue
        break
    return None, None, intent, neg


@functools.lru_cache(maxsize=None)
def evaluations() -> dict[str, tuple[str, str | None]]:
    return {r["word"].lower(): (r["event"], r["mode"] or None)
            for r in table("evaluations.tsv", ("word", "event", "mode"))}


def _judgement(verb: Token) -> Token | None:
    """The judging word of "called X unacceptable" / "described X as aggression"."""
    ev = evaluations()
    for c in verb.children:
        cands = []
        if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp"):
            cands = [c] + [g for g in c.children if g.dep_ in ("conj", "amod", "attr")]
        elif c.dep_ == "prep" and c.lower_ == "as":
            cands = [g for g in c.children if g.dep_ == "pobj"]
            cands += [x for g in list(cands) for x in g.children if x.dep_ in ("amod", "compound", "conj")]
        elif c.dep_ == "dobj":
            cands = [g for g in c.children if g.dep_ in ("amod", "oprd")]
        for x in cands:
            if x.lemma_.lower() in ev or x.lower_ in ev:
                return x
    return None


def _speaker_above(tok: Token) -> Token | None:
    """The verb of saying this clause is reported by ("May said it was likely that ...")."""
    t = tok
    for _ in range(6):
        if t.head is t:
            return None
        t = t.head
        if "say" in roles_of(t) and any(c.dep_ == "nsubj" for c in t.children):
            return t
    return None


def _evaluations(doc: Doc) -> list[_Cand]:
    """Judgements of an actor or its act: "called the expulsions unacceptable" (ACCUSE by the
    caller); "said the Russian state was culpable", "said Russia was behind the attack"
    (ACCUSE by the speaker of the one judged)."""
    ev = evaluations()
    out = []
    for tok in doc:
        if verb_like(tok) and "evaluate" in roles_of(tok):
            j = _judgement(tok)
            if j is not None:
                typ, mode = ev.get(j.lemma_.lower()) or ev[j.lower_]
                row = Trigger(lemma(tok), None, "VERB", typ, mode, frozenset(), frozenset(), frozenset(),
                              frozenset(), frozenset(), ("dobj",), ())
                out.append(_Cand(tok, row, event=typ, mode=mode, role="evaluate"))
            continue
        # "X was culpable / responsible / guilty", "X was behind the attack"
        low = tok.lemma_.lower()
        if low in ev and ev[low][0] == "ACCUSE" and tok.dep_ in ("acomp", "prep", "attr") and \
                tok.head.lemma_ == "be":
            cop = tok.head
            subj = [c for c in cop.children if c.dep_ == "nsubj"]
            say = _speaker_above(cop)
            if subj and say is not None and not negated(cop):
                typ, mode = ev[low]
                row = Trigger(low, None, "ADJ", typ, mode, frozenset(), frozenset(), frozenset(),
                              frozenset(), frozenset(), (), ())
                out.append(_Cand(tok, row, event=typ, mode=mode, governor=say, role="judged", say=say))
    return out


def _say_request(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """ "X said Y must do Z": a REQUEST by X to Y, absorbing the events of Y's clause."""
    out = []
    for tok in doc:
        if not verb_like(tok) and tok.pos_ != "AUX":
            continue
        if not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children):
            continue
        if tok.dep_ not in ("ccomp", "acl") or "say" not in roles_of(tok.head) or tok.head.i > tok.i:
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].lower_ in ("we", "i", "you", "it", "they") and resolve(doc, subj[0]) is None:
            continue
        row = Trigger("must", None, "VERB", "REQUEST", None, frozenset(), frozenset(), frozenset(),
                      frozenset(), frozenset(), (), ())
        say = tok.head
        if say.pos_ in ("NOUN", "PROPN"):  # "issued a stern reminder to Iraq that it must ..."
            verb = say.head if say.dep_ in ("dobj", "nsubjpass", "pobj") else None
            if verb is None or not verb_like(verb):
                continue
            say = verb
        c = _Cand(tok, row, event="REQUEST", governor=say, role="say-must", say=say)
        for other in cands:
            if other.word.i != tok.i and tok.left_edge.i <= other.word.i <= tok.right_edge.i:
                c.absorbed.append(other)
                other.dropped = True
            elif other.word.i == tok.i:
                c.absorbed.insert(0, other)
                other.dropped = True
        out.append(c)
    return out


#: Frame roles whose framed act is kept as its own event (the status stage marks it future or
#: negated); requests and commands absorb theirs.
KEEP_FRAMED = frozenset({"threaten", "agree", "refuse"})


def _apply_frames(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    by_word = {c.word.i: c for c in cands}
    by_light = {c.light.i: c for c in cands if c.light is not None}
    extra: list[_Cand] = []
    for c in cands:
        if c.role in ("end", "cancel"):
            got = shift(c.role, c.event, c.mode)
            if got is None:
                c.dropped = True
                continue
            c.event, c.mode = got[0], got[1] or (c.mode if got[0] == c.row.event else None)
    for c in sorted(cands, key=lambda x: -x.word.i):  # innermost first
        if c.dropped:
            continue
        g, role, intent, neg = _governor(c)
        if g is not None and role is not None:
            if role == "command" and _own_forces(doc, g, c):
                c.governor, c.role = g, "commanded"
                continue
            host = by_word.get(g.i) or by_light.get(g.i)
            if host is None or host is c:
                row = Trigger(g.lemma_.lower(), None, "VERB", GOVERNOR_TYPES[role], None, frozenset(), frozenset(),
                              frozenset(), frozenset(), frozenset(), ("dobj", "dative", "to", "with", "on"), ())
                host = _Cand(g, row, event=GOVERNOR_TYPES[role])
                by_word[g.i] = host
                extra.append(host)
            host.role = host.role or role
            host.absorbed.append(c)
            # A promised, threatened or refused act stays an event of its own, so that its status
            # (future, negated) is recorded beside the asserted pledge, threat or refusal.
            c.dropped = role not in KEEP_FRAMED
            if not host.mode:
                host.mode = _governed_mode(role, c)
            if role in ("agree",):
                got = shift("agree", c.event, c.mode)
                if got is not None:
                    host.event, host.mode = got[0], got[1] or host.mode
            continue
        if intent:
            got = shift("negintent" if neg else "intent", c.event, c.mode)
            if got is not None:
                c.event, c.mode = got[0], got[1] or (c.mode if got[0] == c.row.event else None)
    out = [c for c in cands + extra if not c.dropped]
    _protest_topics(out)
    return [c for c in out if not c.dropped]


def _protest_topics(cands: list[_Cand]) -> None:
    """ "began a hunger strike to demand the resignation of X": the demand is what the protest is
    about, not an event of its own (PLOVER manual, PROTEST); it gives the protest its target."""
    by_word = {c.word.i: c for c in cands}
    for c in cands:
        if c.event != "PROTEST":
            continue
        head = c.light or c.word
        for cl in head.children:
            if cl.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in cl.children):
                inner = by_word.get(cl.i)
                if inner is not None and inner.event in ("REQUEST", "PROTEST", "ACCUSE") and inner is not c:
                    inner.dropped = True
                    c.absorbed.append(inner)


def _governed_mode(role: str, inner: _Cand) -> str | None:
    if role == "threaten":
        got = shift("threaten", inner.event)
        if inner.mode in ("arrest", "expel"):
            return inner.mode
        return got[1] if got else None
    if role in ("refuse", "request", "command"):
        return ASK_MODES.get(inner.event, "change")
    return None


def _own_forces(doc: Doc, g: Token, c: _Cand) -> bool:
    """ "ordered troops to deploy": the one commanded is the commander's own armed forces."""
    ents = entity_by_id(doc)
    objs = [x for x in g.children if x.dep_ in ("dobj", "nsubj") and x.i > g.i] + subject(c.word)
    for o in objs:
        eid = resolve(doc, o)
        e = ents.get(eid) if eid else None
        if e is not None and (set(e.sectors) & {"MIL", "COP"}) and e.kind == "GROUP":
            return True
        if o.lemma_.lower() in ("troop", "force", "soldier", "police", "army", "unit", "navy", "ship", "warship"):
            return True
    return False


# ---- 3. arguments ------------------------------------------------------------------------------

class _Args:
    """Participant coding for one doc: tokens to actor/recipient entries."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.tokmap = token_entities(doc)
        self.ents = entity_by_id(doc)
        self.country_tokens: dict[int, str] = doc.user_data.get(COUNTRY_TOKENS, {})
        self.history: list[Event] = []  # events found so far, in text order
        self.country_entity: dict[str, str] = {}
        for e in self.ents.values():
            if e.kind == "COUNTRY" and e.country and e.country not in self.country_entity:
                self.country_entity[e.country] = e.id

    def np_tokens(self, tok: Token, depth: int = 0) -> list[Token]:
        """The tokens in a noun phrase that name actors: the head if it is a mention,
        otherwise its possessor, modifiers, "of/for/from/in" objects ("a camp for Congolese
        refugees", "workers of the bus company"), a level or two deep."""
        if self._eid(tok) is not None or tok.i in self.country_tokens:
            eid = self._eid(tok)
            ent = self.ents.get(eid) if eid else None
            if ent is None or ent.country or depth >= 2:
                return [tok]
            deeper = self._np_children(tok, depth)
            return deeper if any(self._code(x) for x in deeper) else [tok]
        if depth >= 2:
            return []
        return self._np_children(tok, depth)

    def _np_children(self, tok: Token, depth: int) -> list[Token]:
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in ("his", "her", "its", "their", "our", "my"):
                continue  # "his commitment to the Zambian people": the people, not himself
            if c.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
                out += [x for y in conjuncts(c) for x in self.np_tokens(y, depth + 1)]
        if not out:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in NP_PREPS:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += [x for y in conjuncts(p) for x in self.np_tokens(y, depth + 1)]
        return out

    def _eid(self, tok: Token) -> str | None:
        return resolve(self.doc, tok)

    def _code(self, tok: Token) -> str | None:
        eid = self._eid(tok)
        if eid is not None:
            e = self.ents.get(eid)
            return e.country if e else None
        return self.country_tokens.get(tok.i)

    def participants(self, tokens: list[Token]) -> list[Participant]:
        out: list[Participant] = []
        seen: set[tuple] = set()
        for t in tokens:
            for x in self.np_tokens(t):
                for p in self._code_token(x):
                    key = (p.entity, p.code)
                    if key in seen or (p.code and any(q.code == p.code and q.entity == p.entity for q in out)):
                        continue
                    seen.add(key)
                    out.append(p)
        return out

    def _speaker_of(self, tok: Token) -> str | None:
        """ "we" in a quotation: the speaker's entity (the statements stage runs first)."""
        best = None
        for st in self.doc._.statements or []:
            c = st.content
            if c.start <= tok.i < c.end and st.speaker and (best is None or len(c) < len(best.content)):
                best = st
        return best.speaker if best is not None else None

    def _code_token(self, tok: Token) -> list[Participant]:
        eid = self._eid(tok)
        if eid is None and tok.lower_ in FIRST_PERSON:
            speaker = self._speaker_of(tok)
            ent = self.ents.get(speaker) if speaker else None
            if ent is not None and ent.country:
                return [Participant(entity=ent.id, code=ent.country, sector=ent.sector, text=tok.text)]
        if eid is None:
            code = self.country_tokens.get(tok.i)
            if code is None:
                return []
            return [Participant(entity=self.country_entity.get(code), code=code, sector=None, text=tok.text)]
        ent = self.ents.get(eid)
        if ent is None or ent.kind not in ACTOR_KINDS or (ent.kind == "LOCATION" and not ent.country):
            return []
        text = phrase_of(self.doc, tok).text
        code = ent.country
        if code is None and ent.kind == "GROUP":
            code = self._possessor_country(tok)
        codes = [code]
        if ent.kind == "GROUP":
            # "Senior Hungarian and Romanian officials": one participant per country named
            mention = next((m for m in ent.mentions if m.start <= tok.i < m.end), None)
            if mention is not None:
                more = [self.country_tokens[i] for i in range(mention.start, mention.end) if i in self.country_tokens]
                codes = list(dict.fromkeys([c for c in [code, *more] if c])) or [None]
        return [Participant(entity=eid, code=c, sector=ent.sector, text=text) for c in codes]

    def _possessor_country(self, tok: Token) -> str | None:
        """ "its troops", "their forces": the country of the possessor."""
        for c in tok.children:
            if c.dep_ == "poss":
                eid = self._eid(c)
                e = self.ents.get(eid) if eid else None
                if e is not None and e.country:
                    return e.country
        return None

    def fallback_subject(self, tok: Token) -> list[Token]:
        """For a broken parse: the nearest actor mention before the verb in its clause."""
        doc = self.doc
        i = tok.i - 1
        while i >= tok.sent.start:
            t = doc[i]
            if t.pos_ == "VERB" or t.text in (";", ":") or t.lower_ in ("that", "which", "who"):
                return []
            eid = self.tokmap.get(i)
            if eid and self.ents[eid].kind in ACTOR_KINDS and (t.dep_ != "pobj" or t.dep_ == "conj"):
                group = [t]
                head = t
                while head.dep_ == "conj" and self.tokmap.get(head.head.i):
                    head = head.head
                    group.insert(0, head)
                return group
            i -= 1
        return []


def _actor_tokens(c: _Cand, args: _Args) -> list[Token]:
    w = c.word
    if c.role in ("say-must", "judged"):
        return subject(c.say)
    if c.light is not None:
        got = subject(c.light)
        if got:
            return got
        return _noun_actor_tokens(w, c.row)
    if w.pos_ in ("NOUN", "PROPN"):
        got = _noun_actor_tokens(w, c.row)
        if not got and w.dep_ == "pobj" and w.head.lower_ == "for" and w.head.head.pos_ == "VERB":
            got = subject(w.head.head)  # "returned to Geneva for talks"
        return got
    got = subject(w)
    if not got and "patient" in c.row.actor:
        got = patient(w)  # "guerrillas have been demobilized": they gave up their arms
    if got and not args.participants(got) and w.dep_ == "acl" and w.head.dep_ in ("dobj", "attr") \
            and w.head.head.pos_ == "VERB":
        got = subject(w.head.head)  # "issued a declaration demanding that ..."
    if not got and not is_passive(w):
        got = args.fallback_subject(w)
    return got


def _noun_actor_tokens(noun: Token, row: Trigger) -> list[Token]:
    spec = row.actor or ("poss", "compound", "amod", "nmod", "by")
    out: list[Token] = []
    for s in spec:
        if s in ("poss", "compound", "amod", "nmod"):
            found = [c for c in noun.children if c.dep_ == s]
            # "the Xi-Putin meeting": the first name hangs off the second
            found += [g for c in found if c.dep_ == "compound" for g in c.children
                      if g.dep_ in ("compound", "amod") and g.pos_ == "PROPN"]
            out += found
        else:
            out += prep_objects(noun, s)
    return [x for a in out for x in conjuncts(a)]


def _heads(c: _Cand) -> list[Token]:
    """The tokens a trigger's prepositional arguments may hang off: the trigger, the light
    verb and its object noun, a verb's object ("shared evidence with the U.S."), and a noun's
    "of" object ("the withdrawal of forces from Panama")."""
    w = c.word
    heads = [w] + [h for h in (c.np, c.light) if h is not None and h is not w]
    if w.pos_ in ("NOUN", "PROPN"):
        heads += [g for p in w.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj"]
    return heads


def _object_heads(c: _Cand, spec: str) -> list[Token]:
    """ "shared evidence with the U.S.", "imposed restrictions on X": a verb's object carries
    the prepositions that name the partner or target."""
    if c.light is None and c.word.pos_ not in ("NOUN", "PROPN") and spec in ("with", "to", "on", "against",
                                                                              "into", "at", "from"):
        return [o for o in c.word.children if o.dep_ == "dobj" and (spec != "from" or match_trigger(o) is None)]
    return []


def _recipient_tokens(c: _Cand, spec: str) -> list[Token]:
    w = c.word
    heads = _heads(c)
    if spec == "dobj":
        if c.light is not None or w.pos_ in ("NOUN", "PROPN"):
            return []
        return patient(w)
    if spec == "dative":
        return [x for h in heads for x in dative(h)]
    if spec == "between":
        return [x for h in heads for x in between(h)]
    if spec in ("host", "loc"):
        return []
    return [x for h in heads + _object_heads(c, spec) for x in prep_objects(h, spec)]


def _complement(tok: Token) -> Token | None:
    """The clause a framing verb or noun governs ("demanded that the US cancel ..."), or its
    purpose clause ("opened fire to disperse demonstrators")."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i:
            return c
        if c.dep_ in ("acl", "advcl") and verb_like(c) and not any(m.dep_ == "mark" for m in c.children) \
                and (c.dep_ == "acl" or any(a.lower_ == "to" for a in c.children)):
            return c
    return None


def _complement_recipients(c: _Cand, args: _Args, actor_ents: set) -> list[Participant]:
    """Who a request, threat, promise or refusal is addressed to, read off the clause it
    governs: the one asked to act ("demanded that the US cancel"), else that clause's objects
    ("offered to hand over to Great Britain", "threatened to cut off electricity to X")."""
    g = c.governor if c.governor is not None else (c.light or c.word)
    framing = c.role in GOVERNOR_TYPES or c.event in ("REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE")
    comp = _complement(g)
    if comp is not None and not framing and not (comp.dep_ in ("xcomp", "advcl") and
                                                 any(a.lower_ == "to" for a in comp.children)):
        return []  # only purpose clauses for other events ("opened fire to disperse demonstrators")
    seen = 0
    while comp is not None and seen < 3:
        seen += 1
        who = [p for p in args.participants([x for x in comp.children if x.dep_ in ("nsubj", "nsubjpass")])
               if not p.entity or p.entity not in actor_ents]
        if who and (c.role in ("request", "command", "say-must") or c.event in ("REQUEST", "CONCEDE")):
            return who
        toks = patient(comp) + dative(comp)
        for prep in ("to", "with", "against", "on", "into", "from", "for"):
            toks += [x for h in [comp] + [o for o in comp.children if o.dep_ == "dobj"]
                     for x in prep_objects(h, prep)]
        got = [p for p in args.participants(toks) if not p.entity or p.entity not in actor_ents]
        if got or who:
            return got or who  # "vowed to help Syria rebuild"
        comp = _complement(comp)
    return []


def _sides(c: _Cand, args: _Args) -> tuple[list[Participant], list[Participant], bool]:
    """(actor, recipient, reciprocal?) of a candidate."""
    actor = args.participants(_actor_tokens(c, args))
    if c.role == "commanded" or (c.governor is not None and not actor):
        actor = actor or args.participants(subject(c.governor))
    recipient: list[Participant] = []
    reciprocal = False
    if c.role == "say-must":
        recipient = args.participants([x for x in c.word.children if x.dep_ in ("nsubj", "nsubjpass")])
        if not recipient:
            return actor, [], False
    elif c.role == "judged":
        actor = args.participants(subject(c.say))
        recipient = args.participants([x for x in c.word.head.children if x.dep_ == "nsubj"])
        return actor, [p for p in recipient if p.entity not in {a.entity for a in actor}], False
    elif "host" in c.row.recipient:
        visitors = args.participants(patient(c.word) or _recipient_tokens(c, "to"))
        actor, recipient = visitors, actor
    else:
        actor_ents0 = {p.entity for p in actor if p.entity}
        for spec in c.row.recipient:
            recipient = [p for p in args.participants(_recipient_tokens(c, spec))
                         if not p.entity or p.entity not in actor_ents0]
            if recipient:
                break
        if not recipient and c.light is not None:
            # "gave the Ivory Coast 5.1 million dollars of aid", "a US national was put under
            # investigation": the light verb's own second object or patient
            others = [x for x in dative(c.light) + patient(c.light) if x.i != c.word.i and x is not c.np]
            recipient = args.participants(others)
    parties = [x for h in _heads(c) for x in between(h)]
    if parties:
        party_p = args.participants(parties)
        if not actor or {p.entity for p in actor} <= {p.entity for p in party_p}:
            # "talks between X and Y", "the meeting between Putin and Kim": every party acts
            actor = party_p
            recipient = list(reversed(actor))
            reciprocal = True
        elif not recipient or {p.entity for p in recipient} <= {p.entity for p in party_p}:
            recipient = party_p  # "mediation between X and Y", "host a meeting between X and Y"
    elif _each_other(c):
        reciprocal = True
    actor_ents = {p.entity for p in actor if p.entity}

    def other(ps: list[Participant]) -> list[Participant]:
        return [p for p in ps if not p.entity or p.entity not in actor_ents]
    if not reciprocal:
        recipient = other(recipient)
    anchor = c.governor if c.governor is not None else c.word
    for inner in sorted(c.absorbed, key=lambda x: (x.word.dep_ != "xcomp" and (x.light is None or
                                                                                x.light.dep_ != "xcomp"),
                                                   abs(x.word.i - anchor.i))):
        if recipient and any(p.code for p in recipient):
            break
        _, inner_recip, _ = _sides(inner, args)
        inner_actor = args.participants(_actor_tokens(inner, args))
        if c.role in ("request", "command", "say-must"):
            got = other(inner_actor) or other(inner_recip)
        else:
            got = other(inner_recip) or other(inner_actor)
        if got and (not recipient or any(p.code for p in got)):
            recipient = got
    if not recipient:
        recipient = _complement_recipients(c, args, actor_ents)
    if not recipient and c.event == "THREATEN":
        recipient = _condition_subjects(c, args, actor_ents)
    if not recipient and (c.event in REACTIONS or c.role == "evaluate"):
        recipient = other(_earlier_event_actor(c, args))
    if not recipient and any(lemma(x) in RETALIATION for x in [c.word] + [i.word for i in c.absorbed]):
        recipient = other(_retaliation_target(actor, args))
    if not recipient and "loc" in _loc_specs(c):
        recipient = _loc_recipient(c, args, actor_ents)
    elif recipient and not any(p.code for p in recipient) and c.event in MATERIAL_CONFLICT:
        recipient = recipient + _loc_recipient(c, args, actor_ents)  # "killed 23 people in Tel Aviv"
    return actor, recipient, reciprocal


#: Events that react to another event ("Russia condemned the attack").
REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN", "SANCTION"})
#: Nouns that refer back to an event named earlier in the article ("the move", "the decision").
EVENT_ANAPHORS = frozenset({"move", "action", "operation", "decision", "step", "measure", "measures", "incident"})


#: Verbs of answering a blow: whom they answer is whoever dealt the blow before.
RETALIATION = frozenset({"retaliate", "respond", "avenge", "reciprocate", "retaliation", "revenge", "response"})


def _retaliation_target(actor: list[Participant], args: _Args) -> list[Participant]:
    """ "Moscow would retaliate soon": against whoever last acted against Moscow."""
    codes = {p.code for p in actor if p.code}
    for ev in reversed(args.history):
        if codes & {p.code for p in ev.recipient} and ev.actor and not codes & {p.code for p in ev.actor}:
            return [Participant(entity=p.entity, code=p.code, sector=p.sector, text=p.text) for p in ev.actor]
    return []


def _earlier_event_actor(c: _Cand, args: _Args) -> list[Participant]:
    """ "Russia condemned the attack": the attack is the one the article reported before; its
    actor is the one condemned (in-article event coreference)."""
    objs = patient(c.word) if c.light is None and c.word.pos_ not in ("NOUN", "PROPN") else []
    for o in objs:
        if o.pos_ not in ("NOUN", "PROPN") or not any(d.lower_ in ("the", "this", "that") for d in o.children):
            continue
        if args.participants([o]):
            return []
        row = match_trigger(o)
        want = row.event if row is not None else None
        if want is None and o.lemma_.lower() not in EVENT_ANAPHORS:
            continue
        for ev in reversed(args.history):
            if ev.actor and (want is None or ev.event == want) and ev.trigger.start < c.word.i:
                return [Participant(entity=p.entity, code=p.code, sector=p.sector, text=p.text) for p in ev.actor]
    return []


def _condition_subjects(c: _Cand, args: _Args, actor_ents: set) -> list[Participant]:
    """ "threatened to stop negotiations if the United States goes ahead": the one the
    condition is put to."""
    heads = [x for x in (c.governor, c.light, c.word) if x is not None]
    heads += [x for i in c.absorbed for x in (i.word, i.light) if x is not None]
    heads += [g for h in list(heads) for g in h.children if g.dep_ in ("xcomp", "ccomp", "dobj")]
    for h in heads:
        for cl in h.children:
            if cl.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in cl.children):
                got = [p for p in args.participants(subject(cl)) if not p.entity or p.entity not in actor_ents]
                if got:
                    return got
    return []


def _loc_specs(c: _Cand) -> tuple[str, ...]:
    specs = c.row.recipient
    for inner in c.absorbed:
        specs += inner.row.recipient
    return specs


def _loc_recipient(c: _Cand, args: _Args, actor_ents: set) -> list[Participant]:
    """ "shelled positions in Jericho", "imposed a curfew in Cizre": the place's country."""
    heads = _heads(c) + [i.word for i in c.absorbed]
    if c.word.pos_ in ("NOUN", "PROPN") and c.word.dep_ == "nsubj":
        heads.append(c.word.head)  # "an aid convoy crossed into Syria"
    heads += [x for h in list(heads) for x in h.children if x.dep_ == "acl"]
    found = find_place(args.doc, heads, args.tokmap, args.ents, set(), country_tokens=args.country_tokens)
    if found is None:
        return []
    place, eid = found
    code = place.get("country_code")
    if not code or eid in actor_ents:
        return []
    return [Participant(entity=eid, code=code, sector=None, text=place["extracted_place"])]


#: Words for an unknown attacker or the weapon it left behind ("a roadside bomb killed ...").
#: PLOVER codes the attacker by where it struck: sector UAF for unidentified gunmen, UNK for a
#: bomb or device with no one named behind it.
UNIDENTIFIED = {"gunman": "UAF", "gunmen": "UAF", "assailant": "UAF", "assailants": "UAF", "attacker": "UAF",
                "attackers": "UAF", "sniper": "UAF", "snipers": "UAF", "bomb": "UNK", "bombing": "UNK",
                "explosion": "UNK", "blast": "UNK", "device": "UNK", "mine": "UNK", "minefield": "UNK",
                "ied": "UNK", "grenade": "UNK", "bomber": "UNK", "bombers": "UNK"}


def _unidentified(c: _Cand, args: _Args, place: dict | None) -> list[Participant]:
    """An attack with no one named behind it but a bomb, a blast or gunmen, where the place is
    known: PLOVER's unidentified actor of that country."""
    w = c.light or c.word
    cands = list(w.children) + [g for x in w.children if x.dep_ in ("agent", "prep") for g in x.children]
    cands += [g for x in list(cands) if x.dep_ == "pobj" for g in x.children if g.dep_ == "compound"]
    if w.pos_ in ("NOUN", "PROPN"):
        cands += [w] + list(w.children)
    for t in cands:
        sector = UNIDENTIFIED.get(t.lower_) or UNIDENTIFIED.get(t.lemma_.lower())
        if sector and (place is None or not place.get("country_code")):
            found = find_place(args.doc, [t], args.tokmap, args.ents, set(), country_tokens=args.country_tokens)
            place = found[0] if found else None
        if sector and place is not None and place.get("country_code"):
            text = args.doc[t.left_edge.i:t.i + 1].text if t.i - t.left_edge.i <= 4 else t.text
            return [Participant(entity=None, code=place["country_code"], sector=sector, text=text)]
    return []


def _each_other(c: _Cand) -> bool:
    for h in [c.word] + ([c.light] if c.light is not None else []):
        for t in h.subtree:
            if t.lower_ in ("other", "another") and t.i > 0 and t.nbor(-1).lower_ in ("each", "one"):
                return True
    return False


# ---- 4. assembling events ----------------------------------------------------------------------

def _trigger_span(doc: Doc, c: _Cand) -> Span:
    w = c.word
    other = c.governor if c.governor is not None and c.role != "commanded" else c.light
    if c.role == "say-must":
        other = c.say
    if other is not None and other.i != w.i:
        lo, hi = min(other.i, w.i), max(other.i, w.i)
        return doc[lo:hi + 1] if hi - lo <= 4 else doc[other.i:other.i + 1]
    if c.row.particle and w.pos_ != "NOUN":
        last = max((x.i for x in w.subtree if x.lower_ in c.row.particle.split() and x.i > w.i), default=w.i)
        if last - w.i <= 4:
            return doc[w.i:last + 1]
    return doc[w.i:w.i + 1]


def _inanimate_subject(c: _Cand) -> bool:
    if c.event not in MATERIAL_CONFLICT and c.event != "PROTEST":
        return False
    subj = subject(c.light or c.word) if c.word.pos_ not in ("NOUN", "PROPN") or c.light else []
    return any(lemma(s) in _inanimate() or s.lower_ in _inanimate() for s in subj)


def _context(sent: Span) -> list[str]:
    table_ = contexts()
    out: list[str] = []
    for t in sent:
        ctx = table_.get(lemma(t)) or table_.get(t.lower_)
        if ctx and ctx not in out:
            out.append(ctx)
    return out


def find_events(doc: Doc) -> list[Event]:
    """Every PLOVER event in a processed doc (after the actors stage), in text order."""
    args = _Args(doc)
    cands = _candidates(doc, args.tokmap, args.ents)
    musts = _say_request(doc, cands) + _evaluations(doc)
    cands = _apply_frames(doc, [c for c in cands if not c.dropped] + musts)
    events: list[Event] = []
    seen: set[tuple] = set()
    for c in sorted(cands, key=lambda x: x.head.i):
        if _inanimate_subject(c):
            continue
        actor, recipient, reciprocal = _sides(c, args)
        if (reciprocal and not recipient) or (not recipient and len({p.code for p in actor if p.code}) > 1
                                              and c.event in RECIPROCAL_TYPES):
            recipient = list(reversed(actor)) if len({p.code for p in actor}) > 1 else recipient
        codes = {p.code for p in actor + recipient if p.code}
        heads = _heads(c) + [h for h in (c.governor,) if h is not None] + [i.word for i in c.absorbed]
        heads += [x for h in list(heads) for x in h.children if x.dep_ == "acl"]
        # last: a place on the verb's object ("clashed with militias in Tripoli")
        heads += [g for h in (c.word, c.light) if h is not None for x in h.children
                  for g in ([x] if x.dep_ == "dobj" else [y for y in x.children if y.dep_ == "pobj"]
                            if x.dep_ == "prep" and x.lower_ not in ("in", "at", "near") else [])]
        found = find_place(doc, heads, args.tokmap, args.ents, codes, country_tokens=args.country_tokens)
        place = found[0] if found else None
        if not actor and c.event == "ASSAULT":
            actor = _unidentified(c, args, place)
        if not actor and not recipient:
            continue
        trigger = _trigger_span(doc, c)
        key = (c.event, trigger.start, tuple(p.code for p in actor), tuple(p.code for p in recipient))
        if key in seen:
            continue
        seen.add(key)
        date, gran, basis = times.event_date(doc, trigger)
        is_noun = c.word.pos_ in ("NOUN", "PROPN") and c.light is None
        confidence = 0.5 + 0.2 * bool(actor) + 0.2 * bool(recipient) - 0.1 * is_noun
        rule = f"triggers.tsv:{c.row.name}"
        if c.role:
            rule += f" frame:{c.role}"
        head = c.governor if c.governor is not None else (c.light or c.word)
        events.append(Event(id="", event=c.event, trigger=trigger, head=head.i, mode=c.mode,
                            context=_context(c.word.sent), actor=actor, recipient=recipient, date=date,
                            date_granularity=gran, date_basis=basis, event_loc=place, confidence=confidence,
                            rule=rule))
        args.history.append(events[-1])
    events.sort(key=lambda v: v.trigger.start)
    for n, v in enumerate(events, 1):
        v.id = f"v{n}"
    return events


class EventFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc)
        return doc


@Language.factory("tidings_events", assigns=["doc._.events"], requires=["doc._.entities", "doc.spans"])
def make_events(nlp: Language, name: str):
    return EventFinder()
