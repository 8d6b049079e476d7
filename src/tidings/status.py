"""`tidings_status`: the epistemic status of every event, and whose word it rests on.

Two things decide it. The path from the trigger up through the clauses that govern it
(negators, modals, conditionals, plans and promises, "reportedly": `data/modality.tsv`), and
the statements whose content holds the trigger (from the statements stage): an allegation
makes an event `claimed`, a denial `denied`, other speech `attributed`; a report by a news
organisation ("RT reported that ...") is the article's own account and stays `asserted`.
Event dates are finalised here: a future or hypothetical event with no time of its own has
no date.
"""
from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import gazetteer
from .actors import entity_by_id
from .lexicons import table
from .coref import STATE_SECTORS
from .model import Event, Participant, Statement
from .times import date_range, event_date
from .triggers import match_trigger, roles_of

ORDER = ("negated", "hypothetical", "future")  # own-clause statuses, strongest first


@functools.lru_cache(maxsize=None)
def markers() -> dict[str, dict[str, str]]:
    """role -> {word: status}."""
    out: dict[str, dict[str, str]] = {}
    for row in table("modality.tsv", ("word", "role", "status")):
        out.setdefault(row["role"], {})[row["word"].lower()] = row["status"]
    return out


def _clause_chain(tok: Token) -> list[Token]:
    """The trigger and the verbs above it up to (and including) its clause's head."""
    chain = [tok]
    t = tok
    # A noun trigger takes its modality from the verb it is the subject or object of.
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and t.head.i != t.i:
        t = t.head
        chain.append(t)
    while (t.dep_ in ("xcomp", "conj", "auxpass") or _purpose(t) or _noun_frame(t)) and t.head.i != t.i:
        if t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ", "VBP") and \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            break  # a clause of its own: "the military may shoot down drones, and the minister warned"
        t = t.head  # (and "will travel to Ho Chi Minh City to meet business leaders")
        chain.append(t)
    return chain


def _imperative(verb: Token) -> bool:
    """A bare verb opening a quotation or a sentence, with no subject ("Arrest him now")."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "parataxis", "xcomp") or \
            any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return False
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return before is None or before.text in ('"', "\u201c", "``", "'") or verb.i == verb.sent.start


def _noun_frame(verb: Token) -> bool:
    """An infinitive on a noun that frames it ("its duty to arrest him", "a plan to strike")."""
    return verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.lemma_.lower() in markers().get("governor", {})


def _purpose(verb: Token) -> bool:
    """An infinitive clause of purpose ("travelled to Moscow to meet Putin")."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                               for c in verb.children)


def _reported_will(verb: Token) -> bool:
    """A clause with "would" reported by a verb of saying, with no condition of its own: the
    speaker's "will" in indirect speech."""
    if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
           for c in verb.children):
        return False
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "ccomp" and "say" in roles_of(t.head) and t.head.tag_ in ("VBD", "VBN", "VBG")


def own_status(tok: Token, threat: bool = False) -> str | None:
    """negated / hypothetical / future from the words governing the trigger, or None. For a
    threat (`threat`), an "if" clause on the threatening verb is the threat's condition: the
    threat itself is made ("warned of consequences if Russia took more steps")."""
    m = markers()
    found: set[str] = set()
    negators: set[int] = set()  # each negating word once ("No aid crossed": "No" on aid, aid on crossed)
    negations = 0
    chain = _clause_chain(tok)
    for t in chain:
        for c in t.children:
            low = c.lower_
            if c.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("VERB", "AUX"):
                # "No troops were deployed", "Neither Russia nor Ukraine attacked"
                for g in c.children:
                    if g.dep_ in ("det", "preconj") and g.lower_ in ("no", "neither") and g.i not in negators:
                        negators.add(g.i)
                        negations += 1
            if c.dep_ == "neg" or (low in m.get("neg", {}) and c.dep_ in ("preconj", "det", "advmod", "cc")):
                if low == "nor" and c.dep_ == "cc" and t.i != tok.i:
                    continue
                if c.i in negators:
                    continue
                negators.add(c.i)
                negations += 1
            if c.dep_ == "aux" and (low in m.get("aux", {}) or c.lemma_.lower() in m.get("aux", {})):
                st = m["aux"].get(low) or m["aux"][c.lemma_.lower()]
                if low in ("would", "'d") and _reported_will(t):
                    st = "future"  # "Poland said it would send troops": "will" reported in the past
                found.add(st)
            if c.dep_ == "aux" and low == "going" and any(g.lower_ == "to" for g in t.children):
                found.add("future")
            if c.dep_ in ("advcl",) and any(g.dep_ == "mark" and m.get("mark", {}).get(g.lower_) == "hypothetical"
                                            for g in c.children):
                if threat and t.i == tok.i:
                    continue
                found.add("hypothetical")  # "if attacked, we will respond": the response is conditional
            if c.dep_ == "mark" and low in m.get("mark", {}):
                if m["mark"][low] == "negated":
                    negations += 1  # "rather than order an assault"
                else:
                    found.add(m["mark"][low])
            if c.dep_ == "prep":
                phrase = " ".join(x.lower_ for x in c.subtree)
                for p, st in m.get("prep", {}).items():
                    if phrase.startswith(p):
                        found.add(st)
        if t.i != tok.i and t.lemma_.lower() == "go" and t.tag_ == "VBG":
            found.add("future")  # "is going to deploy"
        below = chain[chain.index(t) - 1] if chain.index(t) > 0 else None
        coordinated = below is not None and below.dep_ == "conj" and below.head.i == t.i
        if t.i != tok.i and t.lemma_.lower() in m.get("governor", {}) and tok in list(t.subtree) and not coordinated:
            # (not "promised to retake the district and threatened to burn it": two acts, side by side)
            st = m["governor"][t.lemma_.lower()]
            if st == "negated":
                negations += 1
            else:
                found.add(st)
    if _imperative(tok):
        found.add("future")  # placards that read "Arrest him now": a demand, not the act
    if tok.dep_ == "conj" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "nor":
        negations += 1
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        negations += 1  # "withdrew without firing a shot", "charged, without offering evidence, ..."
    if negations % 2 == 1:
        return "negated"
    for st in ORDER[1:]:
        if st in found:
            return st
    return "claimed" if "claimed" in found else None  # "claimed to have seized"


def _adverb_claimed(tok: Token) -> bool:
    adverbs = markers().get("adverb", {})
    return any(c.lower_ in adverbs for t in _clause_chain(tok) for c in t.children)


def _containing(ev: Event, statements: list[Statement]) -> Statement | None:
    """The innermost statement whose content holds the event's trigger."""
    best = None
    for st in statements:
        c = st.content
        if c.start <= ev.trigger.start and ev.trigger.end <= c.end:
            if st.cue.start <= ev.trigger.start < st.cue.end:
                continue
            if best is None or (c.end - c.start) < (best.content.end - best.content.start):
                best = st
    return best


def _known_outlet(ent) -> bool:
    """A news organisation of the lexicon (`data/groups.tsv`: Reuters, RIA, KCNA), whose reports
    wire copy relays as fact; not "Indian media" or a local paper the article introduces."""
    actor = gazetteer.names().get(ent.name)
    return ent.kind == "ORG" and actor is not None and actor.sector == "JRN"


#: Acts a local outlet's report of them leaves that outlet's account: violence, repression and
#: arming someone ("a local station reported that the prefect had armed the herders").
CONTESTED = frozenset({"ASSAULT", "COERCE", "AID"})


def _state_outlet(ent) -> bool:
    """An outlet the text calls the state's or the official one ("state media", "the official
    news agency"): it speaks for its government about its government's doings."""
    return any(any(t.lower_ in ("state", "official", "state-run", "state-owned", "government") for t in m)
               for m in ent.mentions)


def attribution(doc: Doc, st: Statement, by_id: dict[str, Statement],
                actors: frozenset[str] = frozenset(), event: str | None = None) -> tuple[str, Statement]:
    """The status a statement gives the events in its content, following `within` outwards.
    A news outlet's report of its own country's doings ("state news agency RIA reported that
    the defence minister arrived") is relayed as the article's own account, unless an outlet the
    lexicons do not know reports violence or repression (CONTESTED); its report of what others did
    ("Indian media reported that Nepal had turned down an offer") is the outlet's account."""
    ents = entity_by_id(doc)
    status = None
    chain = [st]
    while chain[-1].within and chain[-1].within in by_id and len(chain) < 5:
        chain.append(by_id[chain[-1].within])
    for s in chain:  # a denial anywhere above wins: "denied reports that X attacked Y"
        if s.cue_class == "denial":
            return "denied", s
    for s in chain:
        if s.cue_class == "allegation" or (s.cue_class == "report" and s.speaker is None):
            return "claimed", s
    for s in chain:
        speaker = ents.get(s.speaker) if s.speaker else None
        relayed = s.cue_class == "report" and speaker is not None and "JRN" in (speaker.sectors or [speaker.sector]) \
            and (_known_outlet(speaker) or (speaker.country is not None and speaker.country in actors
                                            and event not in CONTESTED and _state_outlet(speaker)))
        if not relayed:
            status = "attributed"
            return status, s
    return "asserted", st


#: Event types that a statement performs by being made: a threat, a demand, a refusal, an accusation.
SPEECH_ACTS = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE"})


def _speaker_acts(doc: Doc, ev: Event, st: Statement | None) -> bool:
    """Whether the statement's own speaker (or the country it speaks for) is the event's actor."""
    if st is None or not st.speaker:
        return False
    ents = entity_by_id(doc)
    speaker = ents.get(st.speaker)
    actors = {p.entity for p in ev.actor if p.entity} | {p.code for p in ev.actor if p.code}
    return speaker is not None and (speaker.id in actors or (speaker.country is not None and speaker.country in actors))


def _threatening(ev: Event, tok: Token) -> bool:
    """A THREATEN event named by a word of threatening ("warned", "threatened"), not an act
    made a threat by "will" ("NATO will impose sanctions unless ...", which stays conditional)."""
    if ev.event != "THREATEN":
        return False
    row = match_trigger(tok)
    return "threaten" in roles_of(tok) or (row is not None and row.event == "THREATEN")


def _after_publication(doc: Doc, ev: Event) -> bool:
    """Whether the text dates the event wholly after the article's publication day."""
    if ev.date_basis != "text" or not doc._.published:
        return False
    start, _ = date_range(ev.date)
    return start is not None and start > doc._.published[:10]


#: Verbs and their objects that say when a measure starts to apply ("take effect", "come into force").
EFFECT_VERBS = frozenset({"take", "come", "go", "enter"})
EFFECT_NOUNS = frozenset({"effect", "force"})


def _takes_effect_later(doc: Doc, ev: Event) -> bool:
    """ "Beijing hit back by announcing duties on European pork ... Chinese duties of 15% on EU pork
    would take effect on Nov. 1": a measure the article says will only take effect later is
    announced, not yet imposed."""
    if ev.event not in ("SANCTION", "COERCE"):
        return False
    noun = doc[ev.trigger.end - 1]
    if noun.pos_ != "NOUN":
        return False
    for tok in doc[noun.sent.start:]:
        if tok.lemma_.lower() not in EFFECT_VERBS or tok.i < noun.i:
            continue
        objects = [c for c in tok.children if c.dep_ == "dobj"] + \
            [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if not any(o.lemma_.lower() in EFFECT_NOUNS for o in objects):
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lemma_.lower() == noun.lemma_.lower() and own_status(tok) == "future":
            return True
    return False


def decide(doc: Doc, events: list[Event], statements: list[Statement]) -> None:
    by_id = {s.id: s for s in statements}
    for ev in events:
        tok = doc[ev.head]
        own = own_status(tok, threat=_threatening(ev, tok))
        if "frame:negintent" in (ev.rule or "") and own in ("negated", "future", "hypothetical"):
            own = None  # "will not take part" is a refusal (REJECT), made as it is said
        st = _containing(ev, statements)
        if ev.event == "THREATEN" and own in ("future", "hypothetical") and st is not None:
            # a threat is made when it is uttered: '"we stand ready to impose further sanctions",
            # Obama said' is a threat made then; only what is threatened is conditional. (In the
            # article's own voice, "the US would impose sanctions if ..." stays hypothetical.)
            own = None
        status, source, stmt = "asserted", None, None
        if st is not None:
            status, via = attribution(doc, st, by_id, frozenset(p.code for p in ev.actor if p.code), ev.event)
            stmt = st.id
            source = via.speaker
        elif _adverb_claimed(tok):
            status = "claimed"
        if own is not None and status != "denied":
            status = own
        if own is None and status == "attributed" and ev.event in SPEECH_ACTS and _speaker_acts(doc, ev, st):
            # '"Vilnius would respond if ...," the minister said': saying it is the threat (or the
            # demand, or the refusal); the article vouches that it was said. The speaker is the source.
            status = "asserted"
        if status in ("asserted", "attributed") and (_after_publication(doc, ev) or _takes_effect_later(doc, ev)):
            status = "future"  # "a national strike from next Monday": dated after the report
        ev.status, ev.source, ev.statement = status, source, stmt
        if status in ("future", "hypothetical", "negated") and ev.date_basis == "published":
            ev.date, ev.date_granularity, ev.date_basis = None, None, "unknown"


#: Sectors of a state's executive: its report of its own forces' acts is no accusation.
EXECUTIVE = frozenset({"GOV", "MIL", "COP", "SPY"})
#: State offices that watch the state: their reports of its agents' acts accuse them.
OVERSIGHT = ("ombuds", "public defender", "inspector general")
#: Acts whose report by someone other than the one who did them is an accusation.
HOSTILE = frozenset({"ASSAULT", "COERCE"})


def allegations(doc: Doc, events: list[Event], statements: list[Statement]) -> list[Event]:
    """ACCUSE events for hostile acts a source says another party did ("a rights group said police
    had beaten detainees", "the border service said Tajik forces had opened fire"): PLOVER's
    ACCUSE allege, by the source against the one said to have acted, on the same words. Not for
    a state's report of its own forces' acts, nor where the text already has that accusation."""
    ents = entity_by_id(doc)
    by_id = {s.id: s for s in statements}
    out = []
    for ev in events:
        if ev.event not in HOSTILE or ev.status not in ("attributed", "claimed") or not ev.source or not ev.actor:
            continue
        speaker = ents.get(ev.source)
        st = by_id.get(ev.statement) if ev.statement else None
        if speaker is None or not speaker.country or st is None:
            continue
        acted = {p.code for p in ev.actor if p.code}
        if not acted or any(p.entity == speaker.id for p in ev.actor):
            continue
        own_side = speaker.country in acted and (set(speaker.sectors or [speaker.sector]) & EXECUTIVE) and \
            not any(w in f"{speaker.name} {' '.join(speaker.titles)}".lower() for w in OVERSIGHT)
        if own_side:
            continue  # "the ministry said police detained 20 people": a report, not an accusation
        sent = doc[ev.head].sent
        if any(v.event == "ACCUSE" and doc[v.head].sent == sent and {p.code for p in v.recipient} & acted
               for v in events + out):
            continue  # "accused police of beating ...": the accusation is already there
        said = doc[st.cue.start:st.cue.end]
        date, gran, basis = event_date(doc, said)
        out.append(Event(id="", event="ACCUSE", trigger=ev.trigger, head=ev.head, mode="allege",
                         context=list(ev.context),
                         actor=[Participant(entity=speaker.id, code=speaker.country, sector=speaker.sector,
                                            text=st.speaker_span.text if st.speaker_span is not None
                                            else speaker.name)],
                         recipient=list(ev.actor), date=date, date_granularity=gran, date_basis=basis,
                         status="asserted", source=speaker.id, statement=st.id, confidence=0.6,
                         rule=f"{ev.rule} allegation"))
    return out


class StatusStage:
    def __call__(self, doc: Doc) -> Doc:
        decide(doc, doc._.events or [], doc._.statements or [])
        extra = allegations(doc, doc._.events or [], doc._.statements or [])
        if extra:  # each accusation just after the act it is about, then numbered again
            after = {id(v): [a for a in extra if a.head == v.head and a.trigger == v.trigger] for v in doc._.events}
            events = [x for v in doc._.events for x in [v] + after[id(v)]]
            for n, v in enumerate(events, 1):
                v.id = f"v{n}"
            doc._.events = events
        return doc


@Language.factory("tidings_status", assigns=["doc._.events"], requires=["doc._.events", "doc._.statements"])
def make_status(nlp: Language, name: str):
    return StatusStage()
