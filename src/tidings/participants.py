"""Participants: who did it and to whom, coded through the actors stage. Tokens come from the
parse (`arguments.py`); a token names an actor when it is a mention, a country adjective
("Israeli raids"), a pronoun or "we" in a quotation; an actor-less noun phrase is searched
for the actor it is about ("a camp for Congolese refugees"). Recipients come from each
trigger's prepositions, then the clause it frames, a condition put to someone, the event an
anaphor refers back to ("condemned the attack"), or the country of the place.
"""
from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from .arguments import (RELATIVIZERS, between, conjuncts, dative, is_condition, is_passive, patient, prep_objects, subject,
                        window_start)
from .candidates import ACTOR_KINDS, FIRST_PERSON, GOVERNOR_TYPES, MATERIAL_CONFLICT, NP_PREPS, Cand, noun_read_as_verb
from .actor_groups import HOME, NON_STATE_CODES, counted_pair
from .coref import COUNTRY_TOKENS, entity_by_id, phrase_of, resolve, token_entities
from .lexicons import table, words
from .model import Event, Participant
from .places import REACH_VERBS, dateline_country, find_place
from .triggers import Trigger, lemma, match_trigger, roles_of, trailing_report, verb_like

class Args:
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
        named = self.ents.get(self._eid(tok.head) or "") if tok.dep_ == "appos" and tok.pos_ == "NOUN" else None
        if named is not None and named.country and depth == 0:
            return [tok.head]  # "the Creek Vanguard, an armed group that blew up pipelines": the group named
        if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON":
            return [tok]  # "we" in a quotation: the speaker (`_code_token`)
        if tok.lower_ in ("two", "both") and counted_pair(tok):
            return [tok]  # "the two agreed": the article's two parties (`_code_token`)
        if tok.lower_ in words("state_anaphora.txt") and tok.tag_ == "NN" and self._eid(tok) is None:
            return [tok]  # "the kingdom agreed": a state named before (`_code_token`)
        if tok.lower_ in RELATIVIZERS and tok.tag_ in ("WDT", "WP", "IN") and depth < 2:
            # "a Fijian fishing boat that its navy seized": the noun the clause describes
            v = tok.head
            while v.dep_ not in ("relcl", "ROOT") and v.head.i != v.i and v.i != tok.i:
                v = v.head
            if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
                return self.np_tokens(v.head, depth + 1)
        if depth >= 2:
            return []
        if verb_like(tok) and tok.dep_ in ("nsubj", "nsubjpass"):
            # "The Red Cross operating in Iraq said": the parser made the participle the subject
            own = [c for c in tok.children if c.dep_ == "nsubj"]
            return [x for o in own for y in conjuncts(o) for x in self.np_tokens(y, depth + 1)]
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
        if not out and tok.pos_ == "NOUN":
            # "a resolution adopted last week by the agency's Board of Governors": its author
            for v in tok.children:
                if v.dep_ == "acl" and v.tag_ == "VBN":
                    out += [x for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                            for y in conjuncts(p) for x in self.np_tokens(y, depth + 1)]
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

    def _state_referred(self, tok: Token) -> str | None:
        """The state "the country" stands for: the latest named as a subject or possessor in this
        or the two sentences before, else the country the report is filed from."""
        start = window_start(tok)
        for i in range(tok.i - 1, start - 1, -1):
            code = self.country_tokens.get(i)
            t = self.doc[i]
            if code and code not in NON_STATE_CODES and (t.dep_ in ("nsubj", "nsubjpass", "poss") or
                                                          t.head.dep_ in ("nsubj", "nsubjpass")):
                return code
        home = self.doc.user_data.get(HOME)
        return home if home and home not in NON_STATE_CODES else None

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
        if eid is None and tok.lower_ in words("state_anaphora.txt") and tok.tag_ == "NN" and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and \
                tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss"):
            code = self._state_referred(tok)  # "the kingdom agreed", "the country has not requested"
            if code:
                return [Participant(entity=self.country_entity.get(code), code=code, sector=None, text=tok.text)]
        if eid is None and tok.lower_ in ("two", "both") and counted_pair(tok):
            return [Participant(entity=self.country_entity.get(c), code=c, sector=None, text=tok.text)
                    for c in self._the_two(tok)]
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
        if code is None and ent.kind in ("GROUP", "ORG"):
            code = self._possessor_country(tok)
        if code is None and ent.kind == "GROUP":
            pair = self._the_two(tok)
            if pair:  # "border talks between the two countries", "both sides"
                return [Participant(entity=self.country_entity.get(c), code=c, sector=ent.sector, text=text)
                        for c in pair]
        codes = [code]
        if ent.kind == "GROUP":
            # "Senior Hungarian and Romanian officials": one participant per country named
            mention = next((m for m in ent.mentions if m.start <= tok.i < m.end), None)
            ethnic = mention is not None and (any(t.lower_ == "ethnic" for t in self.doc[max(0, mention.start - 1):mention.end])
                                              or self.doc[mention.end - 1].lower_ in words("people_nouns.txt"))
            if ethnic:
                more = []  # "ethnic Albanians in south Serbia": a people, coded where they live
            elif mention is not None:
                more = [self.country_tokens[i] for i in range(mention.start, mention.end) if i in self.country_tokens]
                # "Kyrgyz and Tajik border troops", where the demonyms are mentions of their own
                more += [self.country_tokens[x.i] for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                         for x in conjuncts(c) if x.i in self.country_tokens]
                more += self._split_demonyms(tok)
                codes = list(dict.fromkeys([c for c in [code, *more] if c])) or [None]
        return [Participant(entity=eid, code=c, sector=ent.sector, text=text) for c in codes]

    def _the_two(self, tok: Token) -> list[str]:
        """"the two countries", "both sides", "the two men": the two countries the article has named
        most often up to here, when it names two clearly more often than any other."""
        if not counted_pair(tok) and not any(c.dep_ == "poss" and counted_pair(c) for c in tok.children):
            return []  # (... or "the two countries' defence ministers")
        counts: dict[str, int] = {}
        for i, code in self.country_tokens.items():
            if i < tok.i and len(code) == 3 and code not in NON_STATE_CODES:
                counts[code] = counts.get(code, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) < 2 or (len(ranked) > 2 and ranked[2][1] * 2 > ranked[1][1]):
            # with a third country named about as often (a mediator, a host): the two sides of
            # the latest act that had two ("Russia and Ukraine swapped prisoners")
            for ev in reversed(self.history):
                codes = list(dict.fromkeys(p.code for p in ev.actor
                                           if p.code and len(p.code) == 3 and p.code not in NON_STATE_CODES))
                if len(codes) == 2:
                    return codes
            return []
        return [ranked[0][0], ranked[1][0]]

    def _split_demonyms(self, tok: Token) -> list[str]:
        """Countries of demonyms the parser cut off from a group ("Kyrgyz and Tajik border troops"
        parsed as "Kyrgyz" + "and Tajik border troops"): "X and" just before a group whose first
        word is itself a country's."""
        doc = self.doc
        i = tok.left_edge.i
        if i not in self.country_tokens or i == tok.i:
            return []  # (not "between Azerbaijanis and Armenians": peoples, each its own)
        out = []
        while i >= 2 and doc[i - 1].lower_ in ("and", ",") and (i - 2) in self.country_tokens:
            out.append(self.country_tokens[i - 2])
            i -= 2
        return out

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


def _actor_tokens(c: Cand, args: Args) -> list[Token]:
    w = c.word
    if c.role in ("say-must", "say-threat", "judged"):
        return _source_tokens(c.say)
    if c.light is not None:
        got = subject(c.light)
        if got:
            return got
        return _noun_actor_tokens(w, c.row)
    if w.pos_ in ("NOUN", "PROPN"):
        got = _noun_actor_tokens(w, c.row)
        if got and not args.participants(got):
            got = []  # "filed for international arbitration": an adjective that names no one
        gov = w.head.head if w.dep_ == "pobj" and w.head.pos_ == "ADP" else None
        if not got and gov is not None and w.head.lower_ == "for" and verb_like(gov) and \
                any(o.dep_ == "dobj" for o in gov.children):
            row = match_trigger(gov)
            if row is not None and row.event == "ACCUSE":
                got = patient(gov)  # "blamed the rebels for the ambush": the accused did it (claimed)
        elif not got and gov is not None and verb_like(gov) and \
                (w.head.lower_ == "for" or (w.head.lower_ in ("in", "during", "at") and c.event == "PROTEST")
                 or (w.head.lower_ in ("after", "following") and c.event == "CONSULT"
                     and any(p.dep_ == "prep" and p.lower_ == "with" for p in w.children))):
            # ... "called off the strike after talks with the prime minister": who called it off talked
            # "returned to Geneva for talks", "walked out in protest", "threw stones during demonstrations"
            got = subject(gov)
            while not got and gov.dep_ in ("pcomp", "xcomp") and gov.head.i != gov.i:
                gov = gov.head.head if gov.dep_ == "pcomp" else gov.head  # "resorted to throwing stones during"
                got = subject(gov) if verb_like(gov) else []
                if not got and gov.dep_ == "acl" and gov.tag_ in ("VBD", "VBN") and args._eid(gov.head) and \
                        not any(x.dep_ in ("agent", "dobj") for x in gov.children):
                    got = [gov.head]  # "Palestinian youths resorted to ..." read as a noun phrase
        return got
    got = subject(w)
    if not got and "to" in c.row.actor and is_passive(w):
        # "the envoy, who was summoned to the Foreign Ministry": the body one is summoned to
        got = [g for p in w.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
    if not got and "patient" in c.row.actor:
        got = patient(w)  # "guerrillas have been demobilized": they gave up their arms
    if w.dep_ == "acl" and w.head.dep_ in ("dobj", "attr") and w.head.head.pos_ == "VERB" and \
            (not got or not args.participants(got) or args._eid(w.head) is None):
        # "issued a declaration demanding that ...", "signed an order freezing the assets of ...":
        # a document acts through whoever issued it
        got = subject(w.head.head) or got
    if not got and not is_passive(w):
        got = args.fallback_subject(w)
    if w.dep_ == "conj" and w.head.dep_ == "ccomp" and is_passive(w.head) and not is_passive(w) and \
            got and not any(p.code for p in args.participants(got)) and "say" in roles_of(w.head.head):
        # "the government said the protests had been financed from abroad and accused the EU's
        # ambassador": the parser hung the second verb of the sentence on the reported clause
        got = subject(w.head.head) or got
    return got


def _source_tokens(say: Token) -> list[Token]:
    """Who says it: the subject of a speech verb, or X of "according to X"."""
    if say.lower_ == "according":
        return [g for t in say.children if t.lower_ == "to" for g in t.children if g.dep_ == "pobj"]
    return subject(say)


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
            got = prep_objects(noun, s)
            if not got and s == "from" and noun.dep_ == "dobj":
                got = prep_objects(noun.head, s)  # "drew a sharp protest from Beijing"
            out += got
    return [x for a in out for x in conjuncts(a)]


def heads_of(c: Cand) -> list[Token]:
    """The tokens a trigger's prepositional arguments may hang off: the trigger, the light
    verb and its object noun, a verb's object ("shared evidence with the U.S."), and a noun's
    "of" object ("the withdrawal of forces from Panama")."""
    w = c.word
    heads = [w] + [h for h in (c.np, c.light) if h is not None and h is not w]
    if c.light is not None:  # "slapped travel bans and asset freezes on X": "freezes" read as a verb
        heads += [x for x in c.light.children if x.dep_ in ("conj", "ccomp") and noun_read_as_verb(x)]
    if w.pos_ in ("NOUN", "PROPN"):
        heads += [g for p in w.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj"]
    if c.event in MATERIAL_CONFLICT:  # "opened fire with mortars on a Kyrgyz post": the weapon's phrase
        heads += [g for h in list(heads) for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                  for g in p.children if g.dep_ == "pobj" and not g.ent_type_ and resolve(g.doc, g) is None]
    return heads


def _object_heads(c: Cand, spec: str) -> list[Token]:
    """ "shared evidence with the U.S.", "imposed restrictions on X": a verb's object carries
    the prepositions that name the partner or target."""
    if c.light is None and c.word.pos_ not in ("NOUN", "PROPN") and spec in ("with", "to", "on", "against", "of",
                                                                              "into", "at", "from", "near",
                                                                              "along"):
        return [o for o in c.word.children if o.dep_ == "dobj" and (spec != "from" or match_trigger(o) is None)]
    return []


def _recipient_tokens(c: Cand, spec: str) -> list[Token]:
    w = c.word
    heads = heads_of(c)
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
    if spec == "owner":  # "revoked Calder's licence", "revoked the permits of its operator"
        things = patient(w) if c.light is None and w.pos_ not in ("NOUN", "PROPN") else []
        return [g for x in things for g in x.children if g.dep_ == "poss"] + \
            [x for t in things for x in prep_objects(t, "of")]
    if spec == "that":  # "the court ruled that Nicaragua had violated ...": the clause's subject
        return [x for k in w.children if k.dep_ == "ccomp" for s in k.children if s.dep_ in ("nsubj", "nsubjpass")
                for x in conjuncts(s)]
    got = [x for h in heads + _object_heads(c, spec) for x in prep_objects(h, spec)]
    if not got and c.row.particle:
        # "were handed back to Bangladesh": the parser hung the preposition on the particle
        got = [x for p in w.children if p.dep_ in ("prt", "advmod") and p.lower_ == c.row.particle
               for x in prep_objects(p, spec)]
    if not got and spec in ("against", "on") and c.light is None:
        # "mobilized reservists for a possible war against Iraq"
        got = [x for p in c.word.children if p.dep_ == "prep" and p.lower_ == "for"
               for g in p.children if g.dep_ == "pobj" for x in prep_objects(g, spec)]
    return got


def _goods_origin(c: Cand, args: Args, actor_ents: set) -> list[Participant]:
    """ "tariffs on Chinese-made heat pumps", "duties on European pork", "a ban on Russian oil":
    a measure against goods falls on the country they come from."""
    for spec in c.row.recipient:
        if spec in ("dobj", "dative", "between", "host", "loc"):
            continue
        for t in _recipient_tokens(c, spec):
            if t.pos_ not in ("NOUN", "PROPN"):
                continue
            for m in t.subtree:
                code = args.country_tokens.get(m.i) or _bloc_adjectives().get(m.lower_)
                if m.i < t.i and code:
                    eid = args.country_entity.get(code)
                    if eid is None or eid not in actor_ents:
                        return [Participant(entity=eid, code=code, sector=None, text=m.text)]
    return []


@functools.lru_cache(maxsize=None)
def _bloc_adjectives() -> dict[str, str]:
    return {r["word"]: r["code"] for r in table("bloc_adjectives.tsv", ("word", "code"))}


def _complement(tok: Token) -> Token | None:
    """The clause a framing verb or noun governs ("demanded that the US cancel ..."), or its
    purpose clause ("opened fire to disperse demonstrators")."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i:
            return c
        if c.dep_ in ("acl", "advcl") and verb_like(c) and not any(m.dep_ == "mark" for m in c.children) \
                and (c.dep_ == "acl" or any(a.lower_ == "to" for a in c.children)):
            return c
        if c.dep_ == "acl" and tok.pos_ == "NOUN" and c.i > tok.i and \
                any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return c  # "its demands that Burundi's government grant ...": the noun's content clause
    return None


def _complement_recipients(c: Cand, args: Args, actor_ents: set) -> list[Participant]:
    """Who a request, threat, promise or refusal is addressed to, read off the clause it
    governs: the one asked to act ("demanded that the US cancel"), else that clause's objects
    ("offered to hand over to Great Britain", "threatened to cut off electricity to X")."""
    g = c.governor if c.governor is not None else (c.light or c.word)
    framing = c.role in GOVERNOR_TYPES or c.event in ("REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE")
    comp = _complement(g)
    if comp is None and c.light is not None:
        comp = _complement(c.word)  # "approved new sanctions banning North Korean exports"
    if comp is not None and not framing and not (comp.dep_ in ("xcomp", "advcl") and
                                                 any(a.lower_ == "to" for a in comp.children)) \
            and not (comp.dep_ == "acl" and comp.tag_ == "VBG" and c.event in MATERIAL_CONFLICT):
        # only purpose clauses for other events ("opened fire to disperse demonstrators") and
        # what a measure does ("new sanctions banning North Korean exports")
        return []
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
        got = [p for p in args.participants(toks) if (not p.entity or p.entity not in actor_ents)
               and p.text.lower() not in REFLEXIVES]
        if not got and c.event == "THREATEN":
            got = _threatened_party(comp, args, actor_ents)
        if got or who:
            return got or who  # "vowed to help Syria rebuild"
        comp = _complement(comp)
    return []


def _threatened_party(comp: Token, args: Args, actor_ents: set) -> list[Participant]:
    """Whom a threat is aimed at when the threatened act names no one: the owner of what it
    would take ("warned that Norvanta's licences would be cancelled"), else the one whose conduct
    is its condition ("would seek repayment of the loan if Funafuti cancelled the contracts")."""
    things = [x for x in comp.children if x.dep_ in ("nsubjpass", "dobj")]
    owners = [g for x in things for g in x.children if g.dep_ == "poss" and g.tag_ != "PRP$"]
    conditions = [x for a in comp.children if is_condition(a) for x in a.children if x.dep_ in ("nsubj", "nsubjpass")]
    for toks in (owners, conditions):
        got = [p for p in args.participants(toks) if p.entity not in actor_ents]
        if got:
            return got
    return []


def _held_in(c: Cand, args: Args) -> tuple[list[Participant], list[Participant]] | None:
    """"ordered Valbuena held in pre-trial detention", "kept the activists in custody": the one
    held is the recipient; whoever holds them, or ordered it, the actor."""
    if c.word.dep_ != "pobj" or c.word.head.lower_ not in ("in", "under", "into") or c.event != "COERCE":
        return None
    v = c.light or c.word.head.head  # ("placed the president under house arrest")
    if v.lemma_.lower() not in ("hold", "keep", "place", "put", "remand") or c.word.head.head.i != v.i:
        return None
    objects = [x for x in v.children if x.dep_ == "dobj"]
    if objects:  # "police kept the activists in custody"
        return args.participants(subject(v)), args.participants(objects)
    held = subject(v)
    if v.dep_ in ("ccomp", "xcomp", "oprd") and any(x.dep_ == "nsubj" for x in v.children):
        return args.participants(subject(v.head)), args.participants(held)  # "a judge ordered X held"
    return [], args.participants(held)  # "the suspects were held in detention"


def sides(c: Cand, args: Args) -> tuple[list[Participant], list[Participant], bool]:
    """(actor, recipient, reciprocal?) of a candidate."""
    held = _held_in(c, args)
    if held is not None:
        return held[0], held[1], False
    if trailing_report(c.word):  # "X are failing ..., a human rights group protested": the group accuses X
        said = c.word.sent.root
        return args.participants([c.word.head]), args.participants(subject(said)), False
    actor = args.participants(_actor_tokens(c, args))
    if c.role == "commanded" or (c.governor is not None and not actor):
        actor = actor or args.participants(subject(c.governor))
    recipient: list[Participant] = []
    reciprocal = False
    if c.role in ("say-must", "say-threat"):
        recipient = args.participants([x for x in c.word.children if x.dep_ in ("nsubj", "nsubjpass")])
        if not recipient:
            return actor, [], False
    elif c.role == "judged":
        actor = args.participants(_source_tokens(c.say))
        judged = [x for x in c.word.head.children if x.dep_ == "nsubj"]
        recipient = args.participants(judged) or _earlier_actor_of(judged, c, args, {p.code for p in actor})
        return actor, [p for p in recipient if p.entity not in {a.entity for a in actor}], False
    elif "host" in c.row.recipient:
        visitors = args.participants(patient(c.word) or _recipient_tokens(c, "to"))
        actor, recipient = visitors, actor
    elif c.event == "PROTEST" and (targets := _protest_target(c, args)):
        recipient = targets
    elif c.event == "ACCUSE" and (accused := _object_event_actor(c, args, preps=ACCUSED_PREPS)):
        # "complained to the UN over two Israeli air raids", "an investigation into crimes
        # committed by Croat forces": the accused is who did what the accusation is about
        recipient = accused
    else:
        actor_ents0 = {p.entity for p in actor if p.entity}
        for spec in c.row.recipient:
            recipient = [p for p in args.participants(_recipient_tokens(c, spec))
                         if not p.entity or p.entity not in actor_ents0]
            if recipient:
                break
        if not recipient and c.event == "SANCTION":
            recipient = _goods_origin(c, args, actor_ents0)
        if not recipient and c.light is not None:
            # "gave the Ivory Coast 5.1 million dollars of aid", "a US national was put under
            # investigation": the light verb's own second object or patient
            others = [x for x in dative(c.light) + patient(c.light) if x.i != c.word.i and x is not c.np]
            recipient = args.participants(others)
    parties = [x for h in heads_of(c) for x in between(h)]
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
        return [p for p in ps if (not p.entity or p.entity not in actor_ents) and p.text.lower() not in REFLEXIVES]
    if not reciprocal:
        recipient = other(recipient)
    anchor = c.governor if c.governor is not None else c.word
    for inner in sorted(c.absorbed, key=lambda x: (x.word.dep_ != "xcomp" and (x.light is None or
                                                                                x.light.dep_ != "xcomp"),
                                                   abs(x.word.i - anchor.i))):
        if recipient and any(p.code for p in recipient):
            break
        _, inner_recip, _ = sides(inner, args)
        inner_actor = args.participants(_actor_tokens(inner, args))
        if c.role in ("request", "command", "say-must"):
            got = other(inner_actor) or other(inner_recip)
        else:
            actor_codes = {p.code for p in actor}
            got = other(inner_recip) or [p for p in other(inner_actor) if p.code not in actor_codes]
        if got and (not recipient or any(p.code for p in got)):
            recipient = got
    if not recipient:
        recipient = other(_object_event_actor(c, args))  # "denounced Serbia's suppression of ..."
    if not recipient and c.event == "THREATEN":
        recipient = _condition_subjects(c, args, actor_ents)  # "... if the Taliban attacked"
    if not recipient:
        recipient = _complement_recipients(c, args, actor_ents)
        if c.event in ("THREATEN", "AGREE"):
            # "warned that Taiwan would seek repayment": what the actor's own side would do
            recipient = [p for p in recipient if p.code is None or p.code not in {a.code for a in actor}
                         or p.sector not in (None, "GOV", "MIL", "COP", "SPY")]  # (not "any exile who ...")
    if not recipient and (c.event in REACTIONS or c.role == "evaluate"):
        recipient = other(_earlier_event_actor(c, args, _own_side(actor)))
    if not recipient and any(lemma(x) in RETALIATION for x in [c.word] + [i.word for i in c.absorbed]):
        recipient = other(_retaliation_target(actor, args))
    if not recipient and c.event in MATERIAL_CONFLICT:
        recipient = other(_owner_struck(c, args))  # "ambushed one of its convoys"
    if not recipient and c.event in MATERIAL_CONFLICT:
        recipient = other(_crowd_of_the_moment(c, args, actor_ents))
    if not recipient and "loc" in _loc_specs(c):
        recipient = _loc_recipient(c, args, actor_ents)
    elif recipient and not any(p.code for p in recipient) and c.event in MATERIAL_CONFLICT:
        recipient = recipient + _loc_recipient(c, args, actor_ents)  # "killed 23 people in Tel Aviv"
    return actor, recipient, reciprocal


REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves"})
#: Prepositions after an accusation that name what it is about ("complained over the raids").
ACCUSED_PREPS = ("over", "about", "into", "for", "against")
#: Events that react to another event ("Russia condemned the attack").
REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN", "SANCTION"})


#: Verbs of answering a blow: whom they answer is whoever dealt the blow before.
RETALIATION = frozenset({"retaliate", "respond", "avenge", "reciprocate", "retaliation", "revenge", "response"})


def _retaliation_target(actor: list[Participant], args: Args) -> list[Participant]:
    """ "Moscow would retaliate soon": against whoever last acted against Moscow."""
    codes = {p.code for p in actor if p.code}
    for ev in reversed(args.history):
        if ev.event == "ACCUSE" and codes & {p.code for p in ev.actor} and ev.recipient and \
                not codes & {p.code for p in ev.recipient}:
            # "blamed Israel for the incident and vowed that Iran would retaliate"
            return [Participant(entity=p.entity, code=p.code, sector=p.sector, text=p.text) for p in ev.recipient]
        if codes & {p.code for p in ev.recipient} and ev.actor and not codes & {p.code for p in ev.actor}:
            return [Participant(entity=p.entity, code=p.code, sector=p.sector, text=p.text) for p in ev.actor]
    return []


#: Sectors of those who speak against their own state: the opposition condemning the government's
#: act condemns its own country's act.
CHALLENGER_SECTORS = frozenset({"OPP", "REB", "CVL", "SOC", "LAB", "JRN"})


def _own_side(actor: list[Participant]) -> set:
    """The codes whose acts are the actor's own: its country's, unless it is a challenger of that
    state (the opposition, rebels, civil society)."""
    if actor and all(p.sector in CHALLENGER_SECTORS for p in actor):
        return set()
    return {p.code for p in actor if p.code}


def _earlier_event_actor(c: Cand, args: Args, own: set = frozenset()) -> list[Participant]:
    """ "Russia condemned the attack": the attack is the one the article reported before; its
    actor is the one condemned (in-article event coreference)."""
    objs = patient(c.word) if c.light is None and c.word.pos_ not in ("NOUN", "PROPN") else []
    # "the closures, which were also criticised by ...": the relative pronoun stands for its noun
    objs = [c.word.head if o.lower_ in ("which", "that") and c.word.dep_ == "relcl" else o for o in objs]
    for o in objs:
        if o.pos_ not in ("NOUN", "PROPN") or not any(d.lower_ in ("the", "this", "that") for d in o.children):
            continue
        if args.participants([o]):
            return []
        row = match_trigger(o)
        want = row.event if row is not None else None
        if want is None and o.lemma_.lower() not in words("event_anaphors.txt"):
            owner = _owner_named_before(o, args)
            if owner:
                return [p for p in owner if p.code not in own]
            continue
        # (what the noun refers back to came before it; "the closures" are the last act of closing)
        return _last_actor(args, min(c.word.i, o.i), want, own, stem=o.lemma_.lower()[:4])
    return []


def _owner_named_before(o: Token, args: Args) -> list[Participant]:
    """ "called the warrant 'a neo-colonial instrument'", after "a warrant from the International
    Criminal Court": the one whose thing it was when it was named before ("from", "by", "'s")."""
    lem = o.lemma_.lower()
    for t in reversed(o.doc[:o.i]):
        if t.lemma_.lower() != lem or t.pos_ != "NOUN":
            continue
        toks = [x for x in t.children if x.dep_ == "poss"] + \
            [g for p in t.children if p.dep_ == "prep" and p.lower_ in ("from", "by") for g in p.children
             if g.dep_ == "pobj"]
        got = [p for p in args.participants(toks) if p.code]
        if got:
            return got
    return []


def _last_actor(args: Args, before: int, want: str | None, own, stem: str = "") -> list[Participant]:
    """The actor of the last event (of type `want`, or any) found before token `before`, unless it
    is one of `own` codes: not one's own act ("Moscow called the accusation a provocation"); of
    those, first one named by a word of the same stem ("the closures": "closed")."""
    order = list(reversed(args.history))  # the latest first
    if len(stem) == 4:
        named = [ev for ev in order if ev.trigger.root.lemma_.lower().startswith(stem)]
        order = named + [ev for ev in order if ev not in named]
    for ev in order:
        if any(p.code for p in ev.actor) and (want is None or ev.event == want) and ev.trigger.start < before \
                and not own & {p.code for p in ev.actor}:
            return [Participant(entity=p.entity, code=p.code, sector=p.sector, text=p.text) for p in ev.actor]
    return []


#: A country's missions abroad: a protest outside one is directed at that country.
MISSIONS = frozenset({"embassy", "consulate", "legation", "mission", "high commission"})


def _earlier_actor_of(nouns: list[Token], c: Cand, args: Args, own: set) -> list[Participant]:
    """ "said the tariffs were naked protectionism": the one judged is whoever the article said
    imposed the tariffs (the last event of the type the noun names, before the judgement)."""
    for o in nouns:
        row = match_trigger(o) if o.pos_ in ("NOUN", "PROPN") else None
        if row is not None:
            got = _last_actor(args, c.word.i, row.event, own)
            if got:
                return got
    return []


def _protest_target(c: Cand, args: Args) -> list[Participant]:
    """ "blocked streets in defiance of Chinese authorities", "marched in protest against the
    government", "protested outside the British embassy": whom a protest is directed at, named by
    the phrase that says so."""
    for h in (c.light or c.word, c.word):
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ not in ("outside", "at", "near", "to", "in", "before"):
                continue
            objs = [g for g in p.children if g.dep_ == "pobj"]
            objs += [x for g in objs if g.lower_ == "front" for x in prep_objects(g, "of")]  # "in front of"
            for g in objs:
                if g.lemma_.lower() in MISSIONS:
                    mods = [x for x in g.children if x.dep_ in ("amod", "compound", "poss", "nmod")]
                    got = args.participants(mods + prep_objects(g, "of")) or args.participants([g])
                    got = [q for q in got if q.code]
                    if got:
                        return got
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            for g in p.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in ("defiance", "protest", "opposition"):
                    toks = [x for q in ("of", "against", "at") for x in prep_objects(g, q)]
                    got = args.participants(toks)
                    if got:
                        return got
    return []


def _object_event_actor(c: Cand, args: Args, preps: tuple[str, ...] = ()) -> list[Participant]:
    """ "Albania denounced Serbia's suppression of the unrest", "police prevented the
    demonstration staged by students": when what the event acts on is another event, named by a
    noun, the one it is directed at is that event's actor (its possessor, its modifier, its "by"
    phrase, or the agent of a participle on it). With `preps`, also the events named after those
    prepositions on the trigger ("complained over Israeli air raids")."""
    if preps:
        objs = [x for h in heads_of(c) for p in preps for x in prep_objects(h, p)]
    elif c.light is not None or c.word.pos_ in ("NOUN", "PROPN"):
        return []
    else:
        objs = patient(c.word) or _after_as(c.word)
    for o in objs:
        event_noun = match_trigger(o) is not None
        if o.pos_ not in ("NOUN", "PROPN") or (not event_noun and (args.participants([o]) or not preps)):
            continue
        toks = [x for x in o.children if x.dep_ == "poss"] + prep_objects(o, "by")
        toks += [g for a in o.children if a.dep_ == "acl" and a.tag_ == "VBN"
                 for x in a.children if x.dep_ == "agent" for g in x.children if g.dep_ == "pobj"]
        toks += [x for x in o.children if x.dep_ in ("amod", "compound") and args.participants([x])]
        got = args.participants([x for t in toks for x in conjuncts(t)])
        if got:
            return got
    return []


def _crowd_of_the_moment(c: Cand, args: Args, actor_ents: set) -> list[Participant]:
    """ "police fired tear gas and detained 23 people as supporters of the opposition tried to
    march on parliament": force used with no target named is used on those the "as" clause
    says were acting then."""
    w = c.light or c.word
    if w.pos_ not in ("VERB", "AUX"):
        return []
    verbs = [w]
    while verbs[-1].dep_ == "conj" and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)
    verbs += [x for v in list(verbs) for x in v.children if x.dep_ == "conj" and x.pos_ == "VERB"]
    for v in verbs:
        for cl in v.children:
            if cl.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("as", "while") for m in cl.children):
                got = [p for p in args.participants(subject(cl)) if p.entity not in actor_ents]
                if got:
                    return got
    return []


def _after_as(verb: Token) -> list[Token]:
    """ "denounced as an ugly crime Serbia's suppression of ...": the object moved after the "as"
    phrase, which the parser reads as an apposition or a second object of "as"."""
    out: list[Token] = []
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ == "as":
            pobjs = [g for g in p.children if g.dep_ == "pobj"]
            out += pobjs[1:] + [a for g in pobjs[:1] for a in g.children if a.dep_ == "appos"]
    return out


def _owner_struck(c: Cand, args: Args) -> list[Participant]:
    """ "gunmen ambushed one of its convoys", "shelled their positions": the one whose convoy or
    positions are struck, named by a possessive pronoun the article resolves."""
    if c.light is not None or c.word.pos_ in ("NOUN", "PROPN"):
        return []
    for o in patient(c.word):
        nouns = [o] + [g for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj"]
        owners = [x for n in nouns for x in n.children if x.dep_ == "poss" and x.pos_ == "PRON"
                  and x.lower_ in ("its", "their")]
        got = [p for p in args.participants(owners) if p.code]
        if got:
            return got
    return []


def _condition_subjects(c: Cand, args: Args, actor_ents: set) -> list[Participant]:
    """ "threatened to stop negotiations if the United States goes ahead": the one the
    condition is put to."""
    heads = [x for x in (c.governor, c.light, c.word) if x is not None]
    heads += [x for i in c.absorbed for x in (i.word, i.light) if x is not None]
    heads += [g for h in list(heads) for g in h.children if g.dep_ in ("xcomp", "ccomp", "dobj")]
    for h in list(heads):  # "if X ..., we stand ready to impose sanctions": the condition on the frame
        while h.dep_ in ("xcomp", "acomp") and h.head.i != h.i:
            h = h.head
            heads.append(h)
    for h in heads:
        for cl in h.children:
            if is_condition(cl):
                got = [p for p in args.participants(subject(cl)) if not p.entity or p.entity not in actor_ents]
                if got:
                    return got
    return []


def _loc_specs(c: Cand) -> tuple[str, ...]:
    specs = c.row.recipient
    for inner in c.absorbed:
        specs += inner.row.recipient
    return specs


def _loc_recipient(c: Cand, args: Args, actor_ents: set) -> list[Participant]:
    """ "shelled positions in Jericho", "imposed a curfew in Cizre": the place's country."""
    heads = heads_of(c) + [i.word for i in c.absorbed]
    if c.light is None and c.word.pos_ not in ("NOUN", "PROPN"):
        heads += [o for o in c.word.children if o.dep_ == "dobj"]  # "strengthened its forces in Lebanon"
    if c.word.pos_ in ("NOUN", "PROPN") and c.word.dep_ == "nsubj":
        heads.append(c.word.head)  # "an aid convoy crossed into Syria"
    heads += [x for h in list(heads) for x in h.children
              if x.dep_ == "acl" or (x.dep_ == "relcl" and x.lemma_.lower() in REACH_VERBS)]
    found = find_place(args.doc, heads, args.tokmap, args.ents, set(), country_tokens=args.country_tokens)
    if found is None:
        return []
    place, eid = found
    code = place.get("country_code")
    if not code or eid in actor_ents:
        return []
    return [Participant(entity=eid, code=code, sector=None, text=place["extracted_place"])]


@functools.lru_cache(maxsize=None)
def _unidentified_words() -> dict[str, str]:
    """Words for an unknown attacker or the weapon it left behind ("a roadside bomb killed ..."),
    with the sector PLOVER gives the unnamed attacker (`unidentified.tsv`)."""
    return {r["word"]: r["sector"] for r in table("unidentified.tsv", ("word", "sector"))}


def unidentified(c: Cand, args: Args, place: dict | None) -> list[Participant]:
    """An attack with no one named behind it but a bomb, a blast or gunmen, where the place is
    known: PLOVER's unidentified actor of that country."""
    w = c.light or c.word
    cands = list(w.children) + [g for x in w.children if x.dep_ in ("agent", "prep") for g in x.children]
    # "attacked twice last year, both times by saboteurs"
    cands += [g for x in w.children if x.dep_ == "npadvmod" for p in x.children if p.dep_ == "prep"
              and p.lower_ == "by" for g in p.children if g.dep_ == "pobj"]
    cands += [g for x in list(cands) if x.dep_ == "pobj" for g in x.children if g.dep_ == "compound"]
    if w.pos_ in ("NOUN", "PROPN"):
        cands += [w] + list(w.children)
    words = _unidentified_words()
    for t in cands:
        sector = words.get(t.lower_) or words.get(t.lemma_.lower())
        if sector and (place is None or not place.get("country_code")):
            found = find_place(args.doc, [t], args.tokmap, args.ents, set(), country_tokens=args.country_tokens)
            place = found[0] if found else dateline_country(args.doc, None)
        if sector and place is not None and place.get("country_code"):
            text = args.doc[t.left_edge.i:t.i + 1].text if t.i - t.left_edge.i <= 4 else t.text
            return [Participant(entity=None, code=place["country_code"], sector=sector, text=text)]
    return []


def _each_other(c: Cand) -> bool:
    for h in [c.word] + ([c.light] if c.light is not None else []):
        for t in h.subtree:
            if t.lower_ in ("other", "another") and t.i > 0 and t.nbor(-1).lower_ in ("each", "one"):
                return True
    return False


