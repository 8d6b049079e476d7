"""`tidings_claims`: contested propositions, who makes them, and who confirms, denies or
declines to.

A claim comes from an allegation statement ("claims by X that ...", "X alleged that ...",
"X accused Y of ...") or an unattributed report. Parties' stances come from later sentences:
"Moscow and Pyongyang have neither confirmed nor denied the reports" (neither), "X denied the
claims" or "X denied that ..." (denied), "X confirmed ..." (confirmed). The claim's status
follows: unconfirmed, confirmed, denied or disputed.
"""
from __future__ import annotations

import functools

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc, Token

from . import gazetteer
from .actors import resolve
from .arguments import has_condition
from .coref import STATE_SECTORS, entity_by_id
from .model import Claim, Statement
from .triggers import evaluations, judgement, lemma, roles, roles_of

#: Words that refer back to a number someone gave ("dismissed the figure"): the claim that gives one.
NUMBER_WORDS = frozenset({"figure", "figures", "number", "numbers", "toll", "tally", "estimate"})
REFERRING = frozenset({"report", "claim", "allegation", "accusation", "it", "this", "them", "that", "suggestion",
                       "account", "charge", "assertion"}) | NUMBER_WORDS
#: Cues of what is no accusation: a warning or a promise.
PLEDGES = frozenset({"warn", "threaten", "vow", "pledge", "promise", "caution"})
#: Words that refer back to an accusation ("rejected the accusation"): the claim that accuses.
ACCUSING_WORDS = frozenset({"accusation", "accusations", "allegation", "allegations", "charge", "charges"})
STANCE = {"confirm": "confirmed", "deny": "denied", "dismiss": "denied", "reject": "denied", "refute": "denied",
          "verify": "confirmed", "acknowledge": "confirmed"}
DECLINE = frozenset({"decline", "refuse"})  # "declined to confirm or deny"
#: Verbs of answering: declining them ("declined to comment on the report", "did not respond to
#: requests for comment") is a stance of neither confirming nor denying.
ANSWER = frozenset({"comment", "respond", "reply", "elaborate", "answer"})


def _parties(doc: Doc, tok: Token) -> list[str]:
    agent = next((g for a in tok.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
    # "a charge that was dismissed as 'baseless' by Uzbekistan's foreign ministry": the agent
    subj = agent or next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and tok.dep_ in ("conj", "xcomp"):
        return _parties(doc, tok.head)
    if subj is None:
        return []
    out = []
    heads = [subj, *[c for c in subj.subtree if c.dep_ == "conj"]]
    # "a UNLM spokesman", "Russia's foreign ministry": the body the speaker speaks for stands too
    heads += [c for h in list(heads) for c in h.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
    for t in heads:
        eid = resolve(doc, t)
        if eid and eid not in out:
            out.append(eid)
    if not out and subj.pos_ == "NOUN" and gazetteer.titles().get(subj.lemma_.lower()) is not None:
        # "A State House spokesman declined to comment": a source the text describes but does not name
        from .statements import _speaker_span, _unnamed_speaker
        eid = _unnamed_speaker(doc, subj, _speaker_span(doc, subj))
        if eid:
            out.append(eid)
    return out


def _stance(tok: Token) -> str | None:
    """confirmed / denied / neither for a stance verb, with negation taken into account."""
    base = STANCE.get(tok.lemma_.lower())
    if base is None:
        return None
    neither = any(c.lower_ in ("neither", "nor") for c in tok.children) or \
        (tok.dep_ == "conj" and any(c.lower_ == "neither" for c in tok.head.children)) or \
        (tok.dep_ == "conj" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("nor", "or")) and \
        tok.head.lemma_.lower() in STANCE
    negated = any(c.dep_ == "neg" for c in tok.children)
    governor = tok.head if tok.dep_ == "xcomp" else (tok.head.head if tok.dep_ == "conj" and
                                                      tok.head.dep_ == "xcomp" else None)
    if governor is not None and governor.lemma_.lower() in DECLINE:
        return "neither"
    if neither or negated:
        return "neither"
    return base


@functools.lru_cache(maxsize=None)
def _judging_words() -> frozenset[str]:
    """First words of the frames that judge ("call", "brand", "describe"): only these can."""
    return frozenset(k.split()[0] for k, v in roles().items() if "evaluate" in v)


def _judged_denial(tok: Token) -> bool:
    """ "called that account 'false'", "described the reports as lies": a judgement that
    rejects what it is said of (REJECT rows of `evaluations.tsv`)."""
    if lemma(tok) not in _judging_words() or "evaluate" not in roles_of(tok):
        return False
    j = judgement(tok)
    if j is None:
        return False
    got = evaluations().get(j.lemma_.lower()) or evaluations().get(j.lower_)
    return got is not None and got[0] == "REJECT"


def find_claims(doc: Doc) -> list[Claim]:
    statements: list[Statement] = doc._.statements or []
    events = doc._.events or []
    claims: list[Claim] = []
    accused_of: dict[str, set[str]] = {}  # claim id -> entities it accuses
    # Every statement is a candidate: allegations and unattributed reports are claims in any
    # case; what someone merely said becomes one when another party confirms or denies it
    # ("the group said police had beaten detainees ... The ministry called that account false").
    primary: set[str] = set()
    for st in statements:
        if st.cue_class not in ("allegation", "report", "speech"):
            continue
        claimants = []
        if st.speaker:
            claimants.append(st.speaker)
        if st.speaker_span is not None:
            for t in st.speaker_span:
                eid = resolve(doc, t)
                if eid and eid not in claimants:
                    claimants.append(eid)
        c = st.content
        accused = _accused(doc, st)
        if accused is not None:  # "blamed the UNLM for the ambush": the claim is that the UNLM did it
            c = doc[accused.left_edge.i:c.end]
        claim = Claim(id=f"c{len(claims) + 1}", text=c, claimants=claimants, statements=[st.id],
                      events=[v.id for v in events if c.start <= v.trigger.start and v.trigger.end <= c.end])
        claims.append(claim)
        if st.cue_class == "allegation" or (st.cue_class == "report" and st.speaker is None) or \
                any(v.statement == st.id and (v.rule or "").endswith(" allegation") for v in events):
            # (a hostile act a source says another party did is an allegation too: "the coast
            # guard said the trawler had twice tried to ram the patrol vessel")
            primary.add(claim.id)
        if accused is not None:
            accused_of[claim.id] = {e for t in accused.subtree for e in [resolve(doc, t)] if e}
    if not claims:
        return claims
    # Stances: a confirm/deny verb whose object refers back to a claim, or whose content repeats it.
    for tok in doc:
        stance = _stance(tok)
        if stance is None and _judged_denial(tok):
            stance = "denied"
        if stance is None:
            silent = _silent(tok)
            if silent is not None:
                _declined(doc, tok, silent, claims)
            continue
        target = None
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp")), None)
        if obj is None and tok.dep_ == "conj":
            obj = next((c for c in tok.head.children if c.dep_ in ("dobj", "ccomp")), None)
        earlier = [c for c in claims if c.text.start < tok.i]
        if tok.dep_ in ("relcl", "acl") and (tok.tag_ == "VBD" or any(c.dep_ == "nsubj" for c in tok.children)) \
                and tok.head.lemma_.lower() in REFERRING and earlier:
            # "..., a claim the prisons department called 'a complete fabrication'"
            same = [c for c in earlier if c.text.start >= tok.sent.start] or \
                [c for c in earlier if tok.sent.start - c.text.end < 400]
            target = same[-1] if same else None
        elif tok.dep_ == "relcl" and any(c.lower_ == "which" for c in tok.children) and earlier:
            # "the rebels said the strikes killed 11 civilians, which the army denied"
            same = [c for c in earlier if c.text.start >= tok.sent.start]
            target = same[-1] if same else None
        elif obj is not None and obj.dep_ == "dobj" and obj.lemma_.lower() in REFERRING:
            target = _referred(doc, obj, tok, claims, earlier)
        parties = _parties(doc, tok)
        if target is None and obj is not None and not (tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower()
                                                       in REFERRING):
            # a denial that repeats the claim's words; never of a claim the denier makes itself
            # ("denied that the group was involved and accused soldiers of ...")
            text = doc[obj.left_edge.i:obj.right_edge.i + 1].text
            scored = [(fuzz.partial_ratio(text.lower(), c.text.text.lower()), c) for c in earlier
                      if c.text.start != obj.left_edge.i and not set(parties) & set(c.claimants)]
            scored = [s for s in scored if s[0] >= 70]
            target = max(scored, key=lambda s: s[0])[1] if scored else None
        if target is None and stance == "denied" and parties:
            # "A UNLM spokesman denied that the group was involved": the accused denies the charge
            accusing = [c for c in earlier if set(parties) & accused_of.get(c.id, set())
                        and tok.sent.start - c.text.end < 400]
            target = accusing[-1] if accusing else None
        if target is None and stance == "denied" and parties:
            # "... financed by members of the opposition National Renewal Party. The party denied
            # any involvement": a claim about the denier, named in its words
            ents = entity_by_id(doc)
            states = {ents[p].country for p in parties if p in ents and ents[p].country
                      and (ents[p].kind == "COUNTRY" or set(ents[p].sectors or []) & STATE_SECTORS)}

            def names_party(c: Claim) -> bool:
                own = {ents[e].country for e in c.claimants if e in ents}
                for t in c.text:
                    eid = resolve(doc, t)
                    if eid in parties:
                        return True
                    # "Russia's embassy denied that any Russian agency had a role": a state denies
                    # what is said of its own bodies ("the GRU")
                    e = ents.get(eid) if eid else None
                    if e is not None and e.country in states and e.country not in own:
                        return True
                return False
            about = [c for c in earlier if tok.sent.start - c.text.end < 400 and not set(parties) & set(c.claimants)
                     and names_party(c)]
            # (a fact alleged, not a condition: "blamed hackers working for Russia's GRU ...; Romania
            # would expel Russian diplomats if ... Russia's embassy denied that any Russian agency had
            # a role")
            about = [c for c in about if not _conditional(c.text.root)] or about
            target = about[-1] if about else None
        if target is None:
            continue
        targets = [target]
        if obj is not None and obj.dep_ == "dobj" and obj.lemma_.lower() == "account":
            # "neither confirmed nor denied that account": what the source told, in one sentence or
            # the two just before
            targets += [c for c in earlier if c is not target and set(c.claimants) & set(target.claimants)
                        and doc[target.text.start].sent.start - c.text.end < 250]
        if obj is not None and obj.dep_ == "dobj" and obj.lemma_.lower() in REFERRING and obj.tag_ == "NNS":
            # "rejected the allegations": all that the same source alleged just before
            targets += [c for c in earlier if c is not target and c.claimants == target.claimants
                        and tok.sent.start - c.text.end < 400]
        if stance == "denied" and target.id in accused_of:
            # "accused the union of X and claimed Y. The union denied ...": what the same accuser
            # said of it in the same sentence falls with it
            targets += [c for c in earlier if c is not target and c.claimants == target.claimants
                        and doc[c.text.start].sent == doc[target.text.start].sent]
        for t in targets:
            for eid in parties:
                if eid in t.claimants:
                    continue
                bucket = {"confirmed": t.confirmed_by, "denied": t.denied_by, "neither": t.neither_by}[stance]
                if eid not in bucket:
                    bucket.append(eid)
    claims = [c for c in claims if c.id in primary or c.confirmed_by or c.denied_by or c.neither_by]
    for n, c in enumerate(claims, 1):
        c.id = f"c{n}"
    for c in claims:
        c.neither_by = [e for e in c.neither_by if e not in c.denied_by and e not in c.confirmed_by]
        if c.confirmed_by and c.denied_by:
            c.status = "disputed"
        elif c.denied_by:
            c.status = "denied"
        elif c.confirmed_by:
            c.status = "confirmed"
        else:
            c.status = "unconfirmed"
    return claims


def _conditional(verb: Token) -> bool:
    """What would happen, on a condition ("Romania would expel diplomats if ...")."""
    return any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "'d") for c in verb.children) and \
        has_condition(verb)


def _referred(doc: Doc, obj: Token, tok: Token, claims: list[Claim], earlier: list[Claim]) -> Claim | None:
    """The claim a referring object stands for: the report it names itself ("denied a report by
    X that ..."), else the last claim just before, of the right sort ("the figure": one that
    gives a number; "the accusation": one that accuses)."""
    own = next((c for c in claims for st in doc._.statements or []
                if st.id in c.statements and st.cue.start == obj.i), None)
    if own is not None:
        return own
    near = [c for c in earlier if tok.sent.start - c.text.end < 400]
    word = obj.lower_ if obj.lower_ in NUMBER_WORDS | ACCUSING_WORDS else obj.lemma_.lower()
    if word in NUMBER_WORDS:
        near = [c for c in near if any(t.like_num for t in c.text)] or near
    elif word in ACCUSING_WORDS:
        # (not a warning or a promise: "She warned that the navy would go ... A spokesman for the
        # group rejected the accusation")
        # (nor a quotation: what is called an accusation was reported, not quoted)
        by_id = {st.id: st for st in doc._.statements or []}
        near = [c for c in near if not any(doc[by_id[s].cue.start].lemma_.lower() in PLEDGES or
                                           by_id[s].kind == "direct" and obj.tag_ == "NN"
                                           for s in c.statements if s in by_id)]
    return near[-1] if near else None


def _silent(tok: Token) -> Token | None:
    """The verb that declines an answer ("declined to comment", "refused to elaborate", "did not
    respond"), for a verb of answering; else None."""
    if tok.lemma_.lower() not in ANSWER or not tok.pos_ == "VERB":
        return None
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in DECLINE:
        return tok.head
    if tok.lemma_.lower() in ("respond", "reply") and any(c.dep_ == "neg" for c in tok.children):
        return tok
    return None


def _declined(doc: Doc, tok: Token, governor: Token, claims: list[Claim]) -> None:
    """ "X declined to comment [on the report]": X neither confirms nor denies the claim the
    report made, or, with no object, the last claim before it."""
    parties = _parties(doc, governor)
    if not parties:
        return
    earlier = [c for c in claims if c.text.start < tok.i and tok.sent.start - c.text.end < 400]
    objs = [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "about", "to")
            for g in p.children if g.dep_ == "pobj"]
    if objs and any(o.lemma_.lower() in NUMBER_WORDS for o in objs):
        earlier = [c for c in earlier if any(t.like_num for t in c.text)]  # "declined to comment on that figure"
    elif objs and not any(o.lemma_.lower() in REFERRING | {"request", "question", "query"} for o in objs):
        text = " ".join(doc[o.left_edge.i:o.right_edge.i + 1].text for o in objs).lower()
        earlier = [c for c in earlier if fuzz.partial_ratio(text, c.text.text.lower()) >= 70]
    if not earlier:
        return
    target = earlier[-1]
    for eid in parties:
        if eid not in target.claimants and eid not in target.neither_by:
            target.neither_by.append(eid)


def _accused(doc: Doc, st: Statement) -> Token | None:
    """The object of an accusing cue ("accused Washington of ...", "blamed the rebels for ..."),
    when it stands before the content."""
    cue = doc[st.cue.start]
    if st.cue_class != "allegation":
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None or obj.i >= st.content.start:
        return None
    return obj


class ClaimFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = find_claims(doc)
        return doc


@Language.factory("tidings_claims", assigns=["doc._.claims"], requires=["doc._.statements", "doc._.events"])
def make_claims(nlp: Language, name: str):
    return ClaimFinder()
