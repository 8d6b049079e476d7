"""`tidings_statements`: who said (claimed, believes, denied, reported) what.

For every cue of `data/cues.tsv` the stage finds the content (a clausal complement, a
quotation, "X of Y", "X as Y", ...) and the speaker (the cue's subject, the subject of the
clause a participle hangs from, "according to X", "claims by X", "X's claim"), then resolves
the speaker through the actors stage's coreference. Quotations come from the segmenter; a
quotation with no cue of its own takes the cue in its sentence, or the "X said:" that
introduces its paragraph. Statements found inside another's content are nested (`within`).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .arguments import reporters_act, reporting_verb
from .actor_groups import HOME, nongovernmental
from .actors import described_as, named_by_last_word, named_by_sector_noun, is_institution, phrase_of, resolve, token_entities
from .coref import entity_by_id
from .extensions import QUOTES
from .lexicons import table, words
from . import gazetteer
from .model import Entity, Statement

CUE_COLUMNS = ("cue", "pos", "class", "frame")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
EXPRESS = frozenset({"express", "voice", "make", "repeat", "reiterate", "issue", "deliver", "state"})
CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "appos", "punct"})


@dataclass(frozen=True)
class Cue:
    lemma: str
    particle: str | None
    pos: str
    cls: str
    frame: str


@functools.lru_cache(maxsize=None)
def cues() -> dict[tuple[str, str], list[Cue]]:
    """(first word, pos) -> cues starting with it."""
    out: dict[tuple[str, str], list[Cue]] = {}
    for row in table("cues.tsv", CUE_COLUMNS):
        parts = row["cue"].split()
        cue = Cue(parts[0], " ".join(parts[1:]) or None, row["pos"], row["class"], row["frame"])
        out.setdefault((parts[0], row["pos"]), []).append(cue)
    return out


def _lemmas(tok: Token) -> list[str]:
    """The lemma, and the word itself with a plain -s, for the small model's odd lemmas ("hopes" -> "hop")."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    if low.endswith("s") and len(low) > 3:
        out.append(low[:-1])
    return out


def _cue_for(tok: Token) -> Cue | None:
    if tok.dep_ in ("amod", "compound"):
        return None  # "so-called", "the reported attack": adjectives, not attributions
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        for lemma in _lemmas(tok):
            # cues with a particle first: "warn of X" before "warn that"
            for cue in sorted(cues().get((lemma, "VERB"), []), key=lambda q: q.particle is None):
                if cue.particle is None or any(c.dep_ in ("prt", "prep") and c.lower_ == cue.particle and
                                               (c.dep_ == "prt" or cue.frame == "of") for c in tok.children):
                    if cue.particle is None and any(c.dep_ == "prt" for c in tok.children):
                        continue  # "called up", "called off": another verb
                    return cue
    if tok.pos_ in ("NOUN", "PROPN"):
        for cue in cues().get((tok.lemma_.lower(), "NOUN"), []):
            return cue
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return cues().get(("according", "PREP"), [None])[0]
    return None


def _trim(span: Span) -> Span:
    """Drop leading 'that'/punctuation and trailing punctuation from a content span."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].is_punct and doc[start].text not in ('"', "\u201c") or doc[start].is_space
                           or doc[start].lower_ == "that" and doc[start].dep_ in ("mark", "dobj", "nsubj")
                           and start == span.start):
        start += 1
    for k in range(start + 1, end - 2):
        # "they had found two rifles, an account that Serbian officials rejected": the narrator's
        # comment on what was said is no part of it
        det = doc[k + 1].lower_ in ("an", "a", "the", "which")
        noun = doc[k + 2] if det else doc[k + 1]
        if doc[k].text == "," and noun.lemma_.lower() in ACCOUNTS and noun.dep_ in ("appos", "npadvmod") and \
                any(c.dep_ in ("relcl", "acl") for c in noun.children):
            end = k
            break
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in ('"', "\u201d")
                           or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _subtree_span(tok: Token) -> Span:
    return tok.doc[tok.left_edge.i:tok.right_edge.i + 1]


def _sentence_rest(tok: Token) -> Span:
    """From the word after `tok` to the end of its sentence."""
    sent = tok.sent
    return tok.doc[tok.i + 1:sent.end]


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("neither", "nor") for c in tok.children) or \
        (tok.dep_ == "conj" and any(c.lower_ in ("neither",) for c in tok.head.children))


class StatementFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = find_statements(doc)
        return doc


def _quotes(doc: Doc) -> list[Span]:
    return list(doc.spans[QUOTES]) if QUOTES in doc.spans else []


def _in_quote(quotes: list[Span], tok: Token) -> Span | None:
    for q in quotes:
        if q.start < tok.i < q.end - 1 or (q.start <= tok.i < q.end and not tok.is_punct):
            return q
    return None


def _interior(q: Span) -> Span:
    """A quotation without its marks and trailing comma."""
    doc = q.doc
    start, end = q.start, q.end
    if doc[start].text in ('"', "\u201c", "\u00ab", "\u201e"):
        start += 1
    if end > start and doc[end - 1].text in ('"', "\u201d", "\u00bb"):
        end -= 1
    while end > start and (doc[end - 1].text in (",",) or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


#: Nouns for what someone said or reported: denying one denies its content.
ACCOUNTS = frozenset({"report", "claim", "allegation", "accusation", "charge", "suggestion", "account", "assertion",
                      "rumour", "rumor", "story", "statement", "speculation"})


def _modifies(span: Span, tok: Token) -> bool:
    """Whether a quoted span is an adverbial or prepositional part of `tok`'s own clause."""
    if len(span) == 0:
        return False
    root = span.root
    return root.head.i != root.i and root.dep_ in ("prep", "pobj", "advmod", "npadvmod", "acomp") and \
        tok.left_edge.i <= root.i <= tok.right_edge.i and any(a.i == tok.i for a in root.ancestors)


def _as_phrase(tok: Token) -> Span | None:
    """Y of "denounced X as Y", "rejected X as Y": the judgement a speaker passes on X (X itself
    is taken as given, not as what is said)."""
    objs_ = [c for c in tok.children if c.dep_ == "dobj"]
    for c in [x for h in [tok, *objs_] for x in h.children]:  # "as" on the verb or on its object
        if c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp", "amod", "acomp", "attr")]
            if objs:
                return tok.doc[objs[0].left_edge.i:objs[0].right_edge.i + 1]
    return None


def _content(tok: Token, cue: Cue) -> Span | None:
    doc = tok.doc
    if cue.frame == "rest":
        # "according to X, ...": the clause the phrase belongs to, minus the phrase itself.
        head = tok.head
        while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head.i != head.i:
            head = head.head
        span = _subtree_span(head)
        phrase = _subtree_span(tok)
        if phrase.start <= span.start:
            return doc[phrase.end:span.end]
        return doc[span.start:phrase.start]
    if cue.pos == "NOUN":
        # "claims by X that ...", "X's belief that ...": the that-clause after the noun.
        for c in tok.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and any(g.lower_ == "that" for g in c.children):
                return _subtree_span(c)
        sent_end = tok.sent.end
        i = tok.i + 1
        while i < sent_end and i <= tok.i + 12:
            if doc[i].lower_ == "that" and doc[i].tag_ in ("IN", "WDT", "DT") and doc[i].dep_ != "det":
                return doc[i + 1:sent_end]
            if doc[i].lower_ in (".", ";") or doc[i].pos_ == "VERB" and doc[i].dep_ not in ("acl",):
                break
            i += 1
        return None
    if cue.frame in ("of", "for"):
        # "accused Washington of ...", "blamed the rebels for the ambush", and "accused Washington
        # and its allies of ...", where the parser hangs "of" on the last object
        objs = [o for c in tok.children if c.dep_ == "dobj" for o in (c, *c.children) if o.dep_ in ("dobj", "conj")]
        preps = [x for h in [tok, *objs] for x in h.children if x.dep_ == "prep" and x.lower_ == cue.frame]
        if not preps and cue.frame == "for" and objs:
            # "blamed hackers working for Russia's GRU for a cyberattack": the last "for" in the
            # object's phrase
            preps = [x for x in objs[0].subtree if x.dep_ == "prep" and x.lower_ == "for"][-1:]
        for c in preps:
            targets = [g for g in c.children if g.dep_ in ("pcomp", "pobj")]
            if targets:
                return doc[targets[0].left_edge.i:targets[0].right_edge.i + 1]
        return None
    if cue.frame == "as":  # "denounced the deal as a bad mistake": what the deal is called
        return _as_phrase(tok)
    if cue.frame == "obj_as":
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        as_ = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if obj is not None and as_ is not None:
            return doc[obj.left_edge.i:as_.right_edge.i + 1]
        return None
    if cue.frame == "obj_pred":
        # "called the expulsions unacceptable": an object and what it is called; "called a strike"
        # or "called a meeting" has no predicate and says nothing
        pred = [c for c in tok.children if c.dep_ in ("oprd", "ccomp", "xcomp")]
        pred += [g for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ in ("appos", "oprd")]
        if not pred:  # ("called the bill 'a disgrace'": the parser makes the judgement an apposition)
            return None
        # "called on X to ..." is a request, not an evaluation
        if any(c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("on", "for", "upon") for c in tok.children):
            return None
        rest = _sentence_rest(tok)
        # the object and what it is called, not the clauses after them ("a move Tonga called
        # 'provocative', and on Monday Fiji summoned ...")
        end = max(p.right_edge.i for p in pred) + 1
        while end < rest.end and (doc[end].is_punct and doc[end].text in ('"', "'", "\u201d", "\u2019")):
            end += 1  # a closing quotation mark
        if end < rest.end and doc[end].text == "," and end > rest.start:
            return doc[rest.start:end]  # a clause boundary after the predicate
        return rest
    comps = [c for c in tok.children if c.dep_ in ("ccomp",) or
             (c.dep_ == "xcomp" and tok.lemma_ == "quote")]
    if tok.lemma_ == "quote":  # "X was quoted as saying ..."
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                for g in c.children:
                    if g.lemma_ == "say":
                        comps = [x for x in g.children if x.dep_ == "ccomp"] or comps
    if not comps and cue.cls in ("denial", "confirm"):
        # "denied carrying out the attack", "confirmed having sent troops": a gerund is the content
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "dobj") and c.pos_ in ("VERB", "AUX")
                 and (c.tag_ == "VBG" or any(a.tag_ == "VBG" and a.dep_ == "aux" for a in c.children))]
    if len(comps) > 1 and comps[0].i < tok.i < comps[-1].i:
        comps = [c for c in comps if c.i > tok.i]  # "X said A; the rebels said B": B is theirs
    if not comps and cue.cls in ("speech", "report", "allegation"):
        # "said at the time that the ship was linked to Israel": the parser took the that-clause
        # for a relative clause on "time"
        comps = [r for p in tok.children if p.dep_ == "prep" for n in p.children if n.dep_ == "pobj"
                 and n.lemma_.lower() in ("time", "moment", "day", "week", "weekend")
                 for r in n.children if r.dep_ in ("relcl", "acl") and
                 any(m.lower_ == "that" and m.dep_ in ("advmod", "mark", "nsubj", "dobj") and m.i == n.i + 1
                     for m in r.children)]
    if comps:
        own = [c for c in comps[0].subtree if reporters_act(c)]
        if own:  # "charged that ..., and called for an inquiry": the call is no part of the charge
            return doc[comps[0].left_edge.i:own[0].left_edge.i]
        return _subtree_span(comps[0])
    if tok.dep_ == "parataxis" and tok.head.i < tok.i and cue.cls in ("speech", "report", "allegation"):
        # "Tonga released the crew ..., Fiji's government said, after talks ...": the clause
        # before the reporting phrase, which the parser made the root
        first = min([tok.i] + [c.left_edge.i for c in tok.children if c.dep_ in SUBJECTS])
        start = tok.head.left_edge.i
        end = first
        if first > 0 and doc[first - 1].text == ",":  # (not "...; the rebels said the strikes ...")
            while end > start and doc[end - 1].is_punct:
                end -= 1
            if end - start >= 3:
                return doc[start:end]
    if cue.frame == "obj" or cue.cls in ("denial", "confirm"):
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and _as_phrase(tok) is not None and obj.lemma_.lower() not in ACCOUNTS:
            # "rejected the measures as a violation of its sovereignty": a judgement of an act;
            # but "dismissed the reports as propaganda" denies the reports
            return _as_phrase(tok)
        return _subtree_span(obj) if obj is not None else None
    return None


def _speaker_token(tok: Token, cue: Cue, by_cue: dict[int, Token]) -> Token | None:
    doc = tok.doc
    if cue.frame == "rest":
        to = doc[tok.i + 1]
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    if cue.pos == "NOUN":
        for c in tok.children:
            if c.dep_ == "poss":
                return c
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        head = tok.head  # "expressing his belief that": the expresser
        if tok.dep_ == "dobj" and head.lemma_.lower() in EXPRESS:
            return by_cue.get(head.i) or _subject(head)
        if tok.dep_ == "pobj" and head.lower_ in ("in", "through") and head.head.pos_ == "VERB" and \
                _cue_for(head.head) is not None:
            return by_cue.get(head.head.i) or _subject(head.head)  # "said in a report that ..."
        return None
    if tok.lemma_ == "quote":
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            return subj
    subj = _subject(tok)
    if subj is not None:
        return subj
    if tok.tag_ == "VBG" and tok.dep_ == "advcl":
        # "..., an account that Serbian officials rejected, saying ...": the rejecters say it
        for c in tok.head.children:
            if c.i < tok.i and c.lemma_.lower() in ACCOUNTS and c.dep_ in ("appos", "npadvmod"):
                rel = next((r for r in c.children if r.dep_ == "relcl"), None)
                s = _subject(rel) if rel is not None else None
                if s is not None and s.lower_ not in ("that", "which"):
                    return s
    # A participle or conjunct without a subject speaks for the clause it hangs from:
    # "..., Putin said, saying that ...", "pointed out that ..., emphasizing that ...".
    head = tok
    while head.dep_ in ("advcl", "xcomp", "conj", "ccomp") and head.head.i != head.i:
        head = head.head
        if head.i in by_cue:
            return by_cue[head.i]
        s = _subject(head)
        if s is not None and head.dep_ not in ("ccomp",) and head.pos_ == "VERB" and \
                (_cue_for(head) or tok.tag_ == "VBG" and tok.dep_ == "advcl"):
            return s
    return None


def _subject(tok: Token) -> Token | None:
    if any(c.dep_ == "auxpass" for c in tok.children):
        # "Monday's raid was condemned by Serbia's foreign ministry as ...": the agent speaks
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
    for c in tok.children:
        if c.dep_ == "csubj" and c.lower_ in ("citing", "quoting"):
            # "Citing two diplomats, the Senegalese weekly X reported": the parser made the
            # participle the subject and the outlet an apposition inside it
            named = [a for a in c.subtree if a.dep_ == "appos" and a.i > c.i]
            if named:
                return named[-1]
            continue
        if c.dep_ in SUBJECTS:
            return c
    if reporters_act(tok):  # "said 38 people were detained ..., and accused demonstrators of ..."
        return _subject(reporting_verb(tok))
    if tok.dep_ == "conj":
        for c in tok.head.children:
            if c.dep_ in SUBJECTS:
                return c
    return None


def _named_apposition(tok: Token) -> Token | None:
    """ "His lawyer, Camila Restrepo, said": the speaker a common noun describes and its
    apposition names."""
    if tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and resolve(tok.doc, c) is not None:
            return c
    return None


def _fallback_speaker(doc: Doc, tok: Token, quotes: list[Span]) -> Token | None:
    """The broken-parse case: the noun the parser hung the cue on ("The Daily Sentinel, a Lagos
    newspaper, reported ...", read as a participle), else the nearest entity mention before the
    cue in its sentence."""
    tokmap = token_entities(doc)
    if tok.dep_ == "acl" and tok.head.i in tokmap and _in_quote(quotes, tok.head) is None:
        return tok.head
    i = tok.i - 1
    while i >= tok.sent.start:
        if i in tokmap and _in_quote(quotes, doc[i]) is None:
            return doc[i]
        i -= 1
    return None


def _speaker_span(doc: Doc, tok: Token) -> Span:
    """The words naming the source: the subject's noun phrase with its conjuncts ("Moscow and
    Pyongyang", "a spokesman for the ministry"), without clauses hanging from it."""
    cut = set()
    for c in tok.children:
        if c.dep_ in CLAUSAL and c.i > tok.i:
            cut.update(t.i for t in c.subtree)
    start = tok.left_edge.i
    end = tok.i
    for t in doc[tok.i:tok.right_edge.i + 1]:
        if t.i in cut or t.is_punct and t.text != "'s":
            break
        end = t.i
    start = min(start, phrase_of(doc, tok).start)
    while start < tok.i and (doc[start].is_punct or doc[start].dep_ == "prep"):
        start += 1
    return doc[start:end + 1]


def find_statements(doc: Doc) -> list[Statement]:
    quotes = _quotes(doc)
    found: list[tuple[Token, Cue, Span, Token | None, str]] = []
    by_cue: dict[int, Token] = {}  # cue token -> speaker token, for participles that inherit
    for tok in doc:
        cue = _cue_for(tok)
        if cue is None or _in_quote(quotes, tok) is not None:
            continue
        if cue.cls in ("confirm", "denial") and _negated(tok):
            continue  # "neither confirmed nor denied": a stance, handled by the claims stage
        content = _content(tok, cue)
        if content is not None and cue.cls in ("denial", "confirm") and content.start > 0 and \
                doc[content.start - 1].lower_ == "as":
            cue = Cue(cue.lemma, cue.particle, cue.pos, "speech", "as")  # a judgement, not a denial
        sent_quotes = [q for q in quotes if q.start >= tok.sent.start and q.end <= tok.sent.end + 1
                       and not (q.start <= tok.i < q.end)]
        if content is None and cue.cls in ("speech", "report", "allegation") and cue.pos == "VERB":
            # a quotation in the sentence is what was said ("'...,' she said"); thinking verbs
            # without a clause ("is considering a strike") say nothing
            # not a quotation that is part of the verb's own clause ('would respond "in kind"')
            sent_quotes = [q for q in sent_quotes if not _modifies(_interior(q), tok)]
            before = [q for q in sent_quotes if q.end <= tok.i]
            after = [q for q in sent_quotes if q.start > tok.i]
            q = before[-1] if before else (after[0] if after else None)
            if q is None and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
                nxt = [q for q in quotes if q.start > tok.i and q.start <= tok.i + 4]
                q = nxt[0] if nxt else None
            if q is not None:
                content = q
        if content is None or len(content) == 0:
            continue
        speaker = _speaker_token(tok, cue, by_cue)
        if speaker is not None and speaker.lower_ in ("which", "who", "that") and speaker.head.dep_ == "relcl":
            speaker = speaker.head.head  # "condemned by Brazil, Argentina and Bolivia, which said ..."
            while speaker.dep_ == "conj" and speaker.head.i < speaker.i:
                speaker = speaker.head
        if speaker is not None:
            speaker = _named_apposition(speaker) or speaker
        if speaker is not None and speaker.lower_ == "it" and cue.lemma == "say" and speaker.dep_ == "nsubjpass":
            speaker = None  # "it was said that": no source named
        if speaker is None and cue.pos == "VERB":
            speaker = _fallback_speaker(doc, tok, quotes)
        if speaker is not None:
            by_cue[tok.i] = speaker
        kind, content = _kind(content, quotes)
        found.append((tok, cue, content, speaker, kind))
        judged = _as_phrase(tok) if cue.cls == "denial" else None
        if judged is not None and _in_quote(quotes, judged.root) is not None:
            # "dismissed the allegation as 'a fabrication meant to ...'": the denial's object is
            # what is denied; the quoted words are the speaker's own, a statement of their own
            jkind, judged = _kind(judged, quotes)
            found.append((tok, Cue(cue.lemma, cue.particle, cue.pos, "speech", "as"), judged, speaker, jkind))

    # "said in a joint statement that ...": one utterance, named by the verb
    verbal = {(f[2].start, f[2].end) for f in found if f[1].pos == "VERB"}
    found = [f for f in found if f[1].pos == "VERB" or (f[2].start, f[2].end) not in verbal]
    statements: list[Statement] = []
    for n, (tok, cue, content, speaker, kind) in enumerate(sorted(found, key=lambda f: f[2].start), 1):
        cue_span = doc[tok.i:tok.i + 2] if cue.frame == "rest" else doc[tok.i:tok.i + 1]
        if cue.particle and cue.pos == "VERB":
            prt = next((c for c in tok.children if c.dep_ == "prt"), None)
            cue_span = doc[tok.i:(prt.i if prt is not None else tok.i) + 1]
        st = Statement(id=f"s{n}", cue=cue_span, content=content, kind=kind, cue_class=cue.cls)
        if speaker is not None:
            st.speaker_span = _speaker_span(doc, speaker)
            st.speaker = resolve(doc, speaker) or _unnamed_speaker(doc, speaker, st.speaker_span)
        statements.append(st)
    _nest(statements)
    return statements


def _unnamed_speaker(doc: Doc, tok: Token, span: Span) -> str | None:
    """An entity for a source the text describes but does not name ("the police chief",
    "a spokesman for the ministry"), so that statements and events can point at it."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in ("report", "reports") or \
            tok.lemma_.lower() in words("event_anaphors.txt"):
        return None  # (nor "the decision": an act, not someone who speaks)
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in span):
        return None  # a clause the parser hung on the noun, not a name
    if span[0].lower_ == "the" and len(span) == 2 and tok.pos_ == "NOUN":
        eid = described_as(doc, tok)  # "the agency said", after "Frontex, the EU's border agency"
        named = next((e for e in doc._.entities or [] if e.id == eid), None) if eid else None
        named = named or named_by_last_word(tok.text.capitalize(), doc._.entities or []) or \
            named_by_sector_noun(tok, doc._.entities or [])  # "the station said", after "Radio Inkingi"
        if named is not None:  # "The party denied", after "the opposition National Renewal Party"
            span._.entity = named.id
            named.mentions.append(span)
            token_entities(doc).setdefault(tok.i, named.id)
            return named.id
    titles = gazetteer.titles()
    title = titles.get(tok.lower_) or titles.get(tok.lemma_.lower())
    kind = "GROUP" if tok.tag_ in ("NNS", "NNPS") or (title and title.kind == "GROUP") else "PERSON"
    if kind == "GROUP" and is_institution(tok):
        kind = "ORG"  # "the ministry said"
    if tok.lower_ in words("org_heads.txt") and (tok.pos_ == "PROPN" or tok.tag_ == "NN" and kind == "PERSON"):
        kind = "ORG"  # "The North's Strategic Force said", "the fundamentalist Umma party said": a body
        if title is None and gazetteer.org_sector(span):
            by_name = gazetteer.org_sector(span)
            title = gazetteer.Title(by_name, by_name, (by_name,), "GROUP")
        if title is None and tok.lower_ in ("force", "forces", "army", "navy", "corps", "command", "brigade"):
            title = titles.get("armed forces")
    if tok.pos_ == "PROPN" and sum(t.is_title for t in span) >= 2 and kind != "ORG":
        # "The National Human Rights Coordinator said": a named body, its sector from its name
        kind = "ORG"
        by_name = gazetteer.org_sector(span)
        title = gazetteer.Title(by_name, by_name, (by_name,), "GROUP") if by_name else None
    entities = doc._.entities if doc._.entities is not None else []
    ent = Entity(id=f"e{len(entities) + 1}", name=span.text, kind=kind, mentions=[span])
    if title is not None:
        ent.add_sectors(list(title.sectors))
    names = gazetteer.names()
    # "An EU spokesperson in Brussels": the body before the title, else a country anywhere in the phrase
    before = [names.get(t.text) for t in span if t.i < tok.i]
    ent.country = next((a.code for a in before if a is not None and a.code and a.kind in ("ORG", "GROUP")), None)
    for t in span:
        actor = names.get(t.text)
        if ent.country is None and actor is not None and actor.kind in ("COUNTRY", "DEMONYM", "CAPITAL"):
            ent.country = actor.code
            break
    if ent.country is None:
        # "a spokesman for Vargas", "his office": the one spoken for, or the possessor, named before
        for t in span:
            if t.i == tok.i:
                continue
            other = resolve(doc, t) if t.dep_ in ("pobj", "poss") else None
            owner = entity_by_id(doc).get(other) if other else None
            if owner is not None and owner.country:
                ent.country = owner.country
                break
    if nongovernmental(ent):
        ent.country = "NGO"  # "a rights group said"
    elif ent.country is None and (ent.sectors or kind == "ORG"):
        ent.country = doc.user_data.get(HOME)  # "the ministry said", in a report from Lima
    entities.append(ent)
    doc._.entities = entities
    span._.entity = ent.id
    tokmap = token_entities(doc)
    for i in range(span.start, span.end):
        tokmap.setdefault(i, ent.id)
    return ent.id


def _kind(content: Span, quotes: list[Span]) -> tuple[str, Span]:
    """direct / mixed / indirect, and the content narrowed to the quotation when it is all quoted."""
    content = _trim(content)
    inner = [q for q in quotes if q.start < content.end and content.start < q.end]
    if not inner:
        return "indirect", content
    words = [t for t in content if not t.is_punct and not t.is_space]
    quoted = [t for t in words if any(q.start <= t.i < q.end for q in inner)]
    if len(inner) == 1 and words and len(quoted) / len(words) >= 0.75:
        return "direct", _interior(inner[0])
    return "mixed", content


def _nest(statements: list[Statement]) -> None:
    """Link statements reported inside another's content; trim a speaker's continued content."""
    for st in statements:
        best = None
        for outer in statements:
            if outer is st:
                continue
            c = outer.content
            if c.start <= st.cue.start and st.cue.end <= c.end:
                if best is None or (c.end - c.start) < (best.content.end - best.content.start):
                    best = outer
        if best is None:
            continue
        if best.speaker is not None and best.speaker == st.speaker:
            # The same voice going on ("..., emphasizing that ..."): not nested, end the outer there.
            doc = best.content.doc
            cut = st.cue.start
            while cut > best.content.start and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
                cut -= 1
            if cut > best.content.start:
                best.content = doc[best.content.start:cut]
        else:
            st.within = best.id


@Language.factory("tidings_statements", assigns=["doc._.statements"], requires=["doc._.entities"])
def make_statements(nlp: Language, name: str):
    return StatementFinder()
