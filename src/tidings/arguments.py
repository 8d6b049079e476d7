"""Who did it and to whom, from spaCy's dependency parse.

Plain functions over tokens: the agent of a verb (active subject, passive "by" phrase, or the
subject it inherits as a controlled, coordinated or participial verb), its patient (object,
passive subject, the noun a passive participle modifies), its prepositional arguments, and
conjuncts ("Iraq and Libya"). The events stage turns the tokens into coded participants.
"""
from __future__ import annotations

from spacy.tokens import Token
from .lexicons import words

SUBJECT_DEPS = ("nsubj", "csubj", "expl")
RELATIVIZERS = frozenset({"that", "which", "who", "whom", "whose"})
#: Verbs whose object is the subject of the verb they control ("urged the EU to support").
OBJECT_CONTROL_DEPS = ("dobj", "dative", "iobj")
#: Participles used as adjectives: their passive subject is the one who is committed, prepared ...
ADJECTIVAL_PASSIVES = frozenset({"commit", "prepare", "determine", "oppose", "dedicate", "resolve", "poise",
                                 "set", "engage", "involve", "dispose", "inclined", "incline", "force", "oblige",
                                 "compel"})


def is_condition(clause: Token) -> bool:
    """An "if" or "unless" clause ("would respond if any unit crossed")."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)


def has_condition(verb: Token) -> bool:
    """Whether a verb carries an "if" or "unless" clause."""
    return any(is_condition(c) for c in verb.children)


def conjuncts(tok: Token) -> list[Token]:
    """The token and everything coordinated with it ("Iraq, Libya and Sudan")."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                stack.append(c)
    return out


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not finite_misparse(verb)


def finite_misparse(verb: Token) -> bool:
    """A past-tense main verb the parser took for a participle on the subject noun, leaving a
    sentence with no verb ("Hundreds of students protested outside the embassy.", "Palestinian
    youths resorted to throwing stones."): a full sentence, ending in a full stop, whose root is
    that noun and whose only verb it is. (A headline such as "Three killed in Minsk" has no stop.)"""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") \
            or verb.i < head.i:
        return False
    sent = verb.sent
    if sent[-1].text not in (".", "!") or any(c.dep_ == "agent" for c in verb.children):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in sent if head.i < t.i < verb.i)


def _own_subject(verb: Token) -> list[Token] | None:
    """The subject written on the verb itself, or None when it has none; of two (a dateline
    the parser took for a subject), the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1 and any(c.dep_ == "cc" and c.lower_ in ("and", "or") and c.i > subjects[0].i
                                 for c in subjects[0].children) and subjects[1].i < verb.i:
        # "The U.N. human rights office and Amnesty International urged": two conjoined subjects
        # the parser left unjoined
        return [x for s in subjects if s.i < verb.i for x in conjuncts(s)]
    if len(subjects) > 1:
        before = [c for c in subjects if c.i < verb.i]
        subjects = [max(before, key=lambda c: c.i)] if before else subjects[:1]
    agents = [c for c in verb.children if c.dep_ == "agent"]
    if agents and subjects and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        subjects = []  # "Talks in Almaty mediated by the SCO collapsed": a participle the parser took for the verb
    for c in subjects + agents:
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in RELATIVIZERS and verb.dep_ == "relcl":
                return conjuncts(verb.head)
            return conjuncts(c)
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                # "by the U.N. refugee agency and by Amnesty International": conjoined agents
                more = [g for p in c.children if p.dep_ == "conj" and p.lower_ == "by"
                        for g in p.children if g.dep_ == "pobj"]
                # ... or a second "by" the parser hung on the verb itself
                more += [g for p in verb.children if p.dep_ == "agent" and p.i > c.i and p.lower_ == "by"
                         for g in p.children if g.dep_ == "pobj"]
                return conjuncts(objs[0]) + [x for g in more for x in conjuncts(g)]
    return None


def subject(verb: Token, depth: int = 0) -> list[Token]:
    """The agent of a verb: its own subject, the "by" phrase of a passive, or the subject it
    inherits ("Iran threatened to shell": shell's subject is Iran; "urged the EU to support":
    support's subject is the EU; "killing one person and arresting 12": the main subject)."""
    own = _own_subject(verb)
    if own is not None:
        return _carried(own)
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.dep_ == "pobj" and prev.pos_ in ("NOUN", "PROPN", "PRON") and \
            prev.head.lower_ in ("after", "before", "since", "until") and prev.head.i < prev.i and \
            verb.dep_ in ("advcl", "conj", "ccomp", "relcl") and not is_passive(verb):
        # "a day after unidentified gunmen ambushed a convoy": the parser made the subject the
        # object of "after" and the clause an adverbial of the main verb
        return conjuncts(prev)
    if prev is not None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl", "pcomp") and \
            prev.pos_ in ("NOUN", "PROPN"):
        # "ended with Tonga and Fiji agreeing to ...": the parser made the participle's subject
        # the object of "with"
        first = prev
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ in ("with", "without") and not is_passive(verb):
            return conjuncts(first)
    if verb.lemma_.lower() in ADJECTIVAL_PASSIVES:
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return conjuncts(c)
    if depth > 6 or verb.head is verb:
        return []
    if is_passive(verb) and (verb.dep_ not in ("xcomp", "conj") or
                             any(c.dep_ == "nsubjpass" and c.lower_ not in RELATIVIZERS for c in verb.children)):
        # (a passive with a patient of its own inherits no doer: "commanders held a meeting on
        # Tuesday, and the bodies were handed back the following day")
        return _stray_agent(verb)
    head = verb.head
    dep = verb.dep_
    if dep == "conj" and is_passive(head) and not is_passive(verb):
        # "was indicted by the court and will resign": the one indicted resigns
        for c in head.children:
            if c.dep_ == "nsubjpass":
                return conjuncts(c)
    if dep == "xcomp" or (dep == "ccomp" and verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children)):
        # object control: "urged the EU to support", "allowed candidates to participate"
        objs = [c for c in head.children if c.dep_ in OBJECT_CONTROL_DEPS and c.i < verb.i]
        if objs and head.lemma_.lower() in ("summon", "call") and verb.lemma_.lower() in ADDRESSING:
            objs = []  # "summoned Russia's ambassador to protest": the summoner protests
        if objs and head.lemma_.lower() not in ("promise", "offer", "threaten", "vow", "pledge"):
            return conjuncts(objs[0])
        while head.pos_ in ("ADJ", "AUX") and head.dep_ in ("acomp", "xcomp", "ccomp", "advcl") and head.head is not head:
            if _own_subject(head) is not None:
                break
            head = head.head
        return subject(head, depth + 1)
    if reporters_act(verb):
        # "the rights group charged that 11 of the dead were civilians, and called for an
        # inquiry": the parser joined the second act to the reported clause; its doer reports
        return subject(reporting_verb(verb), depth + 1)
    if dep in ("conj", "advcl", "acomp", "oprd") and head.pos_ in ("VERB", "AUX", "ADJ"):
        return subject(head, depth + 1)
    if dep == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return conjuncts(head)
    if dep == "acl" and verb.tag_ == "VBG" and head.dep_ == "pobj" and head.head.lower_ == "to" and \
            head.head.head.pos_ == "VERB" and verb.lemma_.lower() in ADDRESSING:
        # "handed a note to the Somali embassy protesting the harassment": the sender protests,
        # not the one addressed
        return subject(head.head.head, depth + 1)
    if dep == "acl" and (verb.tag_ in ("VBG", "VBD", "VBZ", "VBP") or finite_misparse(verb)) and \
            head.pos_ in ("NOUN", "PROPN"):
        return conjuncts(head)  # "troops fighting in ...", and finite verbs the parser hung off a noun
    if dep == "conj" and head.dep_ in ("pcomp", "pobj") and head.head.dep_ == "prep" and \
            head.head.lower_ in ("of", "for"):
        dep, head = "pcomp", head.head  # "of financing and arming the pirates": the second act too
    if dep == "pcomp" and head.dep_ == "prep":
        gov = head.head
        if head.lower_ in ("of", "for") and gov.pos_ == "VERB":
            objs = [c for c in gov.children if c.dep_ == "dobj"]
            if objs:
                return conjuncts(objs[0])  # "accused Washington of escalating", "blamed X for attacking"
        if head.lower_ in ("of", "for") and gov.pos_ in ("NOUN", "PROPN") and gov.dep_ == "dobj" and \
                gov.head.lemma_.lower() in ACCUSING:
            return conjuncts(gov)  # "accused the Creek Vanguard, an armed group that ..., of arming"
        while gov.pos_ in ("NOUN", "PROPN") and gov.dep_ in ("dobj", "pobj", "prep", "conj", "appos") \
                and gov.head is not gov:
            gov = gov.head  # "escalating the situation, including allowing ..."
        if gov.pos_ in ("VERB", "AUX"):
            return subject(gov, depth + 1)
    return []


#: Verbs that charge someone "of" or "for" an act: that one is its doer.
ACCUSING = frozenset({"accuse", "blame", "suspect", "charge", "convict", "fault"})
#: Verbs that report what someone said or charged.
REPORTING = frozenset({"say", "charge", "allege", "claim", "tell", "report", "announce", "insist", "argue", "write"})


def reporters_act(verb: Token) -> bool:
    """A speech act the parser joined to a reported clause that is the reporter's own:
    "X charged that 11 of the dead were civilians, and called for an inquiry", "the ministry
    said 38 people were detained and 11 officers injured, and accused demonstrators of ..."."""
    return reporting_verb(verb) is not None


def reporting_verb(verb: Token) -> Token | None:
    """The verb of saying whose subject does `verb` (see `reporters_act`), or None."""
    if verb.dep_ != "conj" or verb.lemma_.lower() not in ADDRESSING or verb.tag_ != "VBD" or \
            not _comma_before(verb) or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or \
            not any(c.dep_ == "cc" and c.lower_ == "and" for c in verb.head.children):
        return None
    head, clause = verb.head, False
    for _ in range(4):
        if clause and head.lemma_.lower() in REPORTING and head.tag_ == "VBD":
            return head
        clause = clause or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        if head.dep_ not in ("conj", "ccomp") or head.head is head:
            return None
        head = head.head
    return None


def _comma_before(verb: Token) -> bool:
    """ ", and called for ...": a comma before the "and" that joins the verb."""
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and doc[i].lower_ in ("and", "also", "then"):
        i -= 1
    return doc[i].text == ","


def _carried(subj: list[Token]) -> list[Token]:
    """ "Armoured vehicles carrying Haitian and Kenyan officers stormed the district": the people
    a vehicle carries acted, not the vehicle."""
    if len(subj) == 1 and subj[0].lemma_.lower() in words("instruments.txt"):
        for c in subj[0].children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("carry", "transport", "ferry"):
                objs = [o for o in c.children if o.dep_ == "dobj"]
                if objs:
                    return conjuncts(objs[0])
    return subj


#: Speech acts a sender makes in what it hands or sends to someone: "a note to the embassy
#: protesting ...", "a letter to the council demanding ...".
ADDRESSING = frozenset({"protest", "demand", "request", "ask", "urge", "accuse", "condemn", "complain",
                        "call", "seek", "reject", "warn", "threaten", "object", "express", "voice"})


def _stray_agent(verb: Token) -> list[Token]:
    """The "by" phrase of a passive that the parser hung on the verb above it ("X has been
    accused of misusing funds, much of it believed embezzled, by government officials"): a "by"
    after the passive verb, on an active verb that governs it."""
    head = verb.head
    if verb.dep_ not in ("ccomp", "advcl") or head is verb or is_passive(head):
        return []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i:
            objs = [g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
            if objs:
                return conjuncts(objs[0])
    return []


def patient(verb: Token) -> list[Token]:
    """What the verb acts on: its passive subject, the noun a passive participle modifies
    ("refugees held by ..."), or its direct object."""
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            if c.lower_ in RELATIVIZERS and verb.dep_ == "relcl":
                return conjuncts(verb.head)
            return conjuncts(c)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN", "PRON") and \
            not finite_misparse(verb):
        return conjuncts(verb.head)
    if verb.dep_ == "relcl" and is_passive(verb):
        return conjuncts(verb.head)
    for c in verb.children:
        if c.dep_ == "dobj":
            return conjuncts(c)
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and is_passive(verb.head) and \
            any(c.dep_ == "agent" for c in verb.children):
        # "The decision was welcomed by Beijing and condemned by Taipei": the patient they share
        return patient(verb.head)
    if verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in verb.children) and \
            any(c.lower_ in RELATIVIZERS and c.dep_ == "dobj" for c in verb.children):
        return conjuncts(verb.head)
    return []


def dative(verb: Token) -> list[Token]:
    for c in verb.children:
        if c.dep_ in ("dative", "iobj"):
            if c.pos_ == "ADP":  # spaCy labels "to" in "gave X to Y" dative
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return conjuncts(objs[0])
                continue
            return conjuncts(c)
    return []


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """Objects of a preposition attached to the token ("talks with X", "sanctions on Y"),
    including "from ... to" chains and prepositions hanging off the object's own noun
    ("an attack on the town of Y")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
            # "by X and by Y": the second preposition is a conjunct of the first
            for g in [*c.children, *(g for p in c.children if p.dep_ == "conj" and p.lower_ == prep
                                     for g in p.children)]:
                if g.dep_ == "pobj":
                    out += conjuncts(g)
                elif g.dep_ == "pcomp":  # "from within Syria"
                    out += [x for h in g.children if h.dep_ == "pobj" for x in conjuncts(h)]
                    # "at thousands of students marching on parliament": the parser made the
                    # object the subject of the participle after it
                    out += [x for h in g.children if h.dep_ == "nsubj" and h.left_edge.i == c.i + 1
                            for x in conjuncts(h)]
            if not any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                out += _stranded_object(tok, c)
    return out


def _stranded_object(tok: Token, prep: Token) -> list[Token]:
    """A preposition left without its object because the parser made the object the subject
    of the clause after it ("granted asylum to five officers holed up in ..."): the subject
    that starts right after the preposition."""
    for v in tok.children:
        if v.dep_ in ("advcl", "ccomp", "conj", "acl", "relcl") and v.i > prep.i:
            for s in v.children:
                if s.dep_ in ("nsubj", "nsubjpass") and s.left_edge.i == prep.i + 1 and s.i < v.i:
                    return conjuncts(s)
    return []


def between(tok: Token) -> list[Token]:
    """Parties of "between X and Y"."""
    return prep_objects(tok, "between")


def window_start(tok: Token, back: int = 2) -> int:
    """The first token of the sentence `back` sentences before `tok`'s own (or of the first one)."""
    sent = tok.sent
    for _ in range(back):
        if sent.start == 0:
            break
        sent = tok.doc[sent.start - 1].sent
    return sent.start


def clause_head(tok: Token) -> Token:
    """The verb whose clause a noun stands in ("launched an incursion": launched)."""
    t = tok
    while t.dep_ in ("dobj", "pobj", "prep", "nsubjpass", "attr", "conj", "compound", "appos") and t.head is not t:
        t = t.head
    return t


def modal_aux(verb: Token) -> list[str]:
    """Lower-case auxiliaries and "going to"/"be to" markers on a verb."""
    out = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return out


def negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no longer") for c in tok.children)
