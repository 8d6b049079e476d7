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

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import gazetteer, times
from .actor_groups import HOME
from .candidates import MATERIAL_CONFLICT, RECIPROCAL_TYPES, Cand, candidates, inanimate
from .framing import apply_frames, evaluations_found, say_requests
from .lexicons import table, words
from .arguments import conjuncts, is_condition, is_passive, patient, subject, window_start
from .model import Event, Participant
from .participants import Args, heads_of, sides, unidentified
from .statements import cues
from .places import NON_STATE, PLACE_NOUNS, REACH_VERBS, dateline_country, find_place, struck_place
from .triggers import Trigger, lemma, match_trigger, roles_of, verb_like

__all__ = ["find_events", "match_trigger", "Trigger"]


@functools.lru_cache(maxsize=None)
def contexts() -> dict[str, str]:
    """Lemma -> PLOVER context (`data/contexts.tsv`)."""
    return {r["word"]: r["context"] for r in table("contexts.tsv", ("word", "context")) if r["context"]}


def _trigger_span(doc: Doc, c: Cand) -> Span:
    w = c.word
    other = c.governor if c.governor is not None and c.role != "commanded" else c.light
    if c.role in ("say-must", "say-threat"):
        other = c.say
    if other is not None and other.i != w.i:
        lo, hi = min(other.i, w.i), max(other.i, w.i)
        if hi - lo <= 4:
            return doc[lo:hi + 1]
        # far apart ("ending 18 days of marathon talks"): the noun names the event; a framing
        # verb names the act it frames
        return doc[w.i:w.i + 1] if c.light is not None and other.i == c.light.i else doc[other.i:other.i + 1]
    if c.role in ("agree", "threaten") and c.absorbed and c.governor is None:
        # "vowed that Iran would retaliate": the pledge and the clause pledged ("threatened to
        # shell" keeps "threatened" alone; the shelling is an event of its own)
        last = max((i.word.i for i in c.absorbed if (i.light or i.word).dep_ == "ccomp"), default=w.i)
        if w.i < last <= w.i + 5:
            return doc[w.i:last + 1]
    if c.row.particle and w.pos_ != "NOUN":
        last = max((x.i for x in w.subtree if x.lower_ in c.row.particle.split() and x.i > w.i), default=w.i)
        if last - w.i <= 4:
            return doc[w.i:last + 1]
    return doc[w.i:w.i + 1]


def _inanimate_subject(c: Cand) -> bool:
    if c.event not in MATERIAL_CONFLICT and c.event != "PROTEST":
        return False
    subj = subject(c.light or c.word) if c.word.pos_ not in ("NOUN", "PROPN") or c.light else []
    return any(lemma(s) in inanimate() or s.lower_ in inanimate() for s in subj)


def _simile(tok) -> bool:
    """ "the houses looked as if they had been carpet-bombed": a comparison, not an event."""
    doc = tok.doc
    for t in [tok] + list(tok.ancestors):
        marks = {m.lower_ for m in t.children if m.dep_ in ("mark", "advmod") and m.i < t.i}
        edge = t.left_edge.i
        if {"if", "though"} & marks and ("as" in marks or doc[edge].lower_ == "as" or
                                          (edge > 0 and doc[edge - 1].lower_ == "as")):
            return True
        if t.dep_ in ("ROOT", "ccomp"):
            break
    return False


def _announcing_state(c: Cand, args: Args) -> list:
    """Who ends or suspends something no one is named as ending, in a government's own report of
    it ("Its foreign ministry said 11 aid projects had been suspended", "the minister said the fee
    rise would be suspended"): the government that reports it, unless what ends is its own
    ("said its flights had been suspended")."""
    v = c.light or c.word
    if any(x.dep_ == "poss" for o in patient(v) for x in o.children):
        return []
    while v.dep_ in ("conj", "xcomp") and v.head is not v:
        v = v.head
    if v.dep_ != "ccomp" or "say" not in roles_of(v.head):
        return []
    speakers = args.participants(subject(v.head))
    if not speakers or not all(p.code and p.code in gazetteer.countries() and p.sector in (None, "GOV")
                               for p in speakers):
        return []
    return [Participant(entity=args.country_entity.get(p.code), code=p.code, sector="GOV", text=p.text)
            for p in speakers[:1]]


def _verbal_blow(c: Cand) -> bool:
    """ "opened fire on the company in a televised address", "fired back at Bucharest, calling
    the accusations hysteria": a verb of violence used of words (speech_settings.txt)."""
    head = c.light or c.word
    if c.event != "ASSAULT" or not verb_like(head):
        return False
    marks = words("speech_settings.txt")
    for x in head.children:
        if x.dep_ == "prep" and x.lower_ == "in" and \
                any(g.dep_ == "pobj" and f"in {g.lemma_.lower()}" in marks for g in x.children):
            return True
        if x.dep_ in ("advcl", "xcomp") and x.tag_ == "VBG" and x.lower_ in marks and x.i > head.i:
            return True
    return False


def _disaster_nearby(tok) -> bool:
    """A natural disaster named in this sentence or the two before it."""
    doc = tok.doc
    start = tok.sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    causes = inanimate()
    return any(t.lemma_.lower() in causes and t.lemma_.lower() in DISASTERS and not _outbreak_of_violence(t)
               for t in doc[start:tok.sent.end])


def _outbreak_of_violence(tok) -> bool:
    """ "the deadliest outbreak of prison violence": people's doing, not an epidemic."""
    return tok.lemma_.lower() == "outbreak" and any(
        p.lower_ == "of" and any(o.lemma_.lower() in VIOLENCE for o in p.children if o.dep_ == "pobj")
        for p in tok.children)


#: What breaks out that people do, not nature.
VIOLENCE = frozenset({"violence", "fighting", "clash", "clashes", "unrest", "hostility", "hostilities", "war",
                      "rioting", "riot", "riots", "protest", "protests"})


#: The natural disasters among inanimate_causes.txt.
DISASTERS = frozenset({"earthquake", "quake", "aftershock", "tremor", "storm", "hurricane", "typhoon", "cyclone",
                       "tornado", "flood", "floods", "flooding", "drought", "wildfire", "wildfires", "landslide",
                       "mudslide", "avalanche", "tsunami", "eruption", "volcano", "heatwave", "blizzard",
                       "pandemic", "epidemic", "outbreak"})


def _context(sent: Span, cache: dict[int, list[str]]) -> list[str]:
    """PLOVER contexts from keywords in the event's sentence (`data/contexts.tsv`)."""
    if sent.start in cache:
        return list(cache[sent.start])
    table_ = contexts()
    out: list[str] = []
    for t in sent:
        ctx = table_.get(t.lemma_.lower()) or table_.get(t.lower_)
        if ctx and ctx not in out:
            out.append(ctx)
    cache[sent.start] = out
    return list(out)


#: Entity kinds whose country, when the article does not give it, is taken from where they act.
LOCATED_KINDS = frozenset({"GROUP", "ORG", "PERSON"})
#: Events whose actors act at home (protesters, police) and whose recipients are struck where
#: they are; negotiators, visitors and donors are often abroad, so other types take no country
#: from the place.
LOCAL_ACTORS = frozenset({"PROTEST", "COERCE"})
LOCAL_RECIPIENTS = frozenset({"PROTEST", "COERCE", "ASSAULT", "AID", "RETREAT"})


#: COERCE modes only a state carries out: with no actor named, the authorities of the place.
STATE_MODES = frozenset({"arrest", "deport", "curfew", "martial-law"})
#: Measures a government takes against its own population (PLOVER COERCE modes).
DOMESTIC_MODES = frozenset({"martial-law", "curfew"})


def _domestic(actor: list, place: dict | None, args: Args) -> list:
    """ "imposed a curfew", "is prepared to impose martial law": with no one named, the measure
    falls on the population where it is imposed, else of the country that imposes it."""
    code = (place or {}).get("country_code") or next((p.code for p in actor if p.code and len(p.code) == 3
                                                      and p.code not in NON_STATE), None)
    if not code:
        return []
    return [Participant(entity=args.country_entity.get(code), code=code, sector=None,
                        text=(place or {}).get("extracted_place") or code)]


def _speaker_side(doc: Doc, noun, args: Args, recipient: list) -> list:
    """ "Commission spokesman X said talks with Chinese officials would resume next week": talks
    with the other side that a speaker announces are the speaker's side's talks."""
    for st in doc._.statements or []:
        if st.speaker is None or not (st.content.start <= noun.i < st.content.end):
            continue
        ent = args.ents.get(st.speaker)
        if ent is None or not ent.country or ent.country in {p.code for p in recipient}:
            return []
        return [Participant(entity=ent.id, code=ent.country, sector=ent.sector,
                            text=st.speaker_span.text if st.speaker_span is not None else ent.name)]
    return []


def _own_government(actor: list, place: dict | None, args: Args) -> list:
    """A protest that names no target is directed at the authorities where it happens (PLOVER
    manual, PROTEST modes: "directed toward ... government authorities"): the government of the
    protesters' country, when they protest at home."""
    codes = {p.code for p in actor if p.code}
    if len(codes) != 1:
        return []
    code = next(iter(codes))
    where = (place or {}).get("country_code")
    if code in NON_STATE or (where and where != code) or code not in gazetteer.countries():
        return []
    text = place["extracted_place"] if where else gazetteer.countries()[code]["name"]
    return [Participant(entity=args.country_entity.get(code), code=code, sector="GOV", text=text)]


def _located(parties: list, place: dict | None, args: Args) -> None:
    """Participants with no country who act or are acted on at a place in a country ("prisoners
    rioted at a jail in Dili", "killed 23 people in Tel Aviv") are coded with that country, as
    the PLOVER gold standard codes them. Non-state bodies (UN, NGOs) keep their own code."""
    code = (place or {}).get("country_code")
    if not code:
        return
    for p in parties:
        if p.code is not None:
            continue
        ent = args.ents.get(p.entity) if p.entity else None
        if ent is not None and ent.kind not in LOCATED_KINDS:
            continue
        p.code = code


#: Acts aimed at another party: when the text names none, it is the other side of the story.
DIRECTED = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "AGREE", "CONCEDE", "SUPPORT", "AID"})


def _country(code: str, args: Args) -> Participant:
    name = gazetteer.countries()[code]["name"] if code in gazetteer.countries() else code
    return Participant(entity=args.country_entity.get(code), code=code, sector=None, text=name)


def _counterpart(c: Cand, actor: list, args: Args) -> list:
    """The party a directed act with no named recipient is aimed at ("It lodged a stern protest
    and demanded the release of the crew", "China pledged 30 million yuan"), as a coder reading
    the whole report would fill it in: in a report from one country, a foreign actor's act is
    aimed at that country; the home country's acts at the last other state its story involved in
    this or the two sentences before (a state's own, further back in the story); with none, an
    act at home ("the opposition rejected both demands") at the actor's own country."""
    codes = {p.code for p in actor if p.code}
    if len(codes) != 1:
        return []
    own = next(iter(codes))
    head = c.light or c.word
    doers = {t.i for x in head.children if x.dep_ in ("nsubj", "agent") for t in x.subtree}
    named = [args.country_tokens[t.i] for t in head.subtree if t.i in args.country_tokens and t.i not in doers]
    named = [x for x in named if x != own and x not in NON_STATE]
    if named:  # "would stop importing Russian poultry"
        return [_country(named[0], args)]
    home = args.doc.user_data.get(HOME)
    if home and home != own and home not in NON_STATE:
        return [_country(home, args)]
    start = args.doc[window_start(c.word)].idx  # the events of this and the two sentences before
    for ev in reversed(args.history):
        if ev.trigger.start_char < start:
            break
        for p in ev.recipient + ev.actor:
            if p.code and p.code != own and p.code not in NON_STATE and p.code in gazetteer.countries():
                return [_country(p.code, args)]
    if own in NON_STATE or own not in gazetteer.countries() or (home and home != own):
        return []
    if all(p.sector in (None, "GOV") for p in actor):
        # a state's protest or demand in a story about another state, named further back
        for ev in reversed(args.history):
            for p in ev.actor + ev.recipient:
                if p.code and p.code != own and p.code not in NON_STATE and p.code in gazetteer.countries():
                    return [_country(p.code, args)]
    return [_country(own, args)]


#: Sectors of a state's own voice: a protest they lodge is a diplomatic one.
STATE_VOICES = frozenset({"GOV", "MIL"})


def _state_protest(c: Cand, actor: list, args: Args) -> bool:
    """ "It lodged a stern protest", "drawing a sharp protest from Beijing": a protest a state
    makes is disapproval (ACCUSE), not a demonstration (PLOVER manual: PROTEST is civil action)."""
    if c.event != "PROTEST" or c.word.pos_ != "NOUN" or c.row.lemma != "protest" or not actor:
        return False
    for p in actor:
        ent = args.ents.get(p.entity) if p.entity else None
        if p.code not in gazetteer.countries():
            return False
        if ent is not None and ent.kind in ("COUNTRY", "LOCATION"):
            continue  # "Beijing": a capital standing for its government
        if p.sector not in STATE_VOICES and not (p.sector is None and ent is None):
            return False
    return True


def _rejected_party(c: Cand, actor: list, args: Args) -> list:
    """The authors of what a rejection refers back to ("the foreign ministry rejected the
    criticism", "a charge that was dismissed as baseless by the ministry"): the actors of the
    latest accusation, request or threat, or the speaker of the latest statement, of someone
    other than the rejecter, in this or the two sentences before."""
    word = c.word
    objs = [x for x in word.children if x.dep_ in ("dobj", "nsubjpass")]
    if word.dep_ in ("relcl", "acl") and word.head.pos_ == "NOUN":
        objs.append(word.head)
    referred = words("referred_acts.txt")
    if not any(o.lemma_.lower() in referred or o.lower_ in referred for o in objs):
        return []
    own = {p.code for p in actor if p.code}
    start = window_start(word)
    for ev in reversed(args.history):
        if ev.trigger.start < start:
            break
        if ev.event in ("ACCUSE", "REQUEST", "THREATEN") and ev.trigger.start < word.i:
            got = [p for p in ev.actor if p.code and p.code not in own]
            if got:
                return got
    for st in reversed(args.doc._.statements or []):
        if st.cue.start >= word.i or st.cue.start < start or not st.speaker:
            continue
        ent = args.ents.get(st.speaker)
        if ent is not None and ent.country and ent.country not in own:
            return [Participant(entity=ent.id, code=ent.country, sector=ent.sector, text=ent.name)]
    return []


def _struck_site(c: Cand) -> bool:
    """Whether an attack's object is a place where people are (a market, a village, a camp)."""
    objs = patient(c.word) if verb_like(c.word) and c.light is None else []
    return any(lemma(o) in PLACE_NOUNS or o.lower_ in PLACE_NOUNS for o in objs)


def _conditioned_party(c: Cand, actor: list, args: Args) -> list:
    """The one a threat is aimed at, when its condition names someone else's act ("threatened to
    ban voting if Hamas ran", "will respond if any unit crosses"): the subject of the "if" or
    "unless" clause, when that is an actor other than the threatener."""
    own = {p.code for p in actor if p.code}
    for v in [c.word, c.light, c.governor] + [i.word for i in c.absorbed]:
        if v is None:
            continue
        for cl in v.children:
            if not is_condition(cl) or (lemma(cl), "VERB") in cues():
                continue  # (not a reporting verb the parser made the condition: "..., X said")
            mark = next(m for m in cl.children if m.dep_ == "mark" and m.lower_ in ("if", "unless"))
            subj = [x for s in cl.children if s.dep_ in ("nsubj", "nsubjpass") and s.i > mark.i
                    and not any(t.text == "," for t in s.doc[mark.i + 1:s.left_edge.i]) for x in conjuncts(s)]
            named = [x for x in subj if x.i in args.tokmap or x.i in args.country_tokens]  # a party, not "cooperation"
            got = [p for p in args.participants(named) if p.code and p.code not in own]
            if got:
                return got
    return []


def _said_date(doc: Doc, head) -> tuple | None:
    """The date of the verb that reports the clause `head` stands in, when the text gives one."""
    v = head
    while v.dep_ in ("xcomp", "conj") and v.head.i != v.i:
        v = v.head
    if v.dep_ == "ccomp" and v.head.i != v.i:
        said = times.event_date(doc, doc[v.head.i:v.head.i + 1])
        if said[2] == "text":
            return said
    return None


def _rescue(c: Cand) -> bool:
    """A release that comes of a raid by the one who frees ("commandos stormed the tanker, killing
    two pirates and freeing 14 sailors"): a rescue, which PLOVER codes as aid, not a captor's
    retreat."""
    w = c.word
    for _ in range(3):
        if w.dep_ not in ("advcl", "conj") or w.head.i == w.i:
            return False
        w = w.head
        row = match_trigger(w)
        if row is not None and row.event in ("ASSAULT", "COERCE") and w.lemma_.lower() in words("raids.txt"):
            return True
    return False


def find_events(doc: Doc) -> list[Event]:
    """Every PLOVER event in a processed doc (after the actors stage), in text order."""
    args = Args(doc)
    cands = candidates(doc, args.tokmap, args.ents)
    musts = say_requests(doc, cands) + evaluations_found(doc)
    cands = apply_frames(doc, [c for c in cands if not c.dropped] + musts)
    events: list[Event] = []
    seen: set[tuple] = set()
    context_cache: dict[int, list[str]] = {}
    for c in sorted(cands, key=lambda x: x.head.i):
        if _inanimate_subject(c) or _simile(c.light or c.word) or _verbal_blow(c):
            continue
        actor, recipient, reciprocal = sides(c, args)
        if _state_protest(c, actor, args):
            c.event, c.mode = "ACCUSE", "disapprove"
            recipient = [p for p in recipient if p.code not in {a.code for a in actor}]
        if c.role == "say-must" and not recipient:
            continue  # "the world should not be fooled": no one is asked to act
        if c.event == "COERCE" and c.mode == "martial-law" and _disaster_nearby(c.word):
            continue  # a state of emergency after an earthquake is no repression (PLOVER manual, COERCE)
        if (reciprocal and not recipient) or (not recipient and len({p.code for p in actor if p.code}) > 1
                                              and c.event in RECIPROCAL_TYPES
                                              and not (c.event in MATERIAL_CONFLICT and
                                                       any(x.dep_ == "dobj" for x in c.word.children))):
            # "Kyrgyz and Tajik troops clashed": each side at the other; not "Haitian and Kenyan
            # officers stormed the district", which has an object of its own
            recipient = list(reversed(actor)) if len({p.code for p in actor}) > 1 else recipient
        if not recipient and c.event == "REJECT":
            recipient = _rejected_party(c, actor, args)  # "rejected the criticism": its authors
        if not recipient and c.event == "MOBILIZE" and c.light is None:
            # "trained 500 hackers capable of launching cyber warfare against the United States"
            against = [g for o in patient(c.word) for p in o.subtree if p.dep_ == "prep" and p.lower_ == "against"
                       for g in p.children if g.dep_ == "pobj"]
            recipient = [x for x in args.participants(against) if x.code not in {a.code for a in actor}]
        if c.event == "THREATEN" or (not recipient and c.event in DIRECTED):
            party = _conditioned_party(c, actor, args)
            if party:
                recipient = party
        codes = {p.code for p in actor + recipient if p.code}
        heads = heads_of(c) + [h for h in (c.governor,) if h is not None] + [i.word for i in c.absorbed]
        if c.light is None and c.word.pos_ == "NOUN" and c.word.dep_ in ("nsubj", "nsubjpass"):
            # "talks between the two countries are scheduled to go ahead in Siem Reap": where the
            # verb the event noun is subject of says it happens
            heads += [c.word.head] + [x for x in c.word.head.children if x.dep_ == "xcomp"]
        heads += [x for h in list(heads) for x in h.children
                  if x.dep_ == "acl" or (x.dep_ == "relcl" and x.lemma_.lower() in REACH_VERBS)]
        if c.event == "CONSULT" and c.light is None and c.word.pos_ == "VERB":
            # "Talks in Almaty mediated by the SCO collapsed": the talks' place is the mediation's
            heads += [x for x in c.word.children if x.dep_ in ("nsubj", "nsubjpass", "dobj")
                      and (x.lemma_.lower() in words("talks_words.txt") or x.lower_ in words("talks_words.txt"))]
        if c.light is None and c.word.dep_ == "acl" and c.word.tag_ == "VBN" and c.event in ("AID", "MOBILIZE"):
            # "a team of 12 epidemiologists sent by the WHO arrived in Lilongwe": sent to where it arrived
            n = c.word.head
            while n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.head.pos_ in ("NOUN", "PROPN"):
                n = n.head.head
            if n.dep_ in ("nsubj", "nsubjpass") and n.head.pos_ == "VERB":
                heads.append(n.head)
        # "killed 23 people when they blew themselves up in Tel Aviv"
        heads += [x for x in (c.light or c.word).children if x.dep_ == "advcl"
                  and any(m.dep_ in ("advmod", "mark") and m.lower_ == "when" for m in x.children)]
        # last: a place on the verb's object ("clashed with militias in Tripoli")
        heads += [g for h in (c.word, c.light) if h is not None for x in h.children
                  for g in (conjuncts(x) if x.dep_ == "dobj" else [y for y in x.children if y.dep_ == "pobj"]
                            if x.dep_ == "prep" and x.lower_ not in ("in", "near", "from") else [])]
        # places are resolved preferring the parties' countries, then any country the sentence
        # names ("in Tripoli as shells crashed into the north Lebanese port": Lebanon's Tripoli)
        hints = codes | {args.country_tokens[t.i] for t in c.word.sent if t.i in args.country_tokens}
        found = find_place(doc, heads, args.tokmap, args.ents, hints, country_tokens=args.country_tokens,
                           loose=c.event == "MOBILIZE")  # troops sent "to" a place are deployed there
        if found is None and c.event in ("ASSAULT", "COERCE") and c.light is None and verb_like(c.word):
            found = struck_place(doc, patient(c.word), args.tokmap, args.ents, hints)
        place = found[0] if found else None
        if place is None and c.event in LOCAL_RECIPIENTS | LOCAL_ACTORS:
            place = dateline_country(doc, None if c.event == "PROTEST" else codes)
        elif place is None and c.event == "CONSULT" and c.mode != "phone" and len(codes) > 1:
            # talks or a visit reported from the capital of one of the parties were held there
            place = dateline_country(doc, codes)
        if not actor and c.role in ("end", "cancel") and is_passive(c.light or c.word):
            actor = _announcing_state(c, args)  # "the minister said the fee rise would be suspended"
        if not actor and c.event == "ASSAULT":
            actor = unidentified(c, args, place)
        if not actor and c.event == "PROTEST" and (place or {}).get("country_code"):
            # "a march against the reform turned violent": protesters nobody names, coded by where
            actor = [Participant(entity=None, code=place["country_code"], sector="CVL", text=c.word.text)]
        if not actor and place is None and (c.event == "COERCE" and c.mode in STATE_MODES or "loc" in c.row.actor):
            # "the men had been detained near the border", "eleven were released without charge", from Zagreb
            place = dateline_country(doc, None)
        if not actor and (c.event == "COERCE" and c.mode in STATE_MODES or "loc" in c.row.actor) and \
                (place or {}).get("country_code") and place["country_code"] not in NON_STATE:
            # "38 people were detained": only a state arrests, deports or imposes a curfew; with no
            # one named, the authorities where it happened
            actor = [Participant(entity=args.country_entity.get(place["country_code"]), code=place["country_code"],
                                 sector="COP" if c.mode == "arrest" else "GOV", text=c.word.text)]
        if c.event in LOCAL_ACTORS:
            _located(actor, place, args)
        if c.event in LOCAL_RECIPIENTS or (c.event == "ACCUSE" and c.mode == "investigate"):
            _located(recipient, place, args)  # what is investigated is where the inspectors go
        if not recipient and c.event == "ASSAULT" and _struck_site(c) and \
                (place or dateline_country(doc, None) or {}).get("country_code") not in (None, *NON_STATE):
            place = place or dateline_country(doc, None)
            # "a drone strike hit a crowded market": the people of the place it hit
            recipient = [_country(place["country_code"], args)]
        if not recipient and ({c.mode, c.row.mode} & DOMESTIC_MODES or
                              any({i.mode, i.row.mode} & DOMESTIC_MODES for i in c.absorbed)):
            recipient = _domestic(actor, place, args)
        if not actor and recipient and c.event == "CONSULT":
            actor = _speaker_side(doc, c.word, args, recipient)  # "talks with Chinese officials would resume"
        if not recipient and c.event == "PROTEST":
            recipient = _own_government(actor, place, args)
        if not actor and not recipient:
            continue
        if c.light is not None and c.light.lemma_.lower() == "declare" and c.word.lemma_.lower() == "war" and \
                not any(p.sector in ("MIL", "REB", "PRM", "UAF", "GOV") or
                        (args.ents.get(p.entity) is not None and args.ents[p.entity].kind == "COUNTRY")
                        for p in recipient):
            continue  # "we have declared war on the men who sponsor these criminals": a figure of speech
        implied = False
        if not recipient and actor and (c.event in DIRECTED or (c.event == "COERCE" and c.mode in STATE_MODES)):
            recipient = _counterpart(c, actor, args)
            implied = bool(recipient)
        if c.event == "RETREAT" and c.mode == "release" and _rescue(c):
            c.event, c.mode = "AID", None  # "stormed the tanker, ..., freeing 14 sailors": a rescue
        trigger = _trigger_span(doc, c)
        key = (c.event, trigger.start, tuple(p.code for p in actor), tuple(p.code for p in recipient))
        if key in seen:
            continue
        seen.add(key)
        date, gran, basis = times.event_date(doc, trigger)
        if basis != "text" and (c.role == "negintent" or (c.event != c.row.event and c.event in ("AGREE", "CONCEDE"))):
            # "said on Tuesday that the group would not take part": refused when it was said;
            # "announced in May that it would lay down its arms": conceded when announced
            said = _said_date(doc, c.head)
            if said is not None:
                date, gran, basis = said
        is_noun = c.word.pos_ in ("NOUN", "PROPN") and c.light is None
        confidence = 0.5 + 0.2 * bool(actor) + 0.2 * bool(recipient) - 0.1 * is_noun - 0.1 * implied
        rule = f"triggers.tsv:{c.row.name}"
        if c.role:
            rule += f" frame:{c.role}"
        if implied:
            rule += " recipient:implied"  # the coder's inference, not words of the text
        head = c.governor if c.governor is not None else (c.light or c.word)
        events.append(Event(id="", event=c.event, trigger=trigger, head=head.i, mode=c.mode,
                            context=_context(c.word.sent, context_cache), actor=actor, recipient=recipient, date=date,
                            date_granularity=gran, date_basis=basis, event_loc=place, confidence=confidence,
                            rule=rule))
        args.history.append(events[-1])
    events.sort(key=lambda v: v.trigger.start)
    _aimed_at_doers(doc, events)
    for n, v in enumerate(events, 1):
        v.id = f"v{n}"
    return events


#: Reactions to an act ("condemned the raid", "welcomed the release"): aimed at whoever did it.
REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


def _aimed_at_doers(doc: Doc, events: list[Event]) -> None:
    """ "Monday's raid was condemned by Serbia", "branded the attack a war crime": a reaction
    whose object is another event, and which names no recipient of its own, is aimed at that
    event's actors, or, when that mention names none ("the raid"), at the actors of the latest
    event of its type before it."""
    by_token = {i: v for v in events for i in range(v.trigger.start, v.trigger.end)}
    for e in events:
        if e.event not in REACTIONS or (any(p.code for p in e.recipient) and "recipient:implied" not in (e.rule or "")):
            continue
        word = doc[e.head]
        objs = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
        own = {p.code for p in e.actor if p.code}
        named = [o for o in objs if o.i in by_token and by_token[o.i] is not e]
        if named:
            target = by_token[named[0].i]
            kind, before = target.event, target.trigger.start_char
            doers = [p for p in target.actor if p.code and p.code not in own]
            if target.actor and not doers:
                continue
        else:
            # "Monday's raid was condemned": an act named again that is no event of its own here
            rows = [match_trigger(o) for o in objs if o.pos_ == "NOUN"]
            row = next((r for r in rows if r is not None and r.event in MATERIAL_CONFLICT), None)
            if row is None:
                continue
            kind, before, doers = row.event, objs[0].idx, []
        if not doers:
            lem = doc[objs[0].i].lemma_.lower() if objs else None
            earlier = [v for v in events if (v.event == kind or doc[v.head].lemma_.lower() == lem)
                       and v.trigger.start_char < before and v.actor]
            doers = [p for p in earlier[-1].actor if p.code and p.code not in own] if earlier else []
        if doers:
            e.recipient = doers
            if e.rule and e.rule.endswith(" recipient:implied"):
                e.rule = e.rule[:-len(" recipient:implied")]
                e.confidence = round(e.confidence + 0.1, 2)


class EventFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc)
        return doc


@Language.factory("tidings_events", assigns=["doc._.events"], requires=["doc._.entities", "doc.spans"])
def make_events(nlp: Language, name: str):
    return EventFinder()
