"""Event candidates: the words that name an event (`triggers.py`), each with the lexicon row
that makes it one; a noun under a light verb ("held talks") or an ending verb ("lifted the
curfew") is one candidate with that verb. Later modules frame them (`framing.py`) and find
their participants (`participants.py`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .arguments import conjuncts
from .lexicons import words
from .model import Entity
from .triggers import Trigger, judgement, lemma, light_ok, match_trigger, noun_rows, roles_of, verb_like, watched

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
NP_PREPS = ("of", "by", "for", "from", "with", "against", "to", "on", "in", "near", "at", "inside", "throughout",
            "around")
CLAUSE_DEPS = ("xcomp", "ccomp", "conj")
LIGHT_NOUN_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
LIGHT_PREPS = frozenset({"on", "under", "into", "in", "to"})


@dataclass
class Cand:
    word: Token  # the trigger word (verb, noun or adjective)
    row: Trigger
    light: Token | None = None  # the light or ending verb a noun trigger stands under
    event: str = ""
    mode: str | None = None
    governor: Token | None = None  # a framing verb this event was made from ("threatened")
    role: str | None = None
    absorbed: list["Cand"] = field(default_factory=list)
    dropped: bool = False
    np: Token | None = None  # the object noun a light verb governs when the trigger is its modifier
    say: Token | None = None  # the speech verb of a "must" request

    @property
    def head(self) -> Token:
        """The token whose clause the event stands in (for status and dates)."""
        return self.governor or self.light or self.word


# ---- lexicon helpers -----------------------------------------------------------------------

def inanimate() -> frozenset[str]:
    return words("inanimate_causes.txt")


def _in_name(tok: Token, tokmap: dict[int, str], ents: dict[str, Entity]) -> bool:
    eid = tokmap.get(tok.i)
    return bool(eid) and ents[eid].kind in ("TREATY", "ORG", "PERSON") and \
        any(m.start <= tok.i < m.end for m in ents[eid].mentions)


# ---- 1. triggers -----------------------------------------------------------------------------

def noun_read_as_verb(tok: Token) -> bool:
    """A plural noun the parser took for a verb after the noun that modifies it: "ordered asset
    freezes", "slapped travel bans and asset freezes on X" ("freezes" VBZ, "asset" its subject or
    a conjunct before it). Such a "verb" has no auxiliary, no object and no subject of its own
    beyond that noun."""
    if tok.tag_ != "VBZ" or tok.i == 0 or tok.dep_ not in ("conj", "ccomp"):
        return False
    before = tok.doc[tok.i - 1]
    if before.pos_ != "NOUN" or before.tag_ != "NN":
        return False
    core = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass", "neg",
                                                  "xcomp", "ccomp", "dative", "attr", "acomp")]
    return all(c.dep_ == "nsubj" and before.i in {x.i for x in conjuncts(c)} for c in core)



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
    cands += [c for c in verb.children if c.dep_ in ("ccomp", "conj") and noun_read_as_verb(c)]
    for n in cands:
        for x in conjuncts(n):
            if x.i in consumed or (x.pos_ not in ("NOUN", "PROPN") and not noun_read_as_verb(x) and
                                   not (x.tag_ in ("VBZ", "NNS") and x.dep_ == "conj" and n.pos_ == "NOUN")):
                continue  # ("asset freezes" after "travel bans" the parser may take for a verb)
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


def candidates(doc: Doc, tokmap, ents) -> list[Cand]:
    out: list[Cand] = []
    consumed: set[int] = set()
    seen = watched()
    for tok in doc:
        if tok.i in consumed or tok.is_punct or tok.is_space:
            continue
        if tok.lower_ not in seen and lemma(tok) not in seen:
            continue
        if tok.i >= 2 and doc[tok.i - 1].lower_ in ("and", "or") and doc[tok.i - 2].lower_ in ("dead", "missing"):
            continue  # "lists of the dead and wounded": the people, not an act
        if lemma(tok) == "arm" and tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
            continue  # "prisoners armed with pistols": how they were, not who armed them
        if verb_like(tok) or tok.pos_ == "ADJ":
            roles = roles_of(tok)
            if "evaluate" in roles and judgement(tok) is not None:
                continue  # "called the expulsions unacceptable": an evaluation, see _evaluations
            if roles & {"light", "end", "cancel"}:
                found = _light_noun(tok, consumed, preps="light" in roles)
                if found is not None:
                    noun, row, np_ = found
                    kind = "cancel" if "cancel" in roles else "end" if "end" in roles else None
                    c = Cand(noun, row, light=tok, event=row.event, mode=row.mode, np=np_)
                    if kind is not None:
                        c.role = kind
                    out.append(c)
                    consumed.add(noun.i)
                    consumed.update(_required_modifiers(noun, row))
                    continue
            row = match_trigger(tok)
            if row is not None and not _in_name(tok, tokmap, ents):
                if row.event == "REJECT" and _not_said(tok):
                    continue  # "neither confirmed nor denied": declining to deny is no rejection
                if row.event == "REJECT" and any(c.dep_ in ("xcomp", "ccomp") and _silence(c) for c in tok.children):
                    continue  # "declined to comment"
                if row.event == "REQUEST" and _question(tok):
                    continue  # "Asked whether diplomats would be expelled, she said ...": a question
                out.append(Cand(tok, row, event=row.event, mode=row.mode))
            continue
        if tok.pos_ in ("NOUN", "PROPN"):
            row = next((r for r in noun_rows(tok) if "light" not in r.needs and light_ok(r, None)), None)
            if row is None or _in_name(tok, tokmap, ents):
                continue
            if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
                outer = match_trigger(tok.head)
                if outer is None or tok.i in _required_modifiers(tok.head, outer):
                    continue  # "attack ads", "protest songs", "strike price"; "a protest note"
            out.append(Cand(tok, row, event=row.event, mode=row.mode))
            consumed.update(_required_modifiers(tok, row))
    return out


def _required_modifiers(noun: Token, row: Trigger) -> set[int]:
    """The modifiers that make a noun this row's event ("a letter of protest", "a protest note"):
    part of its trigger, never events of their own."""
    if not row.objects:
        return set()
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod")]
    mods += [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return {m.i for m in mods if lemma(m) in row.objects or m.lower_ in row.objects}


def _question(verb: Token) -> bool:
    """A request verb that asks a question ("asked whether", "asked about the report")."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "advcl", "xcomp") and any(
                m.lower_ in ("whether", "if", "what", "why", "how", "who", "when") and m.i < c.i
                for m in c.children if m.dep_ in ("mark", "advmod", "nsubj", "dobj", "attr")):
            return True
        if c.dep_ == "prep" and c.lower_ == "about":
            return True
    return False


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


