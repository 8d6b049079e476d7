"""Groups, peoples and where actors are from, for the actors stage (`actors.py`): role nouns
that name groups ("Russian officials", "riot police", "Hezbollah guerrillas"), plural nouns a
country modifies ("Israeli tanks"), peoples and their homes ("ethnic Albanians in south
Serbia"), definite groups joined to the group named before ("the ministers"), "the North" in
an article about North Korea, and the country of officials who are given none (the body in
their title, the subject just before them, the dateline, or the one country an article names).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .coref import STATE_SECTORS
from .lexicons import table, words
from .segment import doc_dateline

#: Sectors of bodies that act at home: an organisation of one of these with no country of its own
#: is of the article's home country ("the Central Election Commission", "the opposition Freedom
#: Platform"); others (aid groups, agencies, companies) may be foreign or international.
DOMESTIC_SECTORS = STATE_SECTORS | {"PTY", "OPP", "REB", "LAB"}
#: Sectors of bodies that are, unless the text says otherwise, of the place they report from or
#: serve: a newspaper, a university, a hospital, a gang.
LOCAL_SECTORS = frozenset({"JRN", "EDU", "MED", "CRM"})
#: doc.user_data key: the article's home country, for sources the statements stage finds later.
HOME = "tidings_home_country"
#: Bodies that stand for the state itself: "Congo's government" is Congo, named as such.
STATE_ITSELF = frozenset({"government", "authority", "authorities", "administration", "regime", "state", "leadership"})
from .model import Entity

#: Nouns that, after "the", stand for the armed or political body named before ("the party").
BODY_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization", "party", "faction", "front"})
NON_STATE_CODES = frozenset({"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"})
#: Plural nouns that a country may modify without naming a group of its people.
NOT_GROUPS = frozenset({"years", "months", "weeks", "days", "hours", "dollars", "euros", "percent", "elections",
                        "talks", "relations", "ties", "interests", "affairs", "issues", "matters", "goods", "products",
                        "exports", "imports", "sanctions", "measures", "laws", "rules", "policies", "efforts",
                        "forces'", "positions", "lives", "rights", "assets", "funds", "claims", "reports",
                        "media", "waters", "skies", "borders", "territories", "lands", "cities", "regions",
                        "areas", "elections", "markets", "shares", "prices", "weapons", "missiles", "arms"})
def named_by_last_word(word: str, entities: list[Entity]) -> Entity | None:
    """The latest organisation whose name of several words ends in `word`."""
    for e in reversed(entities):
        parts = e.name.split()
        if e.kind == "ORG" and len(parts) > 1 and parts[-1].lower() == word.lower():
            return e
    return None


def named_by_sector_noun(tok: Token, entities: list[Entity]) -> Entity | None:
    """The latest named company or news outlet, for a definite noun of its trade ("the company"
    after "Norvanta Resources", "the station" after "Radio Inkingi")."""
    title = gazetteer.titles().get(tok.lemma_.lower())
    if title is None or title.sector not in ("BUS", "JRN") or tok.tag_ != "NN":
        return None
    return next((e for e in reversed(entities) if e.kind == "ORG" and title.sector in e.sectors), None)


def _ruler_family(span: Span) -> str | None:
    """The family (`ruler_nouns.tsv`) of a mention that names a state's rulers, if any."""
    root = span.root
    mod = next((c.lower_ for c in root.children if c.dep_ in ("amod", "compound") and c.i < root.i), "")
    lem = root.lemma_.lower()
    for row in table("ruler_nouns.tsv", ("family", "phrase")):
        *first, last = row["phrase"].split()
        if last == lem and (not first or first[0] == mod):
            return row["family"]
    return None


def _ruler_named_before(e: Entity, entities: list[Entity], explicit: dict[int, str]) -> str | None:
    """The country of the rulers a definite "the junta" or "the regime" stands for: the last body
    of the same family (`ruler_nouns.tsv`) named before it with a country of its own."""
    first = min(e.mentions, key=lambda s: s.start)
    if first.start == 0 or first.doc[first.start - 1].lower_ != "the" and first[0].lower_ != "the":
        return None
    family = _ruler_family(first)
    if family is None:
        return None
    return _last_rulers(e, entities, family, first.start, explicit.get, first.root)


def _last_rulers(e: Entity, entities: list[Entity], family: str, before: int, country_of, like: Token | None = None
                 ) -> str | None:
    """The country (by `country_of`) of the rulers of `family` named last before token `before`;
    not a word of the same lemma as `like` in another number ("the juntas governing Mali" are not
    "the junta")."""
    best, at = None, -1
    for other in entities:
        code = country_of(id(other))
        if other is e or code is None:
            continue
        for s in other.mentions:
            if at < s.start < before and _ruler_family(s) == family and not (
                    like is not None and s.root.lemma_.lower() == like.lemma_.lower() and s.root.tag_ != like.tag_):
                best, at = code, s.start
    return best


def _spoke_for_subject(e: Entity, entities: list[Entity]) -> str | None:
    """ "The court will refer the matter to the Assembly, spokesperson X said": a spokesperson
    named with no body speaks for the body his words are about, when they open with it."""
    first = min(e.mentions, key=lambda m: m.start)
    if e.titles or first.start == 0 or not first.doc[first.start - 1].lower_.startswith("spokes"):
        return None
    at = {i: o for o in entities if o is not e and o.kind == "ORG" and o.country for s in o.mentions
          for i in range(s.start, s.end)}
    for s in e.mentions:
        root = s.root
        if root.dep_ != "nsubj" or root.head.lemma_.lower() not in ("say", "add", "tell"):
            continue
        for comp in [c for c in root.head.children if c.dep_ == "ccomp" and c.i < root.i]:
            for x in comp.children:
                if x.dep_ in ("nsubj", "nsubjpass") and x.i in at:
                    return at[x.i].country
    return None


def _ruler_in_title(doc: Doc, e: Entity, entities: list[Entity]) -> str | None:
    """ "Junta spokesman Colonel X": a person whose title names the rulers speaks for the rulers
    named last before him (their country, found by then)."""
    first = min(e.mentions, key=lambda s: s.start)
    span = doc.user_data.get("tidings_phrases", {}).get(first.start)
    if span is None:
        return None
    by_id = {id(o): o.country for o in entities if o.country and o.country not in NON_STATE_CODES}
    for t in doc[span[0]:first.start]:
        family = _ruler_family(doc[t.i:t.i + 1])
        if family is not None:
            return _last_rulers(e, entities, family, span[0], by_id.get)
    return None


def counted_pair(tok: Token) -> bool:
    """A plural noun counted as two, definitely ("the two men", "both sides"; not "two senators")."""
    kids = list(tok.children)
    if tok.lower_ in ("two", "both") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and \
            (tok.lower_ == "both" or any(c.dep_ == "det" and c.lower_ == "the" for c in kids)):
        return True  # "the two agreed", "both said"
    return tok.tag_ in ("NNS", "NNPS") and (
        any(c.lower_ == "both" and c.dep_ in ("det", "predet", "amod") for c in kids) or
        (any(c.dep_ == "nummod" and c.lower_ == "two" for c in kids) and
         any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in kids)))


#: Words of a visit: the one who makes it is a guest of the place, not of its country.
VISITS = frozenset({"visit", "trip", "tour", "arrive", "arrival"})


def _visitor(e: Entity) -> bool:
    """ "a visit by Prime Minister X", "X, who arrived in Riyadh on Wednesday", "X arrived"."""
    for s in e.mentions:
        root = s.root
        if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_.lower() in VISITS:
            return True
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in ("arrive", "visit"):
            return True
        if any(c.dep_ == "relcl" and c.lemma_.lower() in ("arrive", "visit") for c in root.children):
            return True
    return False


def nongovernmental(e: Entity) -> bool:
    """A civil-society body that the text ties to no country ("an aid group", "rights groups",
    "Balkan Route Monitor, a Europe-wide network"): PLOVER's NGO. A "National ..." body is the
    home country's ("the National Human Rights Coordinator")."""
    if e.country is not None or e.kind not in ("GROUP", "ORG") or "SOC" not in e.sectors[:2]:
        return False
    return not e.name.lower().startswith(("national ", "the national "))


@dataclass
class Mention:
    span: Span  # the name itself ("Sergei Shoigu")
    kind: str
    name: str
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    phrase: Span | None = None  # the name with its title ("Russian Defense Minister Sergei Shoigu")
    key: str | None = None  # how mentions of one entity are joined
    geo: dict | None = None
    people: bool = False  # a people named by its demonym ("Albanians"): their home gives the country


ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "iobj", "conj", "appos", "agent", "attr",
                      "ROOT", "dative", "oprd", "poss"})


class GroupsMixin:
    """Methods of `actors.ActorFinder` that find groups and decide where actors are from. They
    read the finder's maps of country and organisation tokens and its lexicons."""

    country_of_token: dict[int, str]
    org_of_token: dict[int, str]
    _texts: list[str]

    def _north_south(self, doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
        """ "the North", "the South" in an article that names North Korea or South Sudan: that
        country, as news about divided countries writes it."""
        named = {}
        for m in mentions:
            if m.kind == "COUNTRY" and m.country:
                first = m.name.split()[0]
                if first in ("North", "South") and len(m.name.split()) > 1:
                    named.setdefault(first, m)
        out: list[Mention] = []
        if not named:
            return out
        for tok in [doc[i] for i, x in enumerate(self._texts) if x in named]:
            if tok.i not in taken and tok.i > 0 and doc[tok.i - 1].lower_ == "the" \
                    and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                m = named[tok.text]
                out.append(Mention(doc[tok.i:tok.i + 1], "COUNTRY", m.name, m.country, key=f"C:{m.country}",
                                    geo=m.geo))
        return out

    def _group_title(self, tok: Token) -> tuple[gazetteer.Title | None, int]:
        """The group title a noun heads, with the index where it starts: "riot police",
        "aid groups", "security forces", "rebels"."""
        comps = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i >= tok.i - 3]
        for c in comps:
            words = " ".join(t.lower_ for t in tok.doc[c.i:tok.i + 1])
            lem = " ".join([t.lower_ for t in tok.doc[c.i:tok.i]] + [tok.lemma_.lower()])
            title = self.titles.get(words) or self.titles.get(lem)
            if title is not None and title.kind == "GROUP":
                return title, c.i
        title = self.titles.get(tok.lower_) or self.titles.get(tok.lemma_.lower())
        if title is not None and title.kind == "GROUP":
            return title, tok.i
        if tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in ("group", "party", "faction", "movement"):
            for c in comps:  # "opposition groups", "rebel factions"
                title = self.titles.get(c.lower_)
                if title is not None and title.sectors:
                    return title, c.i
        return None, tok.i

    def _groups(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """Group nouns as arguments: "Russian officials", "Western countries", "riot police", and
        plural nouns a country modifies: "Israeli tanks", "Iraqi towns", "Danish web sites"."""
        from .triggers import match_trigger
        out = []
        for tok in doc:
            if tok.i not in taken and tok.dep_ == "compound" and tok.head.dep_ in ARG_DEPS and \
                    tok.head.lower_ in words("instruments.txt"):
                force = self.titles.get(tok.lower_)
                if force is not None and force.kind == "GROUP" and set(force.sectors) & {"MIL", "COP"}:
                    # "an army drone struck the market": the army acted through it
                    out.append(Mention(doc[tok.i:tok.i + 1], "GROUP", tok.text, None, list(force.sectors),
                                       key=f"G:{tok.lower_}"))
                    continue
            if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ARG_DEPS:
                continue
            title, tstart = self._group_title(tok)
            national = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")
                        and c.i in self.country_of_token]
            person = self.titles.get(tok.lower_)
            place_poss = next((c for c in tok.children if c.dep_ == "poss" and (
                c.i in self.country_of_token or c.pos_ == "PROPN" and gazetteer.place(c.text) is not None)), None)
            if title is None and person is not None and person.kind == "PERSON" and person.sectors and \
                    tok.tag_ == "NN" and (any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
                                          or place_poss is not None):
                # "police arrested an investigative journalist", "Boké's public prosecutor": one
                # unnamed person, an entity of his own
                start = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ in ("amod", "compound")])
                span = doc[start:tok.i + 1]
                country = next((self.country_of_token[t.i] for t in span if t.i in self.country_of_token), None) \
                    or (self.country_of_token.get(place_poss.i) or gazetteer.place(place_poss.text)["country_code"]
                        if place_poss is not None else None)
                out.append(Mention(span, "PERSON", span.text, country, list(person.sectors), key=f"U:{tok.i}"))
                continue
            if (title is None or title.kind != "GROUP") and counted_pair(tok) and tok.lower_ not in NOT_GROUPS:
                pass  # "the two men", "the two border services": the article's two sides (participants)
            elif title is None or title.kind != "GROUP":
                if not national or tok.tag_ not in ("NNS", "NNPS") or tok.lower_ in NOT_GROUPS \
                        or match_trigger(tok) is not None:
                    continue
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i not in taken
                    or c.i in self.country_of_token]
            start = min([tok.i, tstart] + [c.left_edge.i for c in mods
                                            if c.dep_ != "poss" or c.i in self.country_of_token])
            while start < tok.i and (doc[start].is_punct or doc[start].lower_ in ("the", "a", "an")):
                start += 1
            span = doc[start:tok.i + 1]
            whole = span.text.lower()  # "Bosnian border police" is not "the police" named before
            full = span.text  # "China's embassy": the name, though "China" is a mention of its own
            if any(i in taken for i in range(span.start, span.end)) and start < tok.i:
                # "Argentina's coast guard": the words after the country's own mention
                cut = max(i for i in range(span.start, span.end) if i in taken) + 1
                while cut < tok.i and (doc[cut].is_punct or doc[cut].tag_ == "POS"):
                    cut += 1
                span = doc[cut:tok.i + 1]
            country = next((self.country_of_token[t.i] for t in span if t.i in self.country_of_token), None)
            if country is None and national:  # "Hong Kong police": the country is its own mention
                country = self.country_of_token[national[0].i]
            if country is None:  # "U.N. helicopters", "NATO troops", "EU monitors"
                country = next((self.org_of_token[t.i] for t in span if t.i in self.org_of_token), None) or \
                    next((self.org_of_token[c.i] for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                          and c.i in self.org_of_token), None)  # ... "the European Union's delegation"
            sectors = list(title.sectors) if title is not None else []
            sectors += [s for s in self._sectors(self._titles_in(list(span)[:-1])) if s not in sectors]
            name = full if span.start > start and country and tok.lemma_.lower() not in STATE_ITSELF else span.text
            ethnic = any(t.lower_ == "ethnic" for t in span)
            if tok.tag_ == "NNP" and len(span) > 1 and all(t.is_title or t.is_punct for t in span):
                # "the Ouham Self-Defence Movement": a proper name, an organisation
                by_name = gazetteer.org_sector(span)
                out.append(Mention(span, "ORG", name, country, [by_name] if by_name else sectors,
                                   key=f"O:{name.lower()}"))
                continue
            out.append(Mention(span, "GROUP", name, country, sectors, key=f"G:{whole}", people=ethnic))
        return out

    def _homes(self, doc: Doc, mentions: list[Mention]) -> None:
        """ "Opposition groups in Zimbabwe", "Ethnic Albanians in south Serbia", "rebels in the
        Ivory Coast": a group without a country, or a people, takes the country it is in."""
        places: dict[int, str] = {}
        for m in mentions:
            if m.kind in ("COUNTRY", "LOCATION") and m.country:
                for i in range(m.span.start, m.span.end):
                    places[i] = m.country
        where = dict(self.country_of_token)
        where.update(places)

        def home_in(tok: Token, preps: tuple[str, ...] = ("in", "of", "from", "throughout", "across", "inside")
                    ) -> str | None:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    for g in c.children:
                        if g.dep_ != "pobj":
                            continue
                        # "south Serbia", "the Ivory Coast", "the West Bank city of Hebron"
                        code = where.get(g.i) or next((places[x.i] for x in g.subtree if x.i in places), None)
                        if code:
                            return code
            return None
        for m in mentions:
            if m.kind != "GROUP" or (m.country and not m.people):
                continue
            head = m.span.root
            code = home_in(head)
            if code is None:  # "guerrillas operating in Macedonia", "hackers working for Russia's GRU"
                acl_preps = ("in", "of", "from", "throughout", "across", "inside", "for")
                code = next((home_in(c, acl_preps) for c in head.children if c.dep_ == "acl"
                             and home_in(c, acl_preps)), None)
            role = head
            if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "NUM"):
                role = head.head.head  # "thousands of ethnic Albanians"
            if code is None and (m.people or "CVL" in m.sectors) and role.dep_ in ("nsubj", "nsubjpass", "dobj"):
                code = home_in(role.head)  # "ethnic Albanians demonstrated in Serbia"
                if code is None:  # "people blocked streets in Hong Kong"
                    code = next((home_in(o) for o in role.head.children if o.dep_ == "dobj" and home_in(o)), None)
            if code is None and m.people and self._named_apart(m):
                # "Ethnic Albanians have sworn to fight ... near Macedonia's border": a people set
                # apart from its namesake state lives in the other state the sentence names
                own, sent = m.country, m.span.sent
                for table in (places, where):  # a place named, else a state's adjective
                    code = next((table[i] for i in range(sent.start, sent.end)
                                 if i in table and table[i] != own and table[i] not in NON_STATE_CODES
                                 and not m.span.start <= i < m.span.end), None)
                    if code:
                        break
            if code:
                m.country = code

    @staticmethod
    def _named_apart(m: Mention) -> bool:
        """ "ethnic Albanians", "the Albanian population": a people named as such, not a state's
        citizens."""
        doc = m.span.doc
        before = doc[m.span.start - 1] if m.span.start > 0 else None
        return any(t.lower_ == "ethnic" for t in m.span) or (before is not None and before.lower_ == "ethnic") \
            or m.span[-1].lower_ in words("people_nouns.txt")

    def _dateline(self, doc: Doc) -> str | None:
        """The country of an article's dateline ("HONG KONG, June 12, 2019 (Reuters) -"), if it
        names one place."""
        line = doc_dateline(doc)
        if line is not None and "-" in line[0] and " " not in line[0]:
            # "PORT-AU-PRINCE, July 28 (Reuters) -": a hyphenated place, not a dash
            geo = gazetteer.place(line[0])
            if geo is not None:
                return geo["country_code"]
        end = None
        for t in doc[:30]:
            if "\n" in t.text:
                break
            if t.text in ("-", "\u2014", "\u2013", "--") and t.i > 0:
                end = t.i
                break
        if end is None:
            return None
        words = []
        for t in doc[:end]:
            if t.is_alpha and t.is_upper and len(t.text) > 1:
                words.append(t.text)
                continue
            if t.text == "/" or (words and t.is_alpha and t.is_upper is False and t.i == len(words)):
                return None  # "WASHINGTON/BEIRUT": more than one place
            break
        if not words:
            return None
        name = " ".join(w.capitalize() for w in words)
        actor = self.names.get(name)
        if actor is not None and actor.kind in ("COUNTRY", "CAPITAL"):
            return actor.code
        geo = gazetteer.place(name)
        return geo["country_code"] if geo else None

    def _host_of_talks(self, doc: Doc, dateline: str) -> str:
        """The home country of an article filed from the city that hosts talks between others:
        the country of the lead sentence's subject when that sentence names talks and places or
        brokers them in the dateline's country ("DOHA - Chadian rebels rejected a Qatari proposal
        ..., as talks in Doha entered their third week"); otherwise the dateline's country."""
        sents = list(doc.sents)
        lead = next((s for s in sents[:3] if s.root.pos_ in ("VERB", "AUX") and
                     any(c.dep_ in ("nsubj", "nsubjpass") for c in s.root.children)), None)
        if lead is None or not any(t.lower_ in words("talks_words.txt") for t in lead):
            return dateline
        host = [t for t in lead if self.country_of_token.get(t.i) == dateline or
                (t.ent_type_ == "GPE" and self._place_country(t) == dateline)]
        if not host:
            return dateline
        subj = [c for c in lead.root.children if c.dep_ in ("nsubj", "nsubjpass")][0]
        codes = {self.country_of_token[t.i] for t in subj.subtree if t.i in self.country_of_token}
        codes = {c for c in codes if c not in NON_STATE_CODES}
        return next(iter(codes)) if len(codes) == 1 and dateline not in codes else dateline

    def _place_country(self, tok: Token) -> str | None:
        geo = gazetteer.place(tok.text)
        return geo["country_code"] if geo else None

    def _home_country(self, doc: Doc, entities: list[Entity]) -> None:
        """People, groups and public bodies with a title but no country of their own ("Police
        Commissioner Stephen Lo", "the rebels", "the Legislative Council") are taken to be of the
        article's dateline country, or of the one country an article without a dateline names."""
        for e in entities:
            if e.kind == "PERSON" and e.country is None:
                e.country = self._listed_country(doc, e, entities) or self._title_before(doc, e) or \
                    self._place_frame(doc, e, entities) or self._spoke_in_capital(e)
            elif self._nongovernmental(e):
                e.country = "NGO"
        code = self._dateline(doc)
        dated = code is not None
        if code is not None:
            code = self._host_of_talks(doc, code)
        if code is None:
            codes = {e.country for e in entities if e.country and e.kind != "LOCATION" and e.sector != "JRN"}
            codes |= set(self.country_of_token.values())
            codes = {c for c in codes if c and len(c) == 3 and c not in NON_STATE_CODES}
            if len(codes) != 1:
                return
            code = next(iter(codes))
        doc.user_data[HOME] = code
        explicit = {id(e): e.country for e in entities if e.country and e.country not in NON_STATE_CODES}
        for e in entities:
            if e.kind == "LOCATION" and e.country is None and e.geo is None and dated:
                e.country = code  # a village the gazetteer does not know, in a report from its country
            if e.country is not None or (not e.sectors and not (dated and e.kind == "PERSON")):
                continue
            if e.kind == "GROUP" and any(self._belongs(s) for s in e.mentions):
                continue  # "inspectors of the IAEA", "Hezbollah guerrillas"
            if e.kind == "GROUP" and all(counted_pair(s.root) or any(c.dep_ == "poss" and counted_pair(c)
                                                                     for c in s.root.children) for s in e.mentions):
                continue  # "the two sides", "the two countries' ministers": both parties, found per event
            if e.kind == "GROUP" and any(s.root.lemma_.lower() in words("state_groups.txt") and
                                         s.root.tag_ in ("NNS", "NNPS") for s in e.mentions):
                continue  # "six world powers", "Western governments": many states, no one home
            if e.kind in ("GROUP", "ORG") and all(any(c.dep_ == "poss" and c.pos_ == "PRON" for c in s.root.children)
                                                  for s in e.mentions):
                continue  # "its aircraft", "its foreign ministry": the possessor's country, found per event
            if e.kind == "PERSON":
                if any(t.lower() in ("ambassador", "envoy") for t in e.titles):
                    e.country = self._foreign_country(doc, e, code)  # "summoned Ambassador Chea Sokha"
                    continue
                if dated and _visitor(e):
                    # "during a visit by Prime Minister Tariq Mahmood", in a report from Riyadh
                    e.country = self._foreign_country(doc, e, code)
                    continue
                near = _spoke_for_subject(e, entities) or self._subject_country(doc, e, entities) or \
                    _ruler_in_title(doc, e, entities)
                if near:
                    e.country = near
                    continue
            ruler = _ruler_named_before(e, entities, explicit) if e.kind in ("GROUP", "ORG") else None
            if ruler is not None:
                e.country = ruler  # "Guinea's military rulers ... the junta", in a report from Abuja
                continue
            if e.kind in ("PERSON", "GROUP") or (e.kind == "ORG" and set(e.sectors) & (DOMESTIC_SECTORS | LOCAL_SECTORS)):
                e.country = code

    def _nongovernmental(self, e: Entity) -> bool:
        if e.kind == "GROUP" and any(self._belongs(s) for s in e.mentions):
            return False  # "aid workers of the Red Cross"
        return nongovernmental(e)

    def _foreign_country(self, doc: Doc, e: Entity, home: str) -> str | None:
        """An ambassador whom the text gives no country, in a report from the country he is posted
        to: of the last other country named before him ("Thailand accused Cambodia ... The Foreign
        Ministry summoned Ambassador Chea Sokha")."""
        first = min(s.start for s in e.mentions)
        for i in range(first - 1, -1, -1):
            code = self.country_of_token.get(i)
            if code and code != home and code not in NON_STATE_CODES:
                return code
        return None

    def _place_frame(self, doc: Doc, e: Entity, entities: list[Entity]) -> str | None:
        """ "In New Delhi, foreign ministry spokesman Arvind Menon said ...": a person with no
        country of his own, first named in a sentence set in a place, is of that place's country."""
        first = min(e.mentions, key=lambda s: s.start)
        sent = first.sent
        if sent[0].lower_ != "in":
            return None
        comma = next((t.i for t in sent if t.text == ","), None)
        if comma is None or comma > first.start or comma - sent.start > 6:
            return None
        places = {i: p.country for p in entities if p.kind in ("LOCATION", "COUNTRY") and p.country
                  for m in p.mentions for i in range(m.start, m.end)}
        return next((places.get(i) or self.country_of_token.get(i) for i in range(sent.start + 1, comma)
                     if places.get(i) or self.country_of_token.get(i)), None)

    def _spoke_in_capital(self, e: Entity) -> str | None:
        """ "Foreign Minister Lin Chia-hao told reporters in Taipei": an official with no country
        of his own, first named speaking in a capital, speaks for its government."""
        first = min(e.mentions, key=lambda s: s.start)
        verb = first.root.head
        if first.root.dep_ != "nsubj" or verb.lemma_.lower() not in ("say", "tell", "speak"):
            return None
        heads = [verb] + [o for o in verb.children if o.dep_ in ("dobj", "dative")]
        for h in heads:
            for p in h.children:
                if p.dep_ != "prep" or p.lower_ != "in":
                    continue
                for g in p.children:
                    actor = self.names.get(g.text)
                    if g.dep_ == "pobj" and actor is not None and actor.kind == "CAPITAL":
                        return self.country_of_token.get(g.i)
        return None

    def _title_before(self, doc: Doc, e: Entity) -> str | None:
        """"Qatar's emir, Sheikh Hamad bin Khalifa al-Thani": a name set off after a title that
        a country possesses."""
        first = min(e.mentions, key=lambda s: s.start)
        i = first.start - 1
        while i >= 0 and self.titles.get(doc[i].lower_) is not None and not self.titles[doc[i].lower_].sectors:
            i -= 1  # honorifics ("Sheikh")
        if i < 2 or doc[i].text != ",":
            return None
        title = doc[i - 1]
        if self.titles.get(title.lower_) is None:
            return None
        if doc[i - 2].tag_ == "POS" and i >= 3:  # ("the EU's ambassador, Marek Novotny")
            return self.country_of_token.get(i - 3) or self.org_of_token.get(i - 3)
        return self.country_of_token.get(i - 2)  # "Qatari emir, Sheikh ..."

    def _listed_country(self, doc: Doc, e: Entity, entities: list[Entity]) -> str | None:
        """ "seven Russian officials, among them Dmitry Rogozin", "Russian officials, including
        Vladislav Surkov": a person listed as one of a group is of the group's country."""
        first = min(e.mentions, key=lambda s: s.start)
        root = first.root
        groups = {i: g.country for g in entities if g.kind == "GROUP" and g.country
                  for s in g.mentions for i in range(s.start, s.end)}
        head = root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in ("including", "among") and head.head.head.i in groups:
            return groups[head.head.head.i]
        if any(c.dep_ == "prep" and c.lower_ in ("among", "including") and
               any(g.lower_ in ("them", "those", "whom") for g in c.children) for c in head.children):
            for i in range(head.i - 1, head.sent.start - 1, -1):
                if i in groups:
                    return groups[i]
        return None

    def _subject_country(self, doc: Doc, e: Entity, entities: list[Entity]) -> str | None:
        """ "Russia has massed troops ... Deputy Foreign Minister Alexander Grushko said": an
        official with no nationality speaks for the country that is the subject just before."""
        first = min(e.mentions, key=lambda s: s.start)
        sent = first.sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        countries = {i: c.country for c in entities if c.kind == "COUNTRY" and c.country
                     for s in c.mentions for i in range(s.start, s.end)}
        quoted = False  # walking back from the name, inside a quotation once an odd number of marks is passed
        for i in range(first.start - 1, start - 1, -1):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                return None  # not across a paragraph break
            if doc[i].text in ('"', "\u201c", "\u201d", "``", "''"):
                quoted = not quoted
            if i in countries and not quoted and doc[i].dep_ in ("nsubj", "nsubjpass") and \
                    doc[i].head.sent == doc[i].sent and (i >= sent.start or doc[i].head.dep_ == "ROOT"):
                # (not "If Damascus keeps the door closed," said the British minister; in the sentence
                # before, the main clause's subject: "Britain warned that ... if Syria did not ...")
                return countries[i]
        return None

    def _belongs(self, span: Span) -> bool:
        """A group named as some body's ("Hezbollah guerrillas", "inspectors of the IAEA")."""
        root = span.root
        for c in root.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss") and (c.i in self.org_of_token or
                                                                  (c.ent_type_ == "ORG" and root.ent_type_ != "ORG")):
                return True  # (not "the Foreign Office", where the name is the body itself)
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "with") and \
                    any(g.pos_ == "PROPN" for g in c.children if g.dep_ == "pobj"):
                return True
        return False

    def _qualified(self, span: Span) -> bool:
        """A one-word group mention whose country stands just before it as a mention of its own
        ("China's embassy", "Bosnian border police")."""
        i = span.start - 1
        while i >= 0 and (span.doc[i].tag_ == "POS" or span.doc[i].dep_ == "compound"):
            i -= 1
        return i >= 0 and i < span.start - 1 or (i >= 0 and i in self.country_of_token)

    def _antecedent(self, doc: Doc, m: Mention, entities: list[Entity]) -> Entity | None:
        """ "the ministers" after "European Union foreign ministers", "the bloc" after "the EU":
        a definite bare group noun is the group named before it with the same head."""
        if m.kind not in ("GROUP", "ORG") or m.span.start == 0:
            return None
        head = m.span.root.lemma_.lower()
        words_ = [t.lower_ for t in m.span if t.lower_ != "the"]
        lead = m.span[0] if m.span[0].lower_ == "the" else doc[m.span.start - 1]
        if lead.lower_ == "the" and len(words_) > 1 and m.country is None and all(t.is_lower for t in m.span):
            # "The foreign ministry neither confirmed nor denied", after "Croatia's foreign ministry"
            said = " ".join(words_)
            got = next((e for e in reversed(entities) if e.kind in ("GROUP", "ORG") and e.country and
                        any(" ".join(t.lower_ for t in s if t.lower_ != "the") == said for s in e.mentions)), None)
            if got is not None:
                return got
        if m.kind == "ORG":
            # "the agency" after "Frontex, the European Union's border agency"
            named = getattr(self, "_described_as", {}).get(head)
            lead = m.span[0] if m.span[0].lower_ == "the" else doc[m.span.start - 1]
            if named is None or named.span.start >= m.span.start or lead.lower_ != "the" or \
                    len([t for t in m.span if t.lower_ != "the"]) != 1:
                return None
            return next((e for e in entities if any(s.start == named.span.start for s in e.mentions)), None)
        if len(m.span) != 1 and not (head == "bloc" and m.country is None or head == "bloc" and
                                     all(t.i not in self.country_of_token for t in m.span)):
            return None  # "the 27-nation bloc" is still the bloc
        det = doc[m.span.start - 1]
        if det.lower_ not in ("the", "these", "those"):
            return None
        named = getattr(self, "_described_as", {}).get(head)
        if named is not None and named.span.start < m.span.start and len(m.span) == 1:
            # "the agency" after "Frontex, the European Union's border agency"
            got = next((e for e in entities if any(s.start == named.span.start for s in e.mentions)), None)
            if got is not None:
                return got
        if len(m.span) == 1 and m.span.root.tag_ == "NN":
            named = named_by_last_word(head, entities)
            if named is not None:
                return named  # "the union" after "the Community Health Workers Union", "the court" after "the ICC"
        if head in ("bloc", "union"):  # "the bloc" after "the EU"
            eu = next((e for e in reversed(entities) if e.kind == "ORG" and e.country == "EUR"), None)
            if eu is not None:
                return eu
        for e in reversed(entities):
            if head in ("bloc", "alliance", "organisation", "organization", "union") and e.kind == "ORG" \
                    and e.country in ("EUR", "IGO", "UNO"):
                return e
            if head in BODY_NOUNS and e.kind == "ORG" and set(e.sectors) & {"REB", "PRM", "OPP", "PTY", "GOV"} \
                    and e.country not in ("EUR", "IGO", "UNO"):
                return e  # "the group" after "the Taliban"
            if e.kind == "GROUP" and any(s.root.lemma_.lower() == head and (len(s) > 1 or self._qualified(s))
                                         for s in e.mentions):
                return e
        return named_by_sector_noun(m.span.root, entities)

