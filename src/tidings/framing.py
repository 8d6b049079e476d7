"""Frames: how the words around a trigger shape its event. A verb that frames another event
("threatened to shell", "agreed to withdraw", "refused to lift", "demanded the withdrawal of")
makes a THREATEN / AGREE / REJECT / REQUEST event of its own that records the framed act;
"will"/"plans to"/"is ready to" shift cooperation to AGREE and force to THREATEN; judgements
("called the expulsions unacceptable", "said Russia was culpable") are ACCUSE; "Y must do Z"
said by X is a REQUEST. The lexicons are `data/frames.tsv`, `data/type_shifts.tsv` and
`data/evaluations.tsv`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidates import (ASK_MODES, CLAUSE_DEPS, FUTURE_AUX, GOVERNING_PREPS, GOVERNOR_TYPES,
                         NOUN_GOVERNOR_DEPS, Cand)
from .coref import entity_by_id, resolve
from .arguments import has_condition, negated, subject
from .lexicons import words
from .triggers import Trigger, evaluations, judgement, lemma, match_trigger, roles, roles_of, shift, verb_like

def _future(tok: Token) -> bool:
    """Will, would, is going to, is to; or may/might/could on a conditional clause ("may halt
    mediation if cooperation founders")."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX or a.lemma_.lower() == "will" for a in aux):
        return True
    if any(a.lower_ in ("may", "might", "could", "can") for a in aux) and has_condition(tok):
        return True
    if tok.dep_ == "xcomp" and any(a.lower_ == "to" for a in aux):
        h = tok.head
        if h.lower_ == "going" or (h.lemma_ == "be" and h.pos_ == "AUX"):
            return True  # "is going to attack", "is to visit"
    return False


def _mandative(t: Token) -> bool:
    """A that-clause that asks for something: "demanded that troops withdraw / should withdraw"."""
    return t.tag_ == "VB" or any(a.dep_ == "aux" and a.lower_ in ("should", "must") for a in t.children)


def _governor(c: Cand) -> tuple[Token | None, str | None, bool, bool]:
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
        while dep in ("pobj", "pcomp") and g.dep_ == "conj" and g.pos_ == "ADP" and g.head.pos_ == "ADP":
            g = g.head  # "called for an inquiry and for the release of the 12": the first "for"
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
        if dep == "ccomp" and not roles & {"agree", "threaten", "refuse", "request", "command"}:
            # "reiterated its demand today that Israel ease ...": the parser hung the clause on the
            # verb; it belongs to the demand, threat or promise named by the verb's object
            noun = next((o for o in g.children if o.dep_ == "dobj" and o.pos_ == "NOUN" and o.i < t.i
                         and roles_of(o) & {"request", "threaten", "agree"}), None)
            if noun is not None:
                g, roles = noun, roles_of(noun)
        if dep == "conj":
            t = g
            continue
        for role in ("agree", "threaten", "refuse", "request", "command"):
            if role not in roles:
                continue
            if dep == "ccomp" and g.i > t.i:
                continue  # "..., officials told AFP": a reporting verb after its clause frames nothing
            if dep == "ccomp" and role in ("agree", "refuse") and not _future(t):
                continue  # "vowed that Iran would retaliate" frames; "agreed that talks were useful" not
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
            if any(m.lower_ in ("whether", "if") and m.dep_ in ("mark", "advmod") for m in t.children):
                return None, "undecided", True, False  # "had not yet decided whether to take part"
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




def _according_to(verb: Token) -> Token | None:
    """The "according" of "according to X" on a clause: X is its source."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            return c
    return None


def _speaker_above(tok: Token) -> Token | None:
    """The verb of saying this clause is reported by ("May said it was likely that ...")."""
    t = tok
    for _ in range(6):
        if t.head is t:
            return None
        t = t.head
        if "say" in roles_of(t) and (any(c.dep_ == "nsubj" for c in t.children) or
                                     (t.dep_ == "conj" and any(c.dep_ == "nsubj" for c in t.head.children))):
            return t  # "denied that ... and said the tariffs were protectionism": the subject is shared
    return None


def evaluations_found(doc: Doc) -> list[Cand]:
    """Judgements of an actor or its act: "called the expulsions unacceptable" (ACCUSE by the
    caller); "said the Russian state was culpable", "said Russia was behind the attack"
    (ACCUSE by the speaker of the one judged)."""
    ev = evaluations()
    out = []
    for tok in doc:
        if tok.lemma_.lower() not in ev and tok.lower_ not in ev and "evaluate" not in roles().get(lemma(tok), ()):
            continue
        if verb_like(tok) and "evaluate" in roles_of(tok):
            j = judgement(tok)
            if j is not None:
                typ, mode = ev.get(j.lemma_.lower()) or ev[j.lower_]
                row = Trigger(lemma(tok), None, "VERB", typ, mode, frozenset(), frozenset(), frozenset(),
                              frozenset(), frozenset(), ("dobj",), ())
                out.append(Cand(tok, row, event=typ, mode=mode, role="evaluate"))
            continue
        # "X was culpable / responsible / guilty", "X was behind the attack"
        low = tok.lemma_.lower()
        if low in ev and ev[low][0] == "ACCUSE" and tok.dep_ in ("acomp", "prep", "attr") and \
                tok.head.lemma_ == "be":
            cop = tok.head
            subj = [c for c in cop.children if c.dep_ == "nsubj"]
            say = _speaker_above(cop)
            if say is None and _according_to(cop) is not None:
                say = _according_to(cop)  # "X are guilty of ..., according to a group that ..."
            if subj and say is not None and not negated(cop):
                typ, mode = ev[low]
                row = Trigger(low, None, "ADJ", typ, mode, frozenset(), frozenset(), frozenset(),
                              frozenset(), frozenset(), (), ())
                out.append(Cand(tok, row, event=typ, mode=mode, governor=say, role="judged", say=say))
    return out


def _say_threat(doc: Doc, modal: Token) -> Cand | None:
    """ "The minister said anyone who tried would face the full force of the law": a THREATEN by
    the speaker against the one who will face it (`consequences.txt`)."""
    tok = modal.head
    if modal.lower_ not in ("will", "would", "'ll") or modal.dep_ != "aux" or tok.lemma_.lower() != "face":
        return None
    if not any(o.dep_ == "dobj" and o.lemma_.lower() in words("consequences.txt") for o in tok.children):
        return None
    say = tok.head
    if tok.dep_ != "ccomp" or "say" not in roles_of(say) or say.i > tok.i:
        return None
    row = match_trigger(say)
    if row is not None and row.event == "THREATEN":
        return None  # "warned that organisers would face charges": the warning is the threat
    row = Trigger("face", None, "VERB", "THREATEN", None, frozenset(), frozenset(), frozenset(),
                  frozenset(), frozenset(), (), ())
    return Cand(tok, row, event="THREATEN", governor=say, role="say-threat", say=say)


def say_requests(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """ "X said Y must do Z": a REQUEST by X to Y, absorbing the events of Y's clause; "X said Y
    would face the full force of the law": a THREATEN by X against Y."""
    out = []
    for modal in doc:
        threat = _say_threat(doc, modal)
        if threat is not None:
            out.append(threat)
            continue
        if modal.lower_ not in ("must", "should") or modal.dep_ != "aux":
            continue
        tok = modal.head
        if not verb_like(tok) and tok.pos_ != "AUX":
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
        c = Cand(tok, row, event="REQUEST", governor=say, role="say-must", say=say)
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


#: Units of time: "N days of talks" measures the talks.
DURATIONS = frozenset({"hour", "day", "week", "month", "year", "round", "session", "decade"})


def apply_frames(doc: Doc, cands: list[Cand]) -> list[Cand]:
    by_word = {c.word.i: c for c in cands}
    by_light = {c.light.i: c for c in cands if c.light is not None}
    extra: list[Cand] = []
    for c in cands:
        if c.role == "end" and c.np is not None and c.np.i != c.word.i and c.np.lemma_.lower() in DURATIONS:
            c.role = None  # "ending 18 days of talks": the talks ran their course; nothing was cut off
            continue
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
        if role == "undecided":
            c.dropped = True  # an act someone has yet to decide on is no event
            continue
        if g is not None and role is not None:
            if role == "command" and _own_forces(doc, g, c):
                c.governor, c.role = g, "commanded"
                continue
            host = by_word.get(g.i) or by_light.get(g.i)
            if (host is None or host is c) and not verb_like(g) and g.pos_ != "ADJ":
                continue  # "an executive order freezing assets": a noun frames only as a trigger itself
            if host is None or host is c:
                row = Trigger(g.lemma_.lower(), None, "VERB", GOVERNOR_TYPES[role], None, frozenset(), frozenset(),
                              frozenset(), frozenset(), frozenset(), ("dobj", "dative", "to", "with", "on"), ())
                host = Cand(g, row, event=GOVERNOR_TYPES[role])
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
        if intent and not (c.event == "SANCTION" and not neg and _takes_effect(c)):
            got = shift("negintent" if neg else "intent", c.event, c.mode)
            if got is not None:
                c.event, c.mode = got[0], got[1] or (c.mode if got[0] == c.row.event else None)
                if neg and c.role is None:
                    c.role = "negintent"  # "would not take part": the refusal is the event, made now
    out = [c for c in cands + extra if not c.dropped]
    _protest_topics(out)
    return [c for c in out if not c.dropped]


def _takes_effect(c: Cand) -> bool:
    """ "would stop importing Russian poultry from Sept. 15": a measure announced with the day it
    takes effect is decided, not threatened (it stays a SANCTION, dated in the future)."""
    for t in (c.light or c.word).subtree:
        if t.lower_ in ("from", "starting", "effective", "as") and \
                any(g.ent_type_ == "DATE" for x in t.children for g in x.subtree):
            return True
    return False


def _protest_topics(cands: list[Cand]) -> None:
    """ "began a hunger strike to demand the resignation of X": the demand is what the protest is
    about, not an event of its own (PLOVER manual, PROTEST); it gives the protest its target.
    "closed the consulates in protest at the execution": a protest noun that gives another act
    its motive is no demonstration."""
    by_word = {c.word.i: c for c in cands}
    by_head = {(c.light or c.word).i: c for c in cands}
    for c in cands:
        w = c.word
        if c.event == "PROTEST" and c.light is None and w.dep_ == "pobj" and w.head.lower_ == "in" and \
                w.lemma_.lower() == "protest":
            host = by_head.get(w.head.head.i)
            if host is not None and host is not c and host.event != "PROTEST":
                c.dropped = True
                host.absorbed.append(c)
    for c in cands:
        if c.event != "PROTEST":
            continue
        head = c.light or c.word
        # "staged a hunger strike in protest against X": one protest, whose target is X
        for h in {head.i: head, c.word.i: c.word}.values():
            for p in h.children:
                if p.dep_ != "prep" or p.lower_ != "in":
                    continue
                for g in p.children:
                    inner = by_word.get(g.i)
                    if g.dep_ == "pobj" and inner is not None and inner is not c and inner.event == "PROTEST" \
                            and not inner.dropped:
                        inner.dropped = True
                        c.absorbed.append(inner)
        for cl in head.children:
            if cl.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in cl.children):
                inner = by_word.get(cl.i)
                if inner is not None and inner.event in ("REQUEST", "PROTEST", "ACCUSE") and inner is not c:
                    inner.dropped = True
                    c.absorbed.append(inner)


def _governed_mode(role: str, inner: Cand) -> str | None:
    if role == "threaten":
        got = shift("threaten", inner.event)
        if inner.mode in ("arrest", "expel"):
            return inner.mode
        return got[1] if got else None
    if role in ("refuse", "request", "command"):
        return ASK_MODES.get(inner.event, "change")
    return None


def _own_forces(doc: Doc, g: Token, c: Cand) -> bool:
    """ "ordered troops to deploy": the one commanded is the commander's own armed forces."""
    ents = entity_by_id(doc)
    objs = [x for x in g.children if x.dep_ in ("dobj", "nsubj") and x.i > g.i] + subject(c.word)
    for o in objs:
        eid = resolve(doc, o)
        e = ents.get(eid) if eid else None
        if e is not None and (set(e.sectors) & {"MIL", "COP"}) and e.kind in ("GROUP", "ORG"):
            return True
        if o.lemma_.lower() in ("troop", "force", "soldier", "police", "army", "unit", "navy", "ship", "warship"):
            return True
    return False


