"""`tidings_actors`: people, organisations, countries, places and groups, each mention tied to
one entity with its country (ISO alpha-3 or a PLOVER actor code) and sector.

Sources, in order of trust: the actor lexicons (`countries.tsv`, `organizations.tsv`,
`groups.tsv`, matched case-exactly), spaCy's named entities (corrected where the lexicons know
better: a capital tagged PERSON is a capital), titles and appositions around names
("Russian Defense Minister Sergei Shoigu" is RUS, MIL and GOV), and group nouns with a
national modifier ("Russian officials"). In-article coreference joins surnames ("Mr. Shoigu"),
spelling variants and definite titles ("the Russian Defense Minister") to their person.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from . import gazetteer
from .lexicons import table, words
from .actor_groups import GroupsMixin, Mention as _Mention, named_by_last_word, named_by_sector_noun  # noqa: F401 (re-exported)
from .extensions import MENTIONS, QUOTES
from .quotes import inside
from .segment import doc_dateline
from .model import Entity
from .coref import (COUNTRY_TOKENS, PERSON_PRONOUNS, entity_by_id, entity_class, phrase_of, resolve,  # noqa: F401
                    token_entities)

#: Verbs and nouns of going somewhere: "to X" after them names a place ("travel to Siem Reap").
MOTION = frozenset({"travel", "fly", "go", "return", "head", "come", "move", "arrive", "trip", "visit",
                    "journey", "sail", "drive", "flee", "send", "deport", "transfer"})
LOCATIVE = frozenset({"in", "at", "to", "from", "near", "into", "outside", "across", "around", "inside",
                      "toward", "towards", "through", "via", "of"})
REGION_WORDS = frozenset({"region", "province", "oblast", "governorate", "district", "state", "county",
                          "prefecture", "territory", "city", "border"})
TREATY_WORDS = frozenset({"treaty", "agreement", "accord", "accords", "pact", "convention", "charter",
                          "protocol", "deal", "memorandum"})
HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame", "lord"})
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "iobj", "conj", "appos", "agent", "attr",
                      "ROOT", "dative", "oprd", "poss"})
def _norm_name(text: str) -> str:
    return " ".join(re.sub(r"[\-\u2010\u2011\u2013.'\u2019]", " ", text.lower()).split())


class ActorFinder(GroupsMixin):
    """Holds the matchers built from the lexicons; `__call__` finds the entities of a doc."""

    def __init__(self, nlp: Language):
        self.names = gazetteer.names()
        self.titles = gazetteer.titles()
        self.title_words = gazetteer.title_words()
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for name in self.names:
            self.name_matcher.add(name, [nlp.make_doc(name)])
        self.title_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for t in self.titles:
            self.title_matcher.add(t, [nlp.make_doc(t)])
        gazetteer.warm()  # build the place index now, not on the first article

    # -- lexicon helpers ------------------------------------------------------------------
    def _titles_in(self, tokens: list[Token]) -> list[str]:
        """Longest titles found in a run of tokens, left to right ("secretary-general" as one)."""
        low = [t.lower_ for t in tokens]
        found, i = [], 0
        while i < len(low):
            for j in range(len(low), i, -1):
                cand = "".join(t.lower_ + (" " if t.whitespace_ else "") for t in tokens[i:j]).strip()
                if cand in self.titles:
                    found.append(cand)
                    i = j - 1
                    break
            i += 1
        return found

    def _sectors(self, titles: list[str]) -> list[str]:
        out: list[str] = []
        for t in titles:
            for s in self.titles[t].sectors:
                if s not in out:
                    out.append(s)
        return out

    # -- main -------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self._texts = [t.text for t in doc]  # (token texts, read once: token objects are costly)
        gaz, every = self._gazetteer_spans(doc)
        self.country_of_token: dict[int, str] = {}  # demonym / country / capital tokens -> code
        self.org_of_token: dict[int, str] = {}  # tokens of international organisations' names -> code
        for span, actor in every:
            if actor.kind in ("COUNTRY", "DEMONYM", "CAPITAL"):
                for t in span:
                    self.country_of_token[t.i] = actor.code
            elif actor.kind in ("ORG", "GROUP") and actor.code:
                for t in span:
                    self.org_of_token[t.i] = actor.code
        mentions: list[_Mention] = []
        taken: set[int] = set()
        self._surnames: set[str] = set()  # of the people found so far, for "Mutasa said"
        # bodies by the noun they were described with ("Frontex, the EU's border agency"), for
        # "the agency" later
        self._described_as: dict[str, _Mention] = {}
        self._first_names: set[str] = set()  # ... and "Pimchanok said" (outside quotations)
        # the segmenter's quotations, as character spans
        self._quotes = [(q.start_char, q.end_char) for q in doc.spans[QUOTES]] if QUOTES in doc.spans else []

        def take(m: _Mention) -> None:
            mentions.append(m)
            taken.update(range(m.span.start, m.span.end))

        line = doc_dateline(doc)  # "JUBA, June 20 (Reuters) -": a place, whatever the NER says
        dl = doc.char_span(line[1], line[2], alignment_mode="expand") if line else None
        if dl is not None and (gazetteer.place(line[0]) is None or len(dl) == 1):
            dl = None  # (a one-word dateline stays with the lexicons: "MOSCOW" is Russia's capital)
        for span, actor in gaz:
            if dl is not None and span.start < dl.end and dl.start < span.end:
                continue  # "AU" inside "PORT-AU-PRINCE"
            m = self._from_lexicon(doc, span, actor)
            if m is not None:
                take(m)
        span = doc.char_span(line[1], line[2], alignment_mode="expand") if line else None
        if span is not None and not any(i in taken for i in range(span.start, span.end)) and \
                gazetteer.place(line[0]) is not None:
            take(self._location(doc, span))
        for ent in doc.ents:
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            m = self._from_ent(doc, ent)
            if m is not None:
                take(m)
        for m in self._capitalised_bodies(doc, mentions, taken):
            take(m)
        for m in self._titled_names(doc, taken):
            take(m)
        for m in self._north_south(doc, mentions, taken):
            take(m)
        for m in self._treaties(doc, taken):
            take(m)
        for m in self._groups(doc, taken):
            take(m)
        for m in self._bare_surnames(doc, mentions, taken):
            take(m)
        for m in self._acronyms(doc, mentions, taken):
            take(m)
        from .triggers import match_trigger
        for span, actor in every:  # "an Israeli air strike": the country, named by its adjective
            if actor.kind == "DEMONYM" and actor.code and not any(i in taken for i in range(span.start, span.end)) \
                    and span.root.dep_ in ("amod", "compound") and span.root.head.pos_ == "NOUN" \
                    and match_trigger(span.root.head) is not None:
                take(_Mention(span, "COUNTRY", gazetteer.countries()[actor.code]["name"], actor.code,
                              key=f"C:{actor.code}", geo=gazetteer.place(gazetteer.countries()[actor.code]["name"])))
        self._described_bodies(doc, mentions)
        persons = [m for m in mentions if m.kind == "PERSON"]
        for m in persons:
            self._describe_person(doc, m)
        # phrases claim their title tokens, so that "Minister" in a title phrase is not a group
        phrase_tokens = {i for m in persons if m.phrase is not None for i in range(m.phrase.start, m.phrase.end)}
        mentions.extend(self._definite_titles(doc, persons, phrase_tokens | taken))
        self._homes(doc, mentions)
        entities = self._join(doc, mentions)
        self._body_of_title(doc, entities)
        self._officers_of_bodies(doc, entities)
        self._home_country(doc, entities)
        for e in entities:
            if e.kind == "GROUP" and all(is_institution(s.root) for s in e.mentions):
                e.kind = "ORG"  # "the Interior Ministry", "riot police": a body, not its members
        doc._.entities = entities
        doc.user_data[COUNTRY_TOKENS] = dict(self.country_of_token)
        doc.user_data[DESCRIBED_AS] = {
            head: (m.span.start, e.id) for head, m in self._described_as.items()
            for e in entities if any(s.start == m.span.start for s in e.mentions)}
        group = []
        for e in entities:
            for span in e.mentions:
                span._.entity = e.id
                group.append(span)
        doc.spans[MENTIONS] = group
        self._spokespeople_of_its(doc, entities)
        return doc

    @staticmethod
    def _spokespeople_of_its(doc: Doc, entities: list[Entity]) -> None:
        """ "The U.N. human rights office said ... Its spokesperson, Laila Haddad, said": a person
        named as the officer of a body a pronoun stands for speaks for that body's country."""
        for e in entities:
            if e.kind != "PERSON":
                continue
            for span in e.mentions:
                root = span.root
                if root.dep_ != "appos":
                    continue
                owner = next((c for c in root.head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")),
                             None)
                body = entity_by_id(doc).get(resolve(doc, owner)) if owner is not None else None
                if body is not None and body.kind in ("ORG", "COUNTRY") and body.country:
                    e.country = body.country
                    break

    def _gazetteer_spans(self, doc: Doc) -> tuple[list[tuple[Span, gazetteer.Actor]], list]:
        """(lexicon names that stand as mentions, every lexicon name found)."""
        spans, every = [], []
        names = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT")]
        for match_id, start, end in self.name_matcher(doc):
            span = Span(doc, start, end, label=match_id)
            # A lexicon name inside a longer proper name ("Jordan" in "Michael Jordan") yields to it,
            # unless it modifies a title ("Kyrgyz Prime Minister Nikolai Tanaev").
            inside = [e for e in names if e.start <= start and end <= e.end and (e.end - e.start) > (end - start)]
            actor = self.names[span.label_]
            before_title = end < len(doc) and doc[end].lower_ in self.title_words and \
                actor.kind in ("COUNTRY", "DEMONYM", "CAPITAL")
            if inside and not before_title and self._has_foreign_name_word(inside[0], start, end):
                if inside[0].label_ != "PERSON":
                    every.append(span)  # (a person's name says nothing of a country: "Georgia Smith")
                continue
            every.append(span)
            if self._names_a_body(doc, span, actor):
                continue
            spans.append(span)
        covered = {i for s in every for i in range(s.start, s.end)}
        people = {i for e in names if e.label_ == "PERSON" for i in range(e.start, e.end)}
        for t in doc:
            if t.i in covered or t.i in people or t.pos_ not in ("PROPN", "ADJ", "NOUN") or not t.is_title:
                continue
            name = gazetteer.misspelt_country(t.text)  # "Afganistan", "Ethopia"
            if name is not None:
                span = Span(doc, t.i, t.i + 1, label=name)
                every.append(span)
                spans.append(span)
        spans = filter_spans(spans)
        every = filter_spans(every)
        return [(s, self.names[s.label_]) for s in spans], [(s, self.names[s.label_]) for s in every]

    @staticmethod
    def _names_a_body(doc: Doc, span: Span, actor: gazetteer.Actor) -> bool:
        """ "Seoul Metro": a capital named as the first word of a facility or organisation that the
        NER found just after it (and that is no place of that country)."""
        if actor.kind != "CAPITAL" or span.end >= len(doc) or span.root.dep_ != "compound":
            return False
        nxt = next((e for e in doc.ents if e.start == span.end), None)
        if nxt is None or nxt.label_ not in ("FAC", "ORG") or span.root.head.i not in range(nxt.start, nxt.end):
            return False
        where = gazetteer.place(nxt.text)
        return where is None or where["country_code"] != actor.code

    def _has_foreign_name_word(self, ent: Span, start: int, end: int) -> bool:
        for t in ent:
            if start <= t.i < end or not t.is_title or t.lower_ in self.title_words or t.text in self.names:
                continue
            if t.lower_ in ("the",):
                continue
            return True
        return False

    def _from_lexicon(self, doc: Doc, span: Span, actor: gazetteer.Actor) -> _Mention | None:
        if actor.kind == "DEMONYM":
            head = span.root
            # "the Russians", "Russians said": a people, not an adjective.
            if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ARG_DEPS and head.tag_ in ("NNPS", "NNS") \
                    and head.dep_ not in ("compound", "amod"):
                code = actor.code
                # "Bosnian Serbs", "Iraqi Kurds": the people of the country named before them
                for c in head.children:
                    if c.dep_ in ("amod", "compound") and c.i in self.country_of_token and c.i < span.start:
                        code = self.country_of_token[c.i]
                        span = doc[c.left_edge.i:span.end] if c.left_edge.i >= span.start - 3 else span
                        break
                return _Mention(span, "GROUP", span.text, code, key=f"G:{span.text.lower()}", people=True)
            noun = head.head
            if head.dep_ in ("amod", "compound") and noun.i == span.end and noun.lower_ in words("people_nouns.txt"):
                # "the Albanian population of the province", "the Russian minority in Estonia"
                whole = doc[span.start:noun.i + 1]
                return _Mention(whole, "GROUP", whole.text, actor.code, key=f"G:{whole.text.lower()}", people=True)
            return None
        if actor.kind == "PERSON":
            return _Mention(span, "PERSON", actor.name, actor.code, [actor.sector] if actor.sector else [])
        if actor.kind == "CAPITAL":
            head = span.root.head
            nxt = span.end + 1
            if span.end < len(doc) and doc[span.end].text == "," and nxt in self.country_of_token \
                    and self.country_of_token[nxt] != actor.code:
                return self._location(doc, span)  # "Tripoli, Lebanon" is not Libya's capital
            if span.root.dep_ == "pobj" and head.lower_ in LOCATIVE:
                others = {self.country_of_token[t.i] for t in span.sent if t.i in self.country_of_token
                          and not span.start <= t.i < span.end} - {actor.code}
                namesake = gazetteer.place(span.text, others) if others else None
                if namesake is not None and namesake.get("country_code") in others:
                    # "in Tripoli as shells hit the north Lebanese port": Lebanon's Tripoli
                    for t in span:
                        self.country_of_token[t.i] = namesake["country_code"]
                    return _Mention(span, "LOCATION", span.text, namesake["country_code"], key=f"L:{span.text}",
                                    geo=namesake)
                geo = gazetteer.place(span.text, {actor.code})
                return _Mention(span, "LOCATION", span.text, actor.code, key=f"L:{span.text}", geo=geo)
            return _Mention(span, "COUNTRY", gazetteer.countries()[actor.code]["name"], actor.code,
                            key=f"C:{actor.code}", geo=gazetteer.place(gazetteer.countries()[actor.code]["name"]))
        if actor.kind == "COUNTRY":
            return _Mention(span, "COUNTRY", actor.name, actor.code, key=f"C:{actor.code}",
                            geo=gazetteer.place(actor.name))
        sectors = [actor.sector] if actor.sector else []
        kind = actor.entity_kind if actor.entity_kind in ("ORG", "GROUP", "PERSON") else "ORG"
        return _Mention(span, kind, actor.name, actor.code, sectors, key=f"O:{actor.name}")

    def _from_ent(self, doc: Doc, ent: Span) -> _Mention | None:
        label = ent.label_
        if label == "GPE" and ent.text in self.names and self._names_a_body(doc, ent, self.names[ent.text]):
            return None  # "Seoul" of "Seoul Metro": part of the name that follows
        toks = list(ent)
        # Region names the small model mislabels: "Belgorod region" (PRODUCT), "Donetsk oblast".
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.lower_ in REGION_WORDS and label in ("PRODUCT", "PERSON", "ORG", "GPE", "LOC",
                                                                          "NORP", "WORK_OF_ART"):
            span = doc[ent.start:ent.end + 1]
            return self._location(doc, span)
        if label in ("GPE", "LOC", "NORP") and len(ent) == 1 and ent.text in self._surnames and \
                (gazetteer.place(ent.text) is None or ent.root.dep_ in ("nsubj", "nsubjpass", "poss")
                 and ent.text not in self.names):
            # "Wirawan will travel", after "President Hendra Wirawan"; "Valdivia warned", after
            # "President Ernesto Valdivia", though Valdivia is also a city
            return _Mention(ent, "PERSON", ent.text)
        if (label == "PERSON" or label == "ORG" and len(ent) == 1 and ent.text not in self.names) and \
                ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE and \
                (ent.root.head.lower_ not in ("to", "from") or ent.root.head.head.lemma_.lower() in MOTION) and \
                gazetteer.place(ent.text) is not None:
            return self._location(doc, ent)  # "talks in Siem Reap" tagged PERSON, "Talks in Almaty" ORG
        if label in ("PERSON", "ORG") and len(ent) == 1 and ent.root.dep_ == "pobj" and \
                ent.root.head.lower_ in ("to", "into") and ent.root.head.head.lemma_.lower() in MOTION and \
                ent.text not in self.names and not any(c.dep_ in ("det", "poss") for c in ent.root.children):
            return self._location(doc, ent)  # "flew reinforcements to Quissanga": a place the gazetteer lacks
        # "the Attorney General's Office" (of which the NER may keep "General's Office"): a body
        # named with a possessive keeps its title words
        possessive_body = label == "ORG" and any(t.tag_ == "POS" for t in toks)
        if possessive_body:
            start = ent.start
            while start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in self.title_words:
                start -= 1
            ent = doc[start:ent.end]
            toks = list(ent)
        if label == "ORG" and (self._after_person_title(ent) or self._titled_apposition(ent) and
                               not any(t.lower_ in words("org_heads.txt") or t.text in self.names for t in ent)):
            # "the Canadian general manager, Paul Desrochers", "Julie Marchand, a spokesperson for ..."
            strip = gazetteer.name_title_words()
            k = 0
            while k < len(toks) - 1 and (toks[k].lower_ in HONORIFICS or toks[k].lower_ in strip):
                k += 1  # "a mutineers' spokesman, Sergeant Jean-Marie Ciza": the rank is a title
            name = doc[ent.start + k:ent.end]
            return _Mention(name, "PERSON", name.text)
        if label in ("ORG", "GPE") and len(ent) in (2, 3) and ent[-1].text == "State" and \
                all(t.is_title for t in ent) and ent.text not in self.names:
            return self._location(doc, ent)  # "Bayelsa State", "Rakhine State": a state of a federation
        if label in ("PERSON", "WORK_OF_ART", "ORG"):
            # Strip leading titles and honorifics: "General Ri Yong-ho", "Mr. Ri".
            i = 0
            strip = gazetteer.name_title_words()
            while i < len(toks) and (toks[i].lower_ in HONORIFICS or toks[i].lower_ in strip
                                     or toks[i].lower_ == "the"
                                     or toks[i].text in self.names and (toks[i].i in self.country_of_token
                                                                        or toks[i].i in self.org_of_token
                                                                        or label != "PERSON")
                                     or toks[i].text == "-" and i > 0 and toks[i - 1].lower_ in strip):
                i += 1
            if possessive_body:
                i = 1 if toks[0].lower_ == "the" else 0
            rest = toks[i:]
            if not rest:
                return None  # only title words: "Defense"
            before = doc[ent.start - 1] if ent.start > 0 else None
            title_before = self.titles.get(before.lower_) if before is not None else None
            named_body = rest[-1].lower_ in words("org_heads.txt") and (
                toks[0].lower_ == "the" or (before is not None and (before.lower_ == "the" or before.tag_ == "POS"))
                or rest[-1].tag_ == "NNPS"  # "the Strategic Force"; not "John Force"
                or len(rest) >= 2 and ent.root.dep_ == "appos"  # "its Greek owner, Kyrtos Maritime"
                or len(rest) >= 2 and title_before is not None and title_before.kind == "GROUP")
            # "rights group Shimana Adhikar Forum"
            if label == "PERSON" and (named_body or
                                      (title_before is not None and title_before.kind == "GROUP"
                                       and title_before.sectors and before.tag_ == "NN")):
                # "the Strategic Force", "public broadcaster Kan": an organisation the NER took for
                # a person; a collective title before the name gives its sector
                span = ent[1:] if ent[0].lower_ == "the" else ent
                country = next((self.country_of_token[t.i] for t in span if t.i in self.country_of_token), None)
                k = ent.start - 1  # "Israel's public broadcaster Kan"
                while country is None and k >= max(0, ent.start - 5) and (
                        doc[k].tag_ in ("POS", "JJ") or doc[k].lower_ in self.title_words or k in self.country_of_token):
                    country = self.country_of_token.get(k)
                    k -= 1
                by_name = gazetteer.org_sector(span)
                sectors = ([by_name] if by_name else []) or self._sectors(self._titles_in(list(span))) or \
                    (list(title_before.sectors) if title_before is not None and title_before.kind == "GROUP" else [])
                return _Mention(span, "ORG", span.text, country, sectors, key=f"O:{span.text.lower()}")
            if label == "PERSON" or (i > 0 and all(t.is_title or t.text == "-" for t in rest)
                                     and any(toks[k].lower_ in HONORIFICS or self.titles.get(toks[k].lower_)
                                             for k in range(i))) or self._person_named_as_org(doc, ent, rest):
                span = self._extend_hyphen(doc, doc[rest[0].i:ent.end])
                if span[-1].tag_ == "POS":
                    span = span[:-1]
                if len(span) == 0:
                    return None
                self._surnames.add(span[-1].text)
                if len(span) >= 3 and span[-2].is_title and span[-2].is_alpha:
                    self._surnames.add(span[-2].text)  # "Elena Vargas Solano" ... "Vargas"
                if len(span) >= 2:
                    self._first_names.add(span[0].text)
                return _Mention(span, "PERSON", span.text)
            if label == "WORK_OF_ART":
                return None
            if gazetteer.region(ent.text) is not None:
                return self._location(doc, ent)  # "Crimea", "Darfur" tagged ORG
            span = ent
            if span[0].lower_ == "the":
                span = span[1:]
            country = next((self.org_of_token[t.i] for t in span if t.i in self.org_of_token), None) or \
                next((self.country_of_token[t.i] for t in span if t.i in self.country_of_token), None)
            k = span.start - 1
            while k > 0 and doc[k].is_lower and doc[k].lower_ in self.title_words:
                k -= 1  # "Guinea's opposition Alliance for Democratic Renewal"
            if country is None and k >= 1 and doc[k].tag_ == "POS" and (k - 1) in self.country_of_token:
                country = self.country_of_token[k - 1]  # "China's Commerce Ministry"
            if country is None and span.start >= 3 and doc[span.start - 1].lower_ == "based" and \
                    doc[span.start - 2].text == "-":
                # "Zagreb-based Obala TV": a firm or an outlet is of the place it is based in (an
                # activist group need not be: see _description_country)
                geo = gazetteer.place(doc[span.start - 3].text)
                based = self.country_of_token.get(span.start - 3) or (geo["country_code"] if geo else None)
                if based and (gazetteer.org_sector(span) or "") != "SOC":
                    country = based
            by_name = gazetteer.org_sector(span)
            # what the text calls it just before its name comes first ("the opposition Forum for
            # National Renewal" is a party, though a "forum" is most often a civil-society body)
            described = self._described_by(doc, span.start)
            if described is not None:
                # "the rights group Collectif Justice Populaire", "the opposition National Unity Bloc":
                # what the text calls it before the title words in its name
                sectors = list(described.sectors)
                mention = _Mention(span, "ORG", span.text, country, sectors, key=f"O:{span.text.lower()}")
                self._described_as[described.title.split()[-1]] = mention
                return mention
            else:
                sectors = self._name_sectors(span)
            return _Mention(span, "ORG", span.text, country, sectors, key=f"O:{span.text.lower()}")
        before = doc[ent.start - 1] if ent.start > 0 else None
        if label in ("FAC", "ORG") and before is not None and before.dep_ == "compound" and \
                before.head.i in range(ent.start, ent.end) and before.text in self.names and \
                self._names_a_body(doc, doc[before.i:before.i + 1], self.names[before.text]):
            # "Seoul Metro agreed to hire ...": the capital's city company
            span = doc[before.i:ent.end]
            by_name = gazetteer.org_sector(span)
            return _Mention(span, "ORG", span.text, self.names[before.text].code, [by_name] if by_name else [],
                            key=f"O:{span.text.lower()}")
        if label in ("GPE", "LOC", "PERSON") and nxt is not None and nxt.lower_ in words("org_heads.txt") and \
                ent.root.dep_ == "compound" and ent.root.head.i == nxt.i and nxt.is_lower and \
                gazetteer.place(ent.text) is None and not any(t.i in self.country_of_token for t in ent):
            # "the Los Cuervos gang", "the Twa Zetwal gang": a name the NER took for a place or a
            # person, named by what it is
            span = doc[ent.start:ent.end + 1]
            return _Mention(span, "ORG", ent.text, None, self._name_sectors(span, [nxt]),
                            key=f"O:{ent.text.lower()}")
        outlet = self.titles.get(before.lower_) if before is not None else None
        if label in ("GPE", "LOC", "FAC") and outlet is not None and outlet.kind == "GROUP" and \
                set(outlet.sectors) & {"JRN", "BUS"} and gazetteer.place(ent.text) is None and \
                not any(t.i in self.country_of_token for t in ent):
            # "the Senegalese weekly Le Sahel Observateur": a name the NER took for a place, after
            # the word for an outlet or a firm
            span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
            k = ent.start - 1
            country = None
            while country is None and k >= max(0, ent.start - 4) and (
                    doc[k].tag_ in ("POS", "JJ", "NN") or k in self.country_of_token):
                country = self.country_of_token.get(k)
                k -= 1
            return _Mention(span, "ORG", span.text, country, list(outlet.sectors), key=f"O:{span.text.lower()}")
        if label in ("GPE", "LOC") and self._titled_apposition(ent):
            # "Kenzo Oshima, the United Nations Emergency Relief Coordinator": a person the NER
            # took for a place, as its apposition's title shows
            start = ent.start
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
                start -= 1
            return _Mention(doc[start:ent.end], "PERSON", doc[start:ent.end].text)
        if label in ("GPE", "LOC", "FAC", "NORP"):
            if all(t.i in self.country_of_token for t in ent) and ent.root.dep_ in ("amod", "conj") \
                    and ent.root.pos_ == "ADJ":
                return None  # "Russian and Ukrainian officials": adjectives, not places
            if label == "NORP":
                return None
            if len(ent) > 1 and ent[-1].is_title and ent[-1].lower_ in words("org_heads.txt") and \
                    gazetteer.place(ent.text) is None:
                # "the Lake Chad Basin Commission" (LOC): a body, named by what it is
                return _Mention(ent, "ORG", ent.text, None, self._name_sectors(ent), key=f"O:{ent.text.lower()}")
            return self._location(doc, ent)
        if label == "LAW" and any(t.lower_ in TREATY_WORDS for t in toks):
            span = ent[1:] if ent[0].lower_ == "the" else ent
            return _Mention(span, "TREATY", span.text, key=f"T:{span.text.lower()}")
        return None

    def _described_bodies(self, doc: Doc, mentions: list[_Mention]) -> None:
        """ "The Daily Sentinel, a Lagos newspaper": a named body set beside a description takes
        the description's sector and the country of the place or people it names; the
        description is not a body of its own."""
        by_root = {m.span.root.i: m for m in mentions if m.kind == "GROUP"}
        places = {i: m.country for m in mentions if m.kind in ("LOCATION", "COUNTRY") and m.country
                  for i in range(m.span.start, m.span.end)}
        covered = {i for m in mentions for i in range(m.span.start, m.span.end)}
        for g in list(by_root.values()):
            head = g.span.root.head
            if g.span.root.dep_ != "appos" or head.pos_ != "PROPN" or head.i in covered or not g.sectors or \
                    head.ent_type_ == "ORG":
                continue  # (a name the NER found but the lexicons made nothing of is left to them)
            # "The Daily Sentinel, a Lagos newspaper": a name the NER missed, described as a body
            start = head.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
                start -= 1
            span = doc[start:head.i + 1]
            mentions.append(_Mention(span, "ORG", span.text, None, [], key=f"O:{span.text.lower()}"))
            covered.update(range(span.start, span.end))
        for m in [m for m in mentions if m.kind == "ORG"]:
            root = m.span.root
            described = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos" and root.head.i < root.i:
                described.append(root.head)  # "its Canadian operator, Norvanta Resources"
            for c in described:
                if c.pos_ == "NOUN" and c.i > root.i:
                    self._described_as.setdefault(c.lemma_.lower(), m)  # "Frontex, the EU's border agency"
                g = by_root.get(c.i)
                if g is None and m.country is None and c.pos_ == "NOUN":
                    # "A Chadian herders' association, the Logone Pastoralists' Union": the
                    # description is no body of its own, but the people it names are of a country
                    m.country = next((self.country_of_token[t.i] for t in c.subtree
                                      if t.i in self.country_of_token and t.i < c.i
                                      and not _based_at(t)), None)
                    continue
                if g is None or not g.sectors or g not in mentions:
                    continue
                # "an alliance of rights groups": what the body is made of says what it is
                members = [by_root[x.i] for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                           for x in p.children if x.dep_ == "pobj" and x.i in by_root and by_root[x.i].sectors]
                said = list((members[0] if members else g).sectors)
                m.sectors[:] = said + [sec for sec in m.sectors if sec not in said]  # what it is called first
                if c.i < root.i and any(d.lower_ == "the" for d in c.children):
                    # "an international medical charity said ... The charity, Frontline Health
                    # Alliance, ...": the body described before is the one named now
                    for k in [k for k in mentions if k.kind == "GROUP" and k is not g and k.span.end <= c.i
                              and k.span.root.lemma_.lower() == c.lemma_.lower()
                              and any(d.lower_ in ("a", "an") for d in k.span.root.children)][-1:]:
                        k.kind, k.name, k.key = "ORG", m.name, m.key
                        m.sectors[:] = k.sectors + [sec for sec in m.sectors if sec not in k.sectors]
                if m.country is None:
                    m.country = self._description_country(c, g, places)
                mentions.remove(g)
                self._described_as[c.lemma_.lower()] = m
        # "Semanario Frontera, a Costa Rican weekly", "Zambeze, a weekly newspaper in Pemba", "the
        # news site Colombo Ledger": a name the NER took for a person or a place, described by a
        # single body (a collective noun in the singular), is that body.
        starts = {m.span.start: m for m in mentions}
        for g in [m for m in mentions if m.kind == "GROUP" and m.sectors and m.span.root.tag_ == "NN"]:
            root = g.span.root
            named = None
            if root.dep_ == "appos":
                named = next((m for m in mentions if m.span.start <= root.head.i < m.span.end), None)
            if named is None:
                after = starts.get(g.span.end)
                if after is not None and after.span.root.head.i in (root.i, root.head.i):
                    named = after  # "the news site Colombo Ledger reported"
            if named is None or named.kind not in ("PERSON", "LOCATION", "ORG") or named.phrase is not None \
                    or g not in mentions:
                continue
            start = named.span.start
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and \
                    start - 1 not in covered:
                start -= 1  # "The Daily Sentinel"
            if start < named.span.start:
                named.span = doc[start:named.span.end]
                named.name = named.span.text
            named.kind = "ORG"
            named.key = f"O:{named.span.text.lower()}"
            named.geo = None
            named.sectors = [s for s in g.sectors if s not in named.sectors] + named.sectors
            place = next((places[t.i] for t in root.subtree if t.i in places), None) or \
                next((self.country_of_token[t.i] for t in root.subtree if t.i in self.country_of_token), None)
            named.country = g.country if place is None and g.country else place or named.country
            mentions.remove(g)
        # "The Sahel Civilian Monitor, a group that documents abuses, ... The group said": a body
        # described by a noun is what "the" + that noun stands for later
        described_as: dict[str, _Mention] = {}
        for m in sorted(mentions, key=lambda x: x.span.start):
            root = m.span.root
            if m.kind == "ORG":
                for c in root.children:
                    if c.dep_ == "appos" and c.pos_ == "NOUN" and c.tag_ == "NN":
                        described_as[c.lemma_.lower()] = m
                continue
            body = described_as.get(root.lemma_.lower())
            if m.kind == "GROUP" and body is not None and len(m.span) == 1 and root.tag_ == "NN" and \
                    root.dep_ != "appos" and any(c.dep_ == "det" and c.lower_ == "the" for c in root.children):
                m.kind, m.name, m.key, m.country = body.kind, body.name, body.key, body.country
                m.sectors = list(body.sectors)
        # "the longliner Tui Lau", "the Aurora Bay, a cargo ship": a vessel's name is no person
        from .triggers import vessels
        for m in mentions:
            if m.kind != "PERSON" or m.phrase is not None:
                continue
            root = m.span.root
            before = doc[m.span.start - 1] if m.span.start > 0 else None
            described = [c for c in root.children if c.dep_ == "appos"] + \
                ([root.head] if root.dep_ == "appos" else [])
            flagged = before is not None and before.lower_.endswith("flagged")  # "the Panama-flagged Orsolya Star"
            if (before is not None and before.lemma_.lower() in vessels()) or flagged or \
                    any(d.lemma_.lower() in vessels() for d in described):
                m.kind = "OTHER"
        ships = {m.name for m in mentions if m.kind == "OTHER"}
        for m in mentions:
            if m.name in ships:  # "the Tui Lau was caught ...": the same vessel, one entity
                m.kind, m.key = "OTHER", f"V:{m.name.lower()}"

    def _body_of_title(self, doc: Doc, entities: list[Entity]) -> None:
        """ "Commission trade spokesman Olivier Duchene": a person whose title phrase names a body
        the article has already identified takes that body's country."""
        phrases = doc.user_data.get("tidings_phrases", {})
        owner = {i: e for e in entities if e.kind == "ORG" and e.country for s in e.mentions
                 for i in range(s.start, s.end)}
        for e in entities:
            if e.kind != "PERSON" or e.country is not None:
                continue
            for s in e.mentions:
                start, _ = phrases.get(s.start, (s.start, s.end))
                # the phrase, and a name right before it ("Commission trade spokesman X")
                start = max(s.sent.start, start - 2) if start < s.start else start
                before = [o for o in entities if min(x.start for x in o.mentions) < s.start]
                body = next((owner[i] for i in range(start, s.start) if i in owner), None) or \
                    next((o for i in range(start, s.start) if doc[i].pos_ == "PROPN"
                          for o in [named_by_last_word(doc[i].text, before)] if o is not None and o.country),
                         None)
                if body is not None:
                    e.country = body.country
                    break
        bodies = {i: e for e in entities if e.kind in ("ORG", "GROUP") and e.sectors for s in e.mentions
                  for i in range(s.start, s.end)}
        for e in entities:  # "Fatoumata Bah, the coalition's director": the sector of the body she heads
            if e.kind != "PERSON" or e.sectors:
                continue
            for s in e.mentions:
                root = s.root
                descs = [c for t in s for c in t.children if c.dep_ == "appos" and not (s.start <= c.i < s.end)] + \
                    ([root.head] if root.dep_ == "appos" else [])
                poss = [c for d in descs for c in d.children if c.dep_ == "poss"]
                owner = next((bodies[c.i] for c in poss if c.i in bodies), None) or \
                    next((o for c in poss if c.pos_ == "NOUN" for o in reversed(entities)
                          if o.kind == "ORG" and o.sectors and c.text.capitalize() in o.name.split()), None)
                # ("the coalition's director", after "the Guinean Coalition for Mining Justice")
                if owner is not None:
                    e.add_sectors(list(owner.sectors))
                    e.country = e.country or owner.country
                    break
        for e in entities:  # "the agency's Board of Governors": a body of the body named before
            if e.kind != "ORG" or e.country is not None:
                continue
            first = min(e.mentions, key=lambda s: s.start)
            k = first.start - 1
            while k > first.start - 5 and k >= 1 and doc[k].tag_ != "POS" and \
                    (doc[k].dep_ in ("amod", "compound", "nummod", "npadvmod") or doc[k].text == "-"):
                k -= 1  # "the agency's 35-nation Board of Governors"
            if k >= 1 and doc[k].tag_ == "POS" and doc[k - 1].pos_ == "NOUN":
                body = named_by_last_word(doc[k - 1].text.capitalize(), entities)
                if body is not None and body is not e and body.country:
                    e.country = body.country

    def _officers_of_bodies(self, doc: Doc, entities: list[Entity]) -> None:
        """ "MRS leader X", "X, general secretary of the Community Health Workers Union", "the
        union's president, X": an officer (`officer_titles.txt`) of a body the text names serves
        that body's sector, whatever the bare title would say."""
        phrases = doc.user_data.get("tidings_phrases", {})
        bodies = {i: e for e in entities if e.kind in ("ORG", "GROUP") and e.sectors for s in e.mentions
                  for i in range(s.start, s.end)}
        officers = words("officer_titles.txt")
        for e in entities:
            if e.kind != "PERSON" or (e.titles and not all(t.lower() in officers for t in e.titles)):
                continue
            owner = None
            for s in e.mentions:
                start, _ = phrases.get(s.start, (s.start, s.end))
                if start < s.start and start > s.sent.start and doc[start - 1].pos_ == "PROPN":
                    start -= 1  # "MRS leader X": a body's short name the lexicons do not know
                owner = next((bodies[i] for i in range(start, s.start) if i in bodies and bodies[i] is not e), None)
                root = s.root
                descs = [c for t in s for c in t.children if c.dep_ == "appos" and not (s.start <= c.i < s.end)] + \
                    ([root.head] if root.dep_ == "appos" else [])
                descs = [d for d in descs if d.lower_ in officers or d.lemma_.lower() in officers or
                         set(self._titles_in([t for t in d.subtree if not s.start <= t.i < s.end])) & officers]
                for d in descs:
                    if owner is not None:
                        break
                    cands = [c for c in d.children if c.dep_ == "poss"] + \
                        [g for c in d.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                         if g.dep_ == "pobj"]
                    owner = next((bodies[c.i] for c in cands if c.i in bodies), None)
                if owner is None and s.start > 1 and doc[s.start - 1].text == ",":
                    # "FENASIL's secretary-general, Rosalina Tembe, said", parsed as one noun phrase
                    k = s.start - 2
                    while k > s.start - 8 and k > s.sent.start and "\n" not in doc[k - 1].text and \
                            doc[k - 1].text not in (",", "."):
                        k -= 1
                    before = list(doc[k:s.start - 1])
                    if set(self._titles_in(before)) & officers:
                        owner = next((bodies[t.i] for t in before if t.i in bodies and bodies[t.i] is not e), None)
                if owner is not None:
                    break
            if owner is None or owner.kind == "COUNTRY":
                continue
            e.sectors, e.sector = [], None
            e.add_sectors(list(owner.sectors))
            if e.country is None and owner.country:
                e.country = owner.country

    def _person_named_as_org(self, doc: Doc, ent: Span, rest: list[Token]) -> bool:
        """A person the NER took for an organisation: a name of one to three capitalised words, none
        of them a word organisations are named with, after a person's title ("Home Affairs Minister
        Simba Mutasa") or in apposition to one ("His lawyer, Camila Restrepo"); or the surname of
        such a person named before ("Mutasa said")."""
        if ent.label_ != "ORG" or not 1 <= len(rest) <= 3 or not all(t.is_title and t.is_alpha for t in rest):
            return False
        if any(t.lower_ in words("org_heads.txt") or gazetteer.is_org_word(t.text)
               or t.lower_ in words("institutions.txt") or t.text in self.names for t in rest):
            return False
        if len(rest) == 1:
            return rest[0].text in self._surnames or (
                rest[0].text in self._first_names and
                inside(self._quotes, rest[0].idx, rest[0].idx + len(rest[0].text)) is None)
        before = doc[rest[0].i - 1] if rest[0].i > 0 else None
        title = self.titles.get(before.lower_) if before is not None else None
        if title is not None and title.kind == "PERSON":
            return True
        root = ent.root
        if root.dep_ == "appos":
            t = self.titles.get(root.head.lower_) or self.titles.get(root.head.lemma_.lower())
            return t is not None and t.kind == "PERSON"
        return False

    def _description_country(self, c: Token, g: _Mention, places: dict[int, str]) -> str | None:
        """The code a body's description gives it: "a multinational" MNC (description_codes.tsv);
        else the country of a place or people named in the description itself ("a Lagos
        newspaper", "a weekly in Pemba"), not in a clause about it ("a multinational that has
        pumped crude in the Niger Delta"); a civil-society body "based" somewhere is no body of
        that country ("an Amsterdam-based watchdog")."""
        codes = {r["word"]: r["code"] for r in table("description_codes.tsv", ("word", "code"))}
        code = next((codes[t.lower_] for t in [c, *c.children] if t.lower_ in codes), None)
        if code is not None:
            return code
        clauses = {t.i for x in c.subtree if x.dep_ in ("relcl", "acl") for t in x.subtree}
        own = [t for t in c.subtree if t.i not in clauses]
        if g.sectors and g.sectors[0] == "SOC":
            own = [t for t in own if not _based_at(t)]
        return g.country or next((places[t.i] for t in own if t.i in places), None) or \
            next((self.country_of_token[t.i] for t in own if t.i in self.country_of_token), None)

    def _after_person_title(self, ent: Span) -> bool:
        """Whether a name stands in apposition after a person's title ("the Canadian general
        manager, Paul Desrochers") and has no word that names a body."""
        head = ent.root.head
        if ent.root.dep_ != "appos" or head.i >= ent.start or \
                any(t.lower_ in words("org_heads.txt") or t.text in self.names for t in ent):
            return False
        phrase = " ".join(t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod") and t.is_lower) + " " + head.lower_
        t = self.titles.get(phrase.strip()) or self.titles.get(head.lower_)
        return t is not None and t.kind == "PERSON"

    def _titled_apposition(self, ent: Span) -> bool:
        """Whether a name stands in apposition to a person's title ("X, the UN relief coordinator")."""
        for a in ent.root.children:
            if a.dep_ == "appos" and a.i > ent.root.i:
                t = self.titles.get(a.lower_) or self.titles.get(a.lemma_.lower())
                if t is not None and t.kind == "PERSON":
                    return True
        return False

    def _extend_hyphen(self, doc: Doc, span: Span) -> Span:
        end = span.end
        while end + 1 < len(doc) and doc[end].text in ("-", "\u2010") and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2
        return doc[span.start:end]

    def _location(self, doc: Doc, span: Span) -> _Mention:
        if span[0].lower_ == "the":
            span = span[1:]
        core = span[:-1] if span[-1].lower_ in REGION_WORDS and len(span) > 1 else span
        # "Russia's Belgorod region": the possessor gives the country.
        country = None
        before = span.start - 1
        if before >= 1 and doc[before].tag_ == "POS" and doc[before - 1].i in self.country_of_token:
            country = self.country_of_token[doc[before - 1].i]
        if country is None and span.end + 1 < len(doc) and doc[span.end].text == "," and \
                (span.end + 1) in self.country_of_token:
            country = self.country_of_token[span.end + 1]  # "Tripoli, Lebanon"
        if country is None:  # "the Iraqi city"
            country = next((self.country_of_token[t.i] for t in span if t.i in self.country_of_token), None)
        # without a country of its own, prefer a namesake in a country the sentence names
        # ("Tripoli ... the north Lebanese port" is Lebanon's Tripoli)
        hint = {country} if country else {self.country_of_token[t.i] for t in span.sent
                                          if t.i in self.country_of_token}
        geo = gazetteer.region(span.text) or gazetteer.place(core.text, hint)
        if geo and country and geo["country_code"] != country:
            geo = None
        if geo and not country:
            country = geo["country_code"]
        return _Mention(span, "LOCATION", span.text, country, key=f"L:{span.text}", geo=geo)

    def _acronyms(self, doc: Doc, mentions: list[_Mention], taken: set[int]) -> list[_Mention]:
        """ "the Upper Nile Liberation Movement (UNLM)": the bracketed acronym names the same body,
        here and wherever it stands later ("a UNLM spokesman", "the UNLM said")."""
        found: dict[str, _Mention] = {}
        for m in mentions:
            if m.kind not in ("ORG", "GROUP"):
                continue
            toks = list(m.span)
            cut = next((k for k, t in enumerate(toks) if t.text == "("), None)
            if cut is not None and cut > 0:  # the NER took "(UNLM" into the name
                acr = toks[cut + 1] if cut + 1 < len(toks) else (doc[m.span.end] if m.span.end < len(doc) else None)
                m.span = m.span[:cut]
                m.name = m.span.text
                m.key = f"O:{m.name.lower()}"
            else:
                end = m.span.end
                acr = doc[end + 1] if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                    else None
            if acr is not None and acr.is_upper and acr.is_alpha and 2 <= len(acr.text) <= 8:
                found[acr.text] = m
        out = []
        texts = self._texts
        bracketed = [doc[i] for i in range(1, len(texts) - 1) if texts[i - 1] == "(" and texts[i + 1] == ")"]
        for t in bracketed:  # "Border Guard Bangladesh (BGB)": a name no one found, spelt out by its acronym
            if t.text in found or not (t.is_upper and t.is_alpha and 2 <= len(t.text) <= 8):
                continue
            span = self._spelt_out(doc, t.i - 1, t.text)
            if span is None:
                continue
            inner = [m for m in mentions if span.start <= m.span.start and m.span.end <= span.end]
            if any(m.kind in ("ORG", "PERSON") for m in inner) or \
                    any(m.span.start < span.start < m.span.end or m.span.start < span.end < m.span.end
                        for m in mentions):
                continue
            country = next((x.country for x in inner if x.kind == "COUNTRY"), None)
            if country is None and span.start >= 2 and doc[span.start - 1].tag_ == "POS":
                country = self.country_of_token.get(span.start - 2)  # "India's Border Security Force"
            m = _Mention(span, "ORG", span.text, country, self._name_sectors(span), key=f"O:{span.text.lower()}")
            for x in inner:
                mentions.remove(x)
            taken.update(range(span.start, span.end))
            out.append(m)
            found[t.text] = m
        for m in mentions:  # later mentions the NER found of the acronym itself
            main = found.get(m.span.text)
            if main is not None and m is not main:
                m.kind, m.name, m.key, m.country = main.kind, main.name, main.key, m.country or main.country
                m.sectors = m.sectors or list(main.sectors)
        for i, text in enumerate(texts if found else ()):
            main = found.get(text)
            if main is None or i in taken or i < main.span.end:
                continue
            out.append(_Mention(doc[i:i + 1], main.kind, main.name, main.country, list(main.sectors),
                                key=main.key))
        return out

    @staticmethod
    def _spelt_out(doc: Doc, end: int, acr: str) -> Span | None:
        """The capitalised words just before `end` whose initials spell `acr` ("Border Security
        Force" for BSF; "of", "for", "and", "the" inside the name are skipped)."""
        initials = ""
        k = end - 1
        while k >= 0 and len(initials) < len(acr):
            t = doc[k]
            if t.is_title and t.is_alpha:
                initials = t.text[0] + initials
            elif not (t.lower_ in ("of", "for", "and", "the", "on") and initials):
                return None
            k -= 1
        start = k + 1
        if initials != acr or not doc[start].is_title:
            return None
        return doc[start:end]

    def _bare_surnames(self, doc: Doc, mentions: list[_Mention], taken: set[int]) -> list[_Mention]:
        """The surname of a person named in full earlier, where the NER read it as something else
        ("Prime Minister Theresa May ... On Monday, May had said": a DATE). Only as the subject,
        possessor or agent of a clause, so that "in May" and "May 5" stay dates."""
        surnames = {}
        for m in mentions:
            if m.kind == "PERSON" and len(m.span) >= 2 and m.span[-1].is_title:
                surnames.setdefault(m.span[-1].text, (m.span.start, m.name))
        out = []
        if not surnames:
            return out
        for t in [doc[i] for i, x in enumerate(self._texts) if x in surnames]:
            got = surnames[t.text]
            if t.i in taken or t.i <= got[0] or not (t.pos_ == "PROPN" or t.pos_ == "NOUN" and t.is_title):
                continue
            if t.dep_ not in ("nsubj", "nsubjpass", "poss") and not (t.dep_ == "pobj" and t.head.lower_ == "by"):
                continue
            if t.i + 1 < len(doc) and (doc[t.i + 1].like_num or doc[t.i + 1].is_title):
                continue  # "May 5", "May Day"
            out.append(_Mention(doc[t.i:t.i + 1], "PERSON", got[1]))
        return out

    def _name_sectors(self, span: Span, words_: list[Token] | None = None) -> list[str]:
        """A body's sectors from its name (`org_sectors.tsv`), else from the title words in it
        (or in `words_`)."""
        by_name = gazetteer.org_sector(span)
        got = [by_name] if by_name else self._sectors(self._titles_in(words_ if words_ is not None else list(span)))
        if not got and len(span) > 1 and span[-1].i in self.country_of_token:
            got = ["GOV"]  # "Global Affairs Canada", "Statistics Canada": a public body named with its state
        return got

    def _described_by(self, doc: Doc, start: int) -> gazetteer.Title | None:
        """The collective title of up to three lower-case words just before a name, if it gives a
        sector: "the rights group X", "opposition coalition X"."""
        for n in (3, 2, 1):
            if start - n < 0 or not all(t.is_lower for t in doc[start - n:start]):
                continue
            title = self.titles.get(doc[start - n:start].text.lower())
            if title is not None and title.kind == "GROUP" and title.sectors:
                return title
        return None

    def _capitalised_bodies(self, doc: Doc, mentions: list[_Mention], taken: set[int]) -> list[_Mention]:
        """Bodies the NER missed or took for a product, named by capitalised words before a word
        organisations are named with: "the Kenyan-led Multinational Security Support mission",
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War", "fighters
        from the Ituri Self-Defence Front" (a place the name begins with is part of it)."""
        out = []
        heads = words("org_heads.txt")
        places = {m.span.start: m for m in mentions if m.kind == "LOCATION" and len(m.span) == 1}

        def name_word(k: int) -> bool:
            t = doc[k]
            if t.i == t.sent.start or k in taken:
                return False
            if t.text == "-" and k > 0 and doc[k - 1].is_title and not doc[k - 1].whitespace_:
                return True  # "Self-Defence"
            return t.is_title and t.pos_ in ("PROPN", "ADJ", "NOUN")
        i = 0
        while i < len(doc):
            h = doc[i]
            i += 1
            if h.i in taken or h.lower_ not in heads or h.pos_ not in ("NOUN", "PROPN"):
                continue
            start = h.i
            while start > h.sent.start and name_word(start - 1):
                start -= 1
            place = places.get(start - 1)
            if place is not None and start < h.i and start - 1 != h.sent.start:
                start -= 1  # "the Ituri Self-Defence Front"
            if h.i - start < (2 if h.is_lower else 1) or not (h.is_lower or h.is_title):
                continue
            end = h.i + 1
            while end + 1 < len(doc) and doc[end].lower_ in ("for", "of", "on") and h.is_title:
                k = end + 1 + (doc[end + 1].lower_ == "the")
                stop = k
                while stop < len(doc) and doc[stop].is_title and doc[stop].pos_ == "PROPN" and stop not in taken:
                    stop += 1
                if stop == k:
                    break
                end = stop
            if end - start < 3:
                continue  # "the North's Strategic Force": two words are left to the other lexicons
            span = Span(doc, start, end, label="ORG")
            m = self._from_ent(doc, span)
            if m is not None:
                if place is not None and start == place.span.start:
                    mentions.remove(place)
                    m.country = m.country or place.country
                out.append(m)
                taken.update(range(start, end))
                i = end
        return out

    def _titled_names(self, doc: Doc, taken: set[int]) -> list[_Mention]:
        """Names the NER missed after a personal title: "Defense Minister General Ri Yong-ho"."""
        out = []
        for mid, start, end in self.title_matcher(doc):
            title = self.titles.get(doc.vocab.strings[mid])
            if title is None or title.kind != "PERSON" or not doc[start].is_title:
                continue
            i = end
            while i < len(doc) and doc[i].lower_ in self.title_words and doc[i].is_title:
                i += 1  # "Minister General No ...": further titles
            j = i
            while j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN" and j not in taken \
                    and doc[j].lower_ not in self.title_words and doc[j].text not in self.names:
                j += 1
            if j == i or any(k in taken for k in range(i, j)):
                continue
            span = self._extend_hyphen(doc, doc[i:j])
            if any(k in taken for k in range(span.start, span.end)):
                continue
            out.append(_Mention(span, "PERSON", span.text))
            taken.update(range(span.start, span.end))
        return out

    def _treaties(self, doc: Doc, taken: set[int]) -> list[_Mention]:
        """Capitalised names that end in a treaty word and that NER missed."""
        out = []
        for tok in [doc[i] for i, x in enumerate(self._texts) if x.lower() in TREATY_WORDS]:
            if tok.is_title and tok.i not in taken:
                start = tok.i
                while start > 0 and doc[start - 1].is_title and doc[start - 1].i not in taken:
                    start -= 1
                if start < tok.i:
                    span = doc[start:tok.i + 1]
                    out.append(_Mention(span, "TREATY", span.text, key=f"T:{span.text.lower()}"))
        return out

    def _describe_person(self, doc: Doc, m: _Mention) -> None:
        """Titles, country and sectors from the words before the name and from appositions."""
        i = m.span.start - 1
        while i >= 0:
            t = doc[i]
            if t.lower_ in self.title_words or t.lower_ in HONORIFICS or i in self.country_of_token or \
                    (i in self.org_of_token and i + 1 < m.span.start):  # "Taliban spokesman X"
                i -= 1
            elif t.tag_ == "POS" and i >= 1 and (i - 1) in self.country_of_token:
                i -= 2
            elif t.text in ("-", "\u2010") and i >= 1 and (i - 1) in self.country_of_token:
                i -= 1
            else:
                break
        pre = [t for t in doc[i + 1:m.span.start]]
        if i >= 0 and pre and doc[i].pos_ == "NOUN" and doc[i].dep_ == "compound":
            # "coalition leader Komi Adjovi", "union leader X": the body's sector before the title's
            body = gazetteer.org_sector([doc[i].text])
            if body and body not in m.sectors:
                m.sectors.insert(0, body)
        parts = [pre]
        root = m.span.root
        for c in root.children:
            if c.dep_ == "appos":
                parts.append([t for t in c.subtree])
            if c.dep_ == "prep" and c.lower_ == "of" and m.country is None:
                # "King Hassan of Morocco"
                obj = next((g for g in c.children if g.dep_ == "pobj" and g.i in self.country_of_token), None)
                if obj is not None:
                    m.country = self.country_of_token[obj.i]
        if root.dep_ == "appos":
            # "the country's defence minister, Sergei Shoigu"; not the clauses on that noun ("an order
            # freezing U.S. assets of ..., among them X", where the parser hung the name off it)
            clauses = {x.i for c in root.head.children if c.dep_ in ("acl", "relcl") for x in c.subtree}
            parts.append([t for t in root.head.subtree if not (m.span.start <= t.i < m.span.end)
                          and t.i not in clauses])
            owner = next((c for c in root.head.children if c.dep_ == "poss"), None)
            if m.country is None and owner is not None:  # "the EU's ambassador, Marek Novotny, of ..."
                m.country = self.country_of_token.get(owner.i) or self.org_of_token.get(owner.i)
        if root.dep_ != "appos" and i >= 1 and doc[i].text == ",":
            # "expelled the bloc's special envoy to Conakry, Ghanaian diplomat Kwabena X": an
            # apposition the parser missed, a title phrase ending at the comma before the name
            head = next((t for t in doc[max(m.span.sent.start, i - 8):i] if t.right_edge.i < i and
                         all(x.dep_ in ("prep", "pobj", "det", "amod", "compound") for x in doc[t.right_edge.i + 1:i]) and
                         t.pos_ == "NOUN" and t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr") and
                         self.titles.get(t.lower_) is not None and self.titles[t.lower_].kind == "PERSON"), None)
            if head is not None:
                parts.append([t for t in head.subtree if t.i < i])
        for toks in parts:
            found = self._titles_in(toks)
            found = [f for f in found if self.titles[f].kind == "PERSON" and self.titles[f].sectors
                     or f in ("mr.", "ms.")]
            for f in found:
                if f not in m.titles and self.titles[f].sectors:
                    m.titles.append(f)
            for s in self._sectors(found):
                if s not in m.sectors:
                    m.sectors.append(s)
            if m.country is None:
                m.country = next((self.country_of_token[t.i] for t in toks if t.i in self.country_of_token), None)
            if m.country is None and toks is not pre:
                # "X, the United Nations Emergency Relief Coordinator": the body named in the apposition
                m.country = next((self.org_of_token[t.i] for t in toks if t.i in self.org_of_token), None)
        for toks in parts:
            if m.sectors:
                break
            # "Iran's Foreign Ministry spokesman X", "Rwanda's government spokeswoman, X": a
            # spokesman takes the sector of the body
            body = [f for f in self._titles_in(toks) if self.titles[f].kind == "GROUP" and self.titles[f].sectors]
            for s in self._sectors(body[:1]):
                if s not in m.sectors:
                    m.sectors.append(s)
        if m.country is None and pre:
            # "Pentagon press secretary John Kirby", "Taliban spokesman Mohammad Naeem"
            m.country = next((self.org_of_token[t.i] for t in pre if t.i in self.org_of_token), None)
            if not m.sectors:
                body = next((self.names[t.text] for t in pre if t.text in self.names
                             and self.names[t.text].kind in ("ORG", "GROUP")), None)
                if body is not None and body.sector:
                    m.sectors.append(body.sector)
        if m.country is None and any(c.dep_ == "prep" and c.lower_ in ("among", "including") and
                                     any(g.lower_ == "them" for g in c.children) for c in root.children):
            # "seven Russian officials, among them X": the nearest country before
            m.country = next((self.country_of_token[i] for i in range(m.span.start - 1, m.span.sent.start - 1, -1)
                              if i in self.country_of_token), None)
        if m.country is None and root.dep_ in ("pobj", "conj"):
            # "seven Russian officials, among them X", "officials including X and Y"
            t = root
            while t.dep_ == "conj" and t.head is not t:
                t = t.head
            prep = t.head if t.dep_ == "pobj" else None
            if prep is not None and prep.lower_ in ("among", "including", "like", "such") and prep.head is not prep:
                group = prep.head if prep.dep_ == "prep" else prep.head.head
                if prep.head.lower_ == "them" and prep.head.head is not prep.head:
                    group = prep.head.head
                m.country = next((self.country_of_token[x.i] for x in group.subtree
                                  if x.i in self.country_of_token and x.i < root.i), None)
        if pre:
            m.phrase = doc[pre[0].i:m.span.end]

    def _definite_titles(self, doc: Doc, persons: list[_Mention], taken: set[int]) -> list[_Mention]:
        """ "the Russian Defense Minister", "the minister": a person named earlier, by title."""
        out = []
        matches = filter_spans([Span(doc, s, e, label=mid) for mid, s, e in self.title_matcher(doc)])

        def known_country(p: _Mention) -> str | None:
            """A person's country, from any mention of the same name ("Minister No" after "North Korean ... No")."""
            if p.country:
                return p.country
            toks = set(_norm_name(p.name).split())
            return next((q.country for q in persons if q.country and toks & set(_norm_name(q.name).split())), None)

        for span in matches:
            title = self.titles.get(span.label_)
            if title is None or title.kind != "PERSON" or not title.sectors:
                continue
            if any(i in taken for i in range(span.start, span.end)):
                continue
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
                continue  # a title before a name the NER missed; not a definite description
            start = span.start
            while start > 0 and ((start - 1) in self.country_of_token or doc[start - 1].lower_ in self.title_words
                                 or doc[start - 1].tag_ == "POS" and (start - 2) in self.country_of_token):
                start -= 1
            det = doc[start - 1] if start > 0 else None
            if det is None or det.lower_ not in ("the", "this"):
                if not (start < span.start and det is not None and det.tag_ == "POS"):
                    continue
            if det is not None and det.lower_ in ("the", "this"):
                start -= 1
            phrase = doc[start:span.end]
            # The head of "the Russian Defense Minister's official visit" is the person only with "'s".
            country = next((self.country_of_token[t.i] for t in phrase if t.i in self.country_of_token), None)
            target = None
            for p in reversed([p for p in persons if p.span.start < span.start]):
                if span.label_ in p.titles or any(span.label_ in t or t in span.label_ for t in p.titles):
                    if country is None or known_country(p) in (None, country):
                        target = p
                        break
            if target is None:
                continue
            out.append(_Mention(phrase, "PERSON", target.name, target.country, list(target.sectors),
                                list(target.titles), phrase=phrase, key=id(target)))
            taken.update(range(phrase.start, phrase.end))
        return out

    def _join(self, doc: Doc, mentions: list[_Mention]) -> list[Entity]:
        """In-article coreference: one entity per key; person names by surname and spelling."""
        mentions.sort(key=lambda m: m.span.start)
        persons: list[tuple[set[str], str, Entity]] = []  # (name tokens, normalised, entity)
        by_key: dict[object, Entity] = {}
        by_person_mention: dict[int, Entity] = {}
        entities: list[Entity] = []

        def new(m: _Mention) -> Entity:
            e = Entity(id="", name=m.name, kind=m.kind, country=m.country, geo=m.geo)
            entities.append(e)
            return e

        for m in mentions:
            if m.kind == "PERSON" and not isinstance(m.key, int):
                norm = _norm_name(m.name)
                toks = set(norm.split())
                ent = None
                for ptoks, pnorm, pe in reversed(persons):
                    if toks <= ptoks or ptoks <= toks or fuzz.ratio(norm, pnorm) >= 90:
                        ent = pe
                        break
                if ent is None and len(m.span) == 1 and m.phrase is None:
                    ent = _named_by_first_word(m.span[0], entities)  # "Norvanta said", after "Norvanta Resources"
                    if ent is not None:
                        by_person_mention[id(m)] = ent
                        ent.mentions.append(m.span)
                        continue
                if ent is None:
                    ent = new(m)
                    persons.append((toks, norm, ent))
                elif len(norm) > len(_norm_name(ent.name)):
                    ent.name = m.name
                    for k, (ptoks, pnorm, pe) in enumerate(persons):
                        if pe is ent:
                            persons[k] = (ptoks | toks, norm, pe)
                by_person_mention[id(m)] = ent
            elif isinstance(m.key, int):
                ent = next((by_person_mention.get(k) for k in [m.key] if k in by_person_mention), None)
                if ent is None:
                    continue
            else:
                ent = by_key.get(m.key)
                if ent is None:
                    ent = self._antecedent(doc, m, entities) or _short_name(m, entities)
                    if ent is None:
                        ent = new(m)
                    by_key[m.key] = ent
            ent.mentions.append(m.span)
            if ent.country is None and m.country:
                ent.country = m.country
            if ent.geo is None and m.geo:
                ent.geo = m.geo
            ent.add_sectors(m.sectors)
            for t in m.titles:
                if t not in ent.titles:
                    ent.titles.append(t)
            if m.phrase is not None:
                phrases = doc.user_data.setdefault("tidings_phrases", {})
                phrases[m.span.start] = (m.phrase.start, m.phrase.end)
        entities = [e for e in entities if e.mentions]
        entities.sort(key=lambda e: min(s.start for s in e.mentions))
        for n, e in enumerate(entities, 1):
            e.id = f"e{n}"
            if e.kind == "PERSON":
                e.titles = [_title_case(t) for t in e.titles]
        return entities


def _short_name(m: _Mention, entities: list[Entity]) -> Entity | None:
    """ "the Commission" after "the European Commission", "the Council" after "the Security
    Council": a one-word organisation name that ends a longer one named before."""
    if len(m.span) != 1 or m.kind not in ("ORG", "LOCATION") or m.geo is not None:
        return None
    if m.kind == "ORG" and not m.country:
        got = named_by_last_word(m.span.text, entities)
        if got is not None:
            return got
    got = _named_by_first_word(m.span[0], entities)
    if got is not None and m.country and got.country not in (None, m.country):
        return None  # ("Calder, a multinational", after "Calder Petroleum": the same body)
    return got


def _named_by_first_word(tok: Token, entities: list[Entity]) -> Entity | None:
    """ "Norvanta said" after "Norvanta Resources", "Calder" after "oil producer Calder Petroleum":
    a name of one word the lexicons do not know, the first word of an organisation's name."""
    word = tok.text
    if not tok.is_title or word in gazetteer.names() or word.lower() in gazetteer.title_words() or \
            word.lower() in words("org_heads.txt") or word.lower() in words("institutions.txt"):
        return None
    for e in reversed(entities):
        parts = e.name.split()
        if e.kind == "ORG" and len(parts) > 1 and parts[0] == word:
            return e
    return None


def _based_at(tok: Token) -> bool:
    """A place named as where a body is based ("an Amsterdam-based watchdog"), not its country."""
    return tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 2].lower_ == "based"


#: doc.user_data key: the noun each body was described with -> (where it was named, its entity id),
#: for a source named later by that noun alone ("the agency said", after "Frontex, the EU's border
#: agency").
DESCRIBED_AS = "tidings_described_as"


def described_as(doc: Doc, tok: Token) -> str | None:
    """The entity a definite bare noun stands for, when a body named before it was described
    with that noun."""
    got = doc.user_data.get(DESCRIBED_AS, {}).get(tok.lemma_.lower())
    return got[1] if got is not None and got[0] < tok.i else None


def is_institution(tok: Token) -> bool:
    """Whether a collective noun names a public body ("ministry", "police", "coast guard"), by
    its head (`institutions.txt`), in the singular."""
    low = tok.lower_
    return low in words("institutions.txt") and (tok.tag_ in ("NN", "NNP") or low in ("police", "military", "customs"))


def _title_case(t: str) -> str:
    return " ".join(w if w.endswith(".") else w.capitalize() for w in t.split())


@Language.factory("tidings_actors", assigns=["doc._.entities", "doc.spans"], requires=["doc.ents", "token.dep"])
def make_actors(nlp: Language, name: str):
    return ActorFinder(nlp)
