"""Lookups over the actors stage's results, for the stages that follow it: which entity a
token stands for (mentions, title phrases, and pronouns: "he" the nearest person, "it" and
"they" the speaker of their clause or the nearest country, organisation or group), the words
that name it, and the class of actor it is (for the event lexicons' @-constraints).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .model import Entity

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
IT_PRONOUNS = frozenset({"it", "its", "itself"})
THEY_PRONOUNS = frozenset({"they", "their", "them", "themselves", "theirs"})
COUNTRY_TOKENS = "tidings_country_tokens"  # doc.user_data: token index -> country code (demonyms too)
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PRM"})
STATE_CODES = frozenset({"UNO", "EUR", "IGO"})
PEOPLE_WORDS = frozenset({"man", "men", "woman", "women", "people", "person", "persons", "child", "children",
                          "boy", "boys", "girl", "girls", "detainee", "detainees", "prisoner", "prisoners",
                          "civilian", "civilians", "protester", "protesters", "demonstrator", "demonstrators",
                          "student", "students", "journalist", "journalists", "villager", "villagers",
                          "resident", "residents", "worker", "workers", "youth", "youths", "inmate", "inmates",
                          "migrant", "migrants", "refugee", "refugees", "activist", "activists", "member", "members",
                          "thousands", "hundreds", "dozens", "scores", "crowds", "crowd", "millions", "tens"})



def token_entities(doc: Doc) -> dict[int, str]:
    """Token index -> entity id, for every token of a mention or of a person's title phrase."""
    cached = doc.user_data.get("tidings_tokmap")
    if cached is not None:
        return cached
    out: dict[int, str] = {}
    phrases = doc.user_data.get("tidings_phrases", {})
    for e in doc._.entities or []:
        for span in e.mentions:
            lo, hi = phrases.get(span.start, (span.start, span.end))
            for i in range(min(lo, span.start), max(hi, span.end)):
                out.setdefault(i, e.id)
            for i in range(span.start, span.end):
                out[i] = e.id
    doc.user_data["tidings_tokmap"] = out
    return out


def entity_by_id(doc: Doc) -> dict[str, Entity]:
    return {e.id: e for e in doc._.entities or []}


def phrase_of(doc: Doc, token: Token) -> Span:
    """The words that name the entity at `token`, title included."""
    tokmap = token_entities(doc)
    eid = tokmap.get(token.i)
    if eid is None:
        return doc[token.left_edge.i:token.i + 1] if token.left_edge.i >= token.i - 4 else doc[token.i:token.i + 1]
    lo = hi = token.i
    while lo - 1 >= 0 and tokmap.get(lo - 1) == eid:
        lo -= 1
    while hi + 1 < len(doc) and tokmap.get(hi + 1) == eid:
        hi += 1
    span = doc[lo:hi + 1]
    while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
        span = span[1:]
    return span


def resolve(doc: Doc, token: Token) -> str | None:
    """The entity a token stands for: a mention, or a pronoun's antecedent ("he" the nearest
    person; "it"/"they" the speaker of the clause it stands in, else the nearest country,
    organisation or group before it)."""
    eid = token_entities(doc).get(token.i)
    if eid is not None:
        return eid
    low = token.lower_
    if low in PERSON_PRONOUNS:
        ents = entity_by_id(doc)
        best: tuple[int, str, Token] | None = None  # the latest person named before
        main: tuple[int, str] | None = None  # ... and the latest who is a main clause's subject
        speaker: tuple[int, str] | None = None  # ... and the latest who said something
        for e in ents.values():
            if e.kind != "PERSON":
                continue
            for span in e.mentions:
                if span.start >= token.i:
                    continue
                if best is None or span.start > best[0]:
                    best = (span.start, e.id, span.root)
                if span.start < token.sent.start and span.root.pos_ == "PROPN" and _main_subject(span.root) and \
                        (main is None or span.start > main[0]):
                    main = (span.start, e.id)
                if span.start < token.sent.start and _source(span.root) and (speaker is None or span.start > speaker[0]):
                    speaker = (span.start, e.id)
        if best is None:
            return None
        if speaker is not None and speaker[1] != best[1] and _trailing_report(token, best[0], best[2]):
            return speaker[1]
        if main is not None and main[1] != best[1] and token.dep_ in ("nsubj", "nsubjpass") and \
                best[0] < token.sent.start and not _main_subject(best[2]) and \
                doc[main[0]].sent.start == best[2].sent.start:
            # '"...," spokesman X told reporters after the envoy, Y, left. He said ...': the
            # sentence's subject, not a person named in its subordinate clause
            return main[1]
        return best[1]
    if low in IT_PRONOUNS or low in THEY_PRONOUNS:
        return _resolve_non_person(doc, token, plural=low in THEY_PRONOUNS)
    return None


_SPEECH_LEMMAS = frozenset({"say", "announce", "declare", "state", "tell", "add", "insist", "confirm", "claim",
                            "warn", "reiterate", "stress", "report", "note", "deny", "believe", "think", "hope",
                            "threaten", "promise", "pledge", "vow", "argue", "write", "indicate", "signal"})


def _resolve_non_person(doc: Doc, token: Token, plural: bool) -> str | None:
    ents = entity_by_id(doc)
    tokmap = token_entities(doc)
    kinds = ("COUNTRY", "ORG", "GROUP") if plural else ("COUNTRY", "ORG", "GROUP")

    def ok(eid: str | None) -> bool:
        e = ents.get(eid) if eid else None
        if e is None or e.kind not in kinds:
            return False
        return True
    # "Syria says it is willing ...": the speaker of the clause the pronoun is the subject of.
    t = token if token.dep_ != "poss" else token.head
    if t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj"):
        v = t.head
        reported = False  # an object "it" is the speaker only in what is said ("said the US attacked it")
        for _ in range(4):
            if v.dep_ in ("ccomp", "xcomp", "advcl", "conj") and v.head is not v:
                reported = reported or v.dep_ == "ccomp"
                v = v.head
                if t.dep_ == "dobj" and not reported:
                    continue
                if v.lemma_.lower() in _SPEECH_LEMMAS or v.dep_ == "ROOT":
                    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None and subj.i != token.i:
                        eid = tokmap.get(subj.i) or (_resolve_non_person(doc, subj, plural)
                                                     if subj.lower_ in IT_PRONOUNS | THEY_PRONOUNS else None)
                        if ok(eid) and (plural or not _plural_noun(phrase_of(doc, subj).root)):
                            return eid
                    break
            else:
                break
    # Otherwise the nearest country, organisation or group before it, subjects first, within
    # this sentence and the two before it.
    sent = token.sent
    start = sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    best, best_score = None, None
    # "Six of them were freed": a part of a counted group ("rounded up eight people")
    speaking = plural and token.dep_ == "nsubj" and token.head.lemma_.lower() in _SPEECH_LEMMAS
    partitive = plural and token.dep_ == "pobj" and token.head.lower_ == "of" and \
        token.head.head.pos_ in ("NUM", "ADJ", "DET", "PRON", "NOUN")
    clause_subjects = set()  # "Nigeria fined Calder and sued it": an object is not its own verb's subject
    if token.dep_ in ("dobj", "pobj"):
        v = token.head if token.dep_ == "dobj" else token.head.head
        while True:
            clause_subjects |= {c.i for c in v.children if c.dep_ == "nsubj"}
            if v.dep_ != "conj" or v.head is v:
                break
            v = v.head
    for i in range(token.i - 1, start - 1, -1):
        eid = tokmap.get(i)
        if not ok(eid):
            continue
        tok = doc[i]
        if tok.head.i == token.i or token.head.i == tok.i and tok.dep_ == "poss" or i in clause_subjects:
            continue
        if not plural and _plural_noun(phrase_of(doc, tok).root):
            continue  # "it" is not "human rights groups"
        counted = any(c.dep_ == "nummod" for c in tok.children)
        # '..., according to embassy staff. X was pushed ..., they said': a source speaks again
        source = speaking and (_source(tok) or (tok.dep_ == "pobj" and tok.head.lower_ == "to"
                                                and tok.head.head.lower_ == "according"))
        score = (partitive and counted, source, tok.sent == sent, tok.dep_ in ("nsubj", "nsubjpass"), i)
        if best_score is None or score > best_score:
            best, best_score = eid, score
        if tok.sent == sent and tok.dep_ in ("nsubj", "nsubjpass") and not partitive and not speaking:
            break
    return best


def _trailing_report(token: Token, named_at: int, named: Token) -> bool:
    """ "Desrochers was freed two days later, but his colleagues remain in custody, he said": a
    pronoun that reports the sentence before it, after a person the words are about (named in
    the same sentence, not as a speaker), stands for the one who has been speaking."""
    said = token.head
    return token.dep_ == "nsubj" and said.lemma_.lower() in _SPEECH_LEMMAS and \
        said.dep_ in ("ROOT", "parataxis") and token.doc[token.i - 1].is_punct and \
        token.sent.start <= named_at < token.i and named.head.i != said.i and not _source(named)


def _source(tok: Token) -> bool:
    """The subject of a verb of saying (or a name set beside it: "its chief, X, said")."""
    while tok.dep_ == "appos" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SPEECH_LEMMAS


def _main_subject(tok: Token) -> bool:
    """The subject of its sentence's main verb or of a verb of saying (or a name set beside it)."""
    while tok.dep_ in ("appos", "compound", "conj") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.dep_ == "ROOT" or tok.head.lemma_.lower() in _SPEECH_LEMMAS)


def _plural_noun(tok: Token) -> bool:
    """ "groups", "rights workers"; not "ECOWAS", which the tagger may take for a plural."""
    return tok.tag_ == "NNS" and tok.pos_ == "NOUN" and not tok.is_upper


def entity_class(token: Token) -> set[str]:
    """The classes of actor a token names, for the @-constraints of the event lexicons:
    @actor, @person, @official, @state, @country, @location, @people, @diplomat."""
    doc = token.doc
    eid = resolve(doc, token)
    out: set[str] = set()
    if eid is not None:
        e = entity_by_id(doc).get(eid)
        if e is None:
            return out
        if e.kind in ("PERSON", "ORG", "COUNTRY", "GROUP") or (e.kind == "LOCATION" and e.country):
            out.add("@actor")
        if e.kind == "PERSON":
            out |= {"@person", "@people"}
            if any(t.lower() in ("ambassador", "envoy", "diplomat", "chargé d'affaires") for t in e.titles):
                out.add("@diplomat")  # "summoned him", after "the EU's ambassador, Marek Novotny"
        if e.kind == "GROUP":
            out.add("@people")
        if e.kind == "COUNTRY":
            out |= {"@country", "@location", "@state", "@official"}
        if e.kind == "LOCATION":
            out.add("@location")
        sectors = set(e.sectors or ([e.sector] if e.sector else []))
        if sectors & STATE_SECTORS or (e.kind == "ORG" and e.country in STATE_CODES):
            out |= {"@state", "@official"}
        return out
    if token.i in doc.user_data.get(COUNTRY_TOKENS, {}):
        return {"@actor", "@country", "@state", "@official"}
    low, lem = token.lower_, token.lemma_.lower()
    if low in PEOPLE_WORDS or lem in PEOPLE_WORDS:
        out |= {"@people", "@actor"}
    title = gazetteer.titles().get(low) or gazetteer.titles().get(lem)
    if title is not None and title.sectors:
        out.add("@actor")
        if set(title.sectors) & STATE_SECTORS:
            out |= {"@state", "@official"}
    return out


