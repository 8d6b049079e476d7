"""The event lexicons: trigger words (`data/triggers.tsv`), the verbs that frame other events
(`data/frames.tsv`: "threatened to ...", "agreed to ...", "lifted the ..."), and the type
shifts those frames cause (`data/type_shifts.tsv`).

`match_trigger(tok)` says whether a token names an event and which lexicon row makes it so.
Everything here is read once per process; matching is a dictionary lookup on the lemma
followed by a few checks on the token's children, so it costs little per token.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from . import gazetteer
from .arguments import has_condition
from .lexicons import split, table, words

TRIGGER_COLUMNS = ("trigger", "pos", "event", "mode", "object", "recipient", "actor")
FRAME_COLUMNS = ("word", "pos", "role")
SHIFT_COLUMNS = ("shift", "from", "to", "mode")
EVALUATION_COLUMNS = ("word", "event", "mode")
OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
MODIFIER_DEPS = ("compound", "amod", "nmod", "poss")


@dataclass(frozen=True)
class Trigger:
    """One row of `triggers.tsv`."""

    lemma: str
    particle: str | None  # "call on", "pull out": the particle or preposition that must follow
    pos: str  # VERB, NOUN or ADJ
    event: str
    mode: str | None
    objects: frozenset[str]  # required object (verb) or modifier (noun) lemmas, or @classes
    not_objects: frozenset[str]  # object lemmas or @classes that rule the row out
    needs: frozenset[str]  # "light": a noun that names an event only under a light verb
    subject: frozenset[str]  # @classes the subject must be
    not_subject: frozenset[str]  # @classes the subject must not be
    recipient: tuple[str, ...]
    actor: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.lemma}{' ' + self.particle if self.particle else ''}/{self.pos}"


def _parse_object(cell: str) -> tuple[frozenset[str], ...]:
    want, unwanted, needs, subj, not_subj = set(), set(), set(), set(), set()
    for part in cell.replace(";", " ").split():
        if part.startswith("+"):
            needs.add(part[1:])
        elif part.startswith("^!"):
            not_subj.update(split(part[2:]))
        elif part.startswith("^"):
            subj.update(split(part[1:]))
        elif part.startswith("!"):
            unwanted.update(split(part[1:]))
        else:
            want.update(split(part))
    # "peacekeeping_force": a modifier and its noun
    return tuple(frozenset(w.replace("_", " ") for w in x) for x in (want, unwanted, needs, subj, not_subj))


@functools.lru_cache(maxsize=None)
def triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(lemma, pos) -> the rows for it, most specific first (rows with a particle or an
    object constraint before plain ones)."""
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in table("triggers.tsv", TRIGGER_COLUMNS):
        parts = row["trigger"].lower().split()
        want, unwanted, needs, subj, not_subj = _parse_object(row["object"])
        t = Trigger(parts[0], " ".join(parts[1:]) or None, row["pos"], row["event"], row["mode"] or None,
                    want, unwanted, needs, subj, not_subj, tuple(split(row["recipient"])),
                    tuple(split(row["actor"])))
        out.setdefault((parts[0], row["pos"]), []).append(t)

    def specificity(t: Trigger) -> tuple:
        words_ = [o for o in t.objects if not o.startswith("@")]
        return (t.particle is None, not words_, not t.objects)
    return {k: tuple(sorted(v, key=specificity)) for k, v in out.items()}


@functools.lru_cache(maxsize=None)
def frames() -> dict[str, str]:
    """Lemma (or "lemma particle") -> frame role: light (`light_verbs.txt`), end, cancel, intent,
    agree, threaten, refuse, request, command, say (`frames.tsv`)."""
    out = {w: "light" for w in words("light_verbs.txt")}
    out.update({r["word"].lower(): r["role"] for r in table("frames.tsv", FRAME_COLUMNS)})
    return out


@functools.lru_cache(maxsize=None)
def roles() -> dict[str, frozenset[str]]:
    """Lemma -> every frame role it has ("announce" is both light and say)."""
    out: dict[str, set[str]] = {}
    for w in words("light_verbs.txt"):
        out.setdefault(w, set()).add("light")
    for r in table("frames.tsv", FRAME_COLUMNS):
        out.setdefault(r["word"].lower(), set()).add(r["role"])
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=None)
def shifts() -> dict[tuple[str, str], tuple[str, str | None]]:
    """(shift, event type) -> (new type, mode or None)."""
    return {(r["shift"], r["from"]): (r["to"], r["mode"] or None) for r in table("type_shifts.tsv", SHIFT_COLUMNS)}


def shift(kind: str, event: str, mode: str | None = None) -> tuple[str, str | None] | None:
    """The (type, mode) a frame of this kind makes of an event of this type and mode."""
    table_ = shifts()
    if mode:
        got = table_.get((kind, f"{event}/{mode}"))
        if got is not None:
            return got
    return table_.get((kind, event))


@functools.lru_cache(maxsize=None)
def _known_verbs() -> frozenset[str]:
    out = {lem for (lem, pos) in triggers() if pos == "VERB"}
    out |= {w.split()[0] for w in frames()}
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def evaluations() -> dict[str, tuple[str, str | None]]:
    """Judging word -> (event type, mode) (`data/evaluations.tsv`)."""
    return {r["word"].lower(): (r["event"], r["mode"] or None)
            for r in table("evaluations.tsv", EVALUATION_COLUMNS)}


def judgement(verb: Token) -> Token | None:
    """The judging word of "called X unacceptable" / "described X as aggression"."""
    ev = evaluations()
    for c in verb.children:
        cands = []
        if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp"):
            cands = [c] + [g for g in c.children if g.dep_ in ("conj", "amod", "attr")]
        elif c.dep_ == "prep" and c.lower_ == "as":
            cands = [g for g in c.children if g.dep_ == "pobj"]
            cands += [x for g in list(cands) for x in g.children if x.dep_ in ("amod", "compound", "conj")]
        elif c.dep_ == "dobj":
            cands = [g for g in c.children if g.dep_ in ("amod", "oprd")]
            for a in c.children:  # "branded the attack a war crime", the predicate parsed as apposition
                if a.dep_ == "appos" and a.i > c.i:
                    cands += [a] + [g for g in a.children if g.dep_ in ("amod", "compound")]
            if any(o.dep_ == "dobj" and o.i < c.i for o in verb.children):
                # "branded the attack a possible war crime": the parser made the predicate a
                # second object
                cands += [c] + [g for g in c.children if g.dep_ in ("amod", "compound")]
        for x in cands:
            if x.lemma_.lower() in ev or x.lower_ in ev:
                return x
    return None


@functools.lru_cache(maxsize=None)
def watched() -> frozenset[str]:
    """Every lemma or form that can start an event candidate: trigger words, frame words,
    light verbs and judging words. A token outside it is skipped at the cost of a set lookup."""
    out = {key for key, _pos in triggers()}
    out |= {w.split()[0] for w in frames()}
    out |= set(evaluations())
    return frozenset(out)


def lemma(tok: Token) -> str:
    """The token's lemma, lower case, mended where the small model's lemmatizer cuts a final
    "e" off a past form ("staged" -> "stag") of a verb the lexicons know ("stage")."""
    lem = tok.lemma_.lower()
    if tok.tag_ in ("VBD", "VBN") and lem + "e" in _known_verbs() and lem not in _known_verbs():
        return lem + "e"
    return lem


def roles_of(tok: Token) -> frozenset[str]:
    """The frame roles of a verb or adjective ("threaten" -> {threaten}), particle included
    (remembered per token: later stages ask again)."""
    cache = tok.doc.user_data.setdefault("tidings_roles", {})
    got = cache.get(tok.i)
    if got is None:
        got = cache[tok.i] = _roles_of(tok)
    return got


def _roles_of(tok: Token) -> frozenset[str]:
    r = roles()
    lem = lemma(tok)
    for c in tok.children:
        if c.dep_ in ("prt", "prep") and not (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME")
                                                                        for g in c.children)):
            # "called a strike for Monday" is no "call for"
            got = r.get(f"{lem} {c.lower_}")
            if got:
                return got
    return r.get(lem, frozenset())


def _object_tokens(tok: Token) -> list[Token]:
    """The tokens that count as a verb's object: its object or passive subject, the object of
    a prepositional verb ("fire on"), and their conjuncts."""
    out = []
    for c in tok.children:
        if c.dep_ in OBJECT_DEPS:
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("to", "on", "at", "into", "with", "against", "upon"):
            out += [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)  # "detainees held by ...": the noun is the object
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "the fishermen, who had been held at a naval base": the noun the relative pronoun stands for
        out = [tok.head if o.lower_ in ("who", "whom", "that", "which") else o for o in out]
    return [x for o in out for x in [o, *(g for g in o.children if g.dep_ == "conj")]]


def _object_lemmas(tok: Token) -> list[str]:
    """Lemmas that count as the object of a verb: its object, a passive subject, their
    conjuncts, and the head of "state of emergency"-like phrases."""
    out = []
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        out += [lemma(tok.head), tok.head.lower_]
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.tag_ in ("WP", "WDT") for c in tok.children):
        out += [lemma(tok.head), tok.head.lower_]  # "the envoy, who was summoned ..."
    if any(c.dep_ == "dobj" and c.lower_ in ("control", "possession", "command", "charge") for c in tok.children):
        # "took control of its processing plant", with "of" hung on the verb
        out += [w for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj" for w in (lemma(g), g.lower_)]
    for c in tok.children:  # "walked out of the talks"
        if c.lower_ == "out" and c.dep_ in ("prt", "prep"):
            out += [w for p in [*c.children, *tok.children] if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj" for w in (lemma(g), g.lower_)]
    for c in tok.children:
        if c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in ("to", "on", "at", "into", "with", "against")):
            heads = [c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"]
            for h in heads:
                for x in [h, *(g for g in h.children if g.dep_ == "conj")]:
                    out.append(lemma(x))
                    out.append(x.lower_)
                    for g in x.children:
                        if g.dep_ in ("amod", "acomp", "oprd") and g.i > x.i:
                            out.append(lemma(g))  # "held the rebels responsible", "left 11 inmates dead"
                        if g.dep_ in ("compound", "amod"):
                            out.append(f"{lemma(g)} {lemma(x)}")
                            if x.pos_ == "PROPN" and g.is_title and g.lower_ in gazetteer.titles():
                                out.append(g.lower_)  # "summoned Ambassador Chea Sokha"
                        if g.dep_ == "prep" and g.lower_ == "of":
                            out += [w for p in g.children if p.dep_ == "pobj" for w in (lemma(p), p.lower_)]
                        if g.dep_ == "appos":  # "The Aurora Bay, a cargo ship, was boarded"
                            out.append(lemma(g))
        objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
        if (c.dep_ == "prep" or (c.dep_ == "agent" and not tok.tag_ == "VBN")) and objs and \
                not all(g.ent_type_ in ("DATE", "TIME") for g in objs):  # ("spoke by telephone" parsed as agent)
            out.append(c.lower_)  # "charged with", "committed to opening", not "on Sunday"
    # "stop importing Russian poultry": the gerund a verb governs, and its object
    for x in tok.children:
        if x.dep_ == "xcomp" and x.tag_ == "VBG":
            out.append(lemma(x))
            out += [lemma(g) for g in x.children if g.dep_ == "dobj"]
    if any(o in goods() for o in out):
        out.append("@goods")  # "banned the produce": trade
    if any(o in vessels() for o in out) or _named_vessel(tok):
        out.append("@vessel")  # "sent a patrol boat", "boarded the tanker", "the Orsolya Star was boarded"
    return out


@functools.lru_cache(maxsize=None)
def _named_vessel(tok: Token) -> bool:
    """Whether the verb's object or passive subject is a ship the actors stage named (kind OTHER)."""
    from .coref import token_entities
    tokmap = token_entities(tok.doc)
    ids = {tokmap[c.i] for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.i in tokmap}
    return bool(ids) and any(e.id in ids and e.kind == "OTHER" for e in tok.doc._.entities or [])


def vessels() -> frozenset[str]:
    """Ships and boats (`data/vessels.txt`): what a navy sends, seizes or boards."""
    return words("vessels.txt")


@functools.lru_cache(maxsize=None)
def goods() -> frozenset[str]:
    """Traded goods (`data/goods.txt`): what a trade sanction stops."""
    return words("goods.txt")


def _classes(tokens: list[Token], empty: bool) -> set[str]:
    """The @classes a list of argument tokens falls in (see triggers.tsv)."""
    from .actors import entity_class
    out = {"@none"} if empty else set()
    for t in tokens:
        out |= entity_class(t)
        if t.tag_ == "CD" or t.like_num or t.lower_ in COUNT_WORDS:
            out.add("@count")  # "Eleven of those detained were released", "freed 14"
    return out


#: Words that count people without naming them: the object of a release may be one of these.
COUNT_WORDS = frozenset({"dozens", "hundreds", "thousands", "scores", "those", "all", "most", "several", "some",
                         "many", "others", "rest", "remainder"})


def _satisfied(spec: frozenset[str], lemmas: list[str], classes: set[str]) -> bool:
    return any(o in spec for o in lemmas) or any(c in spec for c in classes)


def trailing_report(tok: Token) -> bool:
    """"X are failing ..., a human rights group protested here": the parser hangs the reporting
    clause on the last noun of what was said, as an apposition with a participle."""
    head = tok.head
    return tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and head.dep_ == "appos" and head.i < tok.i and \
        head.i > 0 and head.doc[head.left_edge.i - 1].text == "," and \
        not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children)


def _has_object(tok: Token, row: Trigger) -> bool:
    objs = _object_lemmas(tok)
    if any(o.startswith("@") for o in row.objects | row.not_objects):
        toks = _object_tokens(tok)
        empty = not toks and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
        classes = _classes(toks, empty)
        if any(c.dep_ in ("ccomp", "oprd", "xcomp") for c in tok.children) or \
                (tok.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children)) or \
                (tok.dep_ in ("parataxis",) and tok.head.i < tok.i) or trailing_report(tok):
            classes.add("@pred")  # "called X a priority", "X are failing ..., a rights group protested"
        if has_condition(tok):
            classes.add("@if")  # "would respond if any unit crossed": a conditional answer, a threat
    else:
        classes = set()
    if row.not_objects and _satisfied(row.not_objects, objs, classes):
        return False
    if row.objects and not _satisfied(row.objects, objs, classes):
        return False
    return True


def _subject_ok(tok: Token, row: Trigger) -> bool:
    if not row.subject and not row.not_subject:
        return True
    from .arguments import subject
    subj = subject(tok)
    subj += [g for t in subj for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj"]  # "thousands of protesters"
    classes = _classes(subj, False)
    if row.not_subject and classes & row.not_subject:
        return False
    # ("^court|tribunal|judge": a subject named by its head noun, "the International Court of Justice")
    return not row.subject or bool(classes & row.subject) or any(lemma(s) in row.subject for s in subj)


def _particle_ok(tok: Token, particle: str) -> bool:
    """Every word of a row's particle ("on", "fire", "on alert") is a child or grandchild."""
    near = {c.lower_ for c in tok.children} | {g.lower_ for c in tok.children for g in c.children}
    first = particle.split()[0]

    def fits(c: Token) -> bool:
        if c.lower_ != first or c.dep_ not in ("prt", "prep", "dobj", "agent", "dative", "advmod", "acomp"):
            return False
        if c.dep_ == "prep":
            # "fired on the crowd", not "fired ... early on Friday"
            if c.i - tok.i > 4 or any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
                return False
        return True
    if not any(fits(c) for c in tok.children):
        return False
    return all(w in near for w in particle.split())


def light_ok(row: Trigger, light: Token | None) -> bool:
    """Whether a noun row may stand under this light verb ("staged a strike" PROTEST,
    "launched a strike" ASSAULT): a noun row's ^lemmas name the light verbs it needs."""
    verbs = {v for v in row.subject if not v.startswith("@")}
    if not verbs:
        return True
    return light is not None and lemma(light) in verbs


def _noun_ok(tok: Token, row: Trigger) -> bool:
    mods = [lemma(c) for c in tok.children if c.dep_ in MODIFIER_DEPS] + \
           [c.lower_ for c in tok.children if c.dep_ in MODIFIER_DEPS or c.dep_ == "prep"]
    if tok.tag_ == "VBZ" and tok.i > 0:  # "asset freezes" read as a clause: its "subject" modifies it
        mods += [lemma(tok.doc[tok.i - 1]), tok.doc[tok.i - 1].lower_]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":  # "the deployment of NATO peacekeeping troops"
                    mods.append(lemma(g))
                    mods += [lemma(x) for x in g.children if x.dep_ in ("compound", "amod")]
    if tok.i > 0 and tok.doc[tok.i - 1].text == "-" and tok.i > 1:
        mods.append(tok.doc[tok.i - 2].lower_)  # "hunger-strike", "air-strike"
    ons = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "of") for g in c.children
           if g.dep_ == "pobj"]
    if any(lemma(g) in goods() or g.lower_ in goods() for x in ons for g in [x, *x.conjuncts]):
        mods.append("@goods")  # "a ban on Azerbaijani tomatoes and apples"
    if row.not_objects and any(m in row.not_objects for m in mods):
        return False
    if row.objects and not any(m in row.objects for m in mods):
        return False
    return True


def noun_rows(tok: Token):
    """Every noun row that fits a noun, most specific first."""
    seen = set()
    if tok.dep_ == "compound" and f"{tok.lower_} {tok.head.lower_}" in gazetteer.titles():
        return  # a word of a title is no event: "chargé d'affaires"
    for key in (lemma(tok), tok.lower_):
        for t in triggers().get((key, "NOUN"), ()):
            if t not in seen and _noun_ok(tok, t):
                seen.add(t)
                yield t


def verb_like(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def match_trigger(tok: Token) -> Trigger | None:
    """The lexicon row that makes `tok` an event trigger, if any.

    Verbs match by lemma, with a required particle ("call on") and object constraints
    ("send" + troops); nouns by lemma or form, with modifier constraints ("hunger strike").
    A noun row marked `+light` matches here too; the caller decides whether a light verb
    governs it.
    """
    table_ = triggers()
    if verb_like(tok):
        rows = table_.get((lemma(tok), "VERB"), ())
        if not rows and tok.tag_ == "VBN" and tok.lower_ != lemma(tok):
            rows = table_.get((tok.lower_, "VERB"), ())
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        with_particle = [r for r in rows if r.particle is not None and _particle_ok(tok, r.particle)]
        for t in rows:
            if t.particle is not None:
                if t not in with_particle:
                    continue
            elif any(r.particle.split()[0] in particles for r in with_particle) or \
                    (particles and (lemma(tok), "VERB") in _PARTICLE_SENSITIVE):
                continue
            if (t.objects or t.not_objects) and not _has_object(tok, t):
                continue
            if not _subject_ok(tok, t):
                continue
            return t
        return None
    if tok.pos_ in ("NOUN", "PROPN"):
        return next(noun_rows(tok), None)
    if tok.pos_ == "ADJ":
        for t in table_.get((lemma(tok), "ADJ"), ()):
            if t.particle is not None and not any(c.lower_ == t.particle for c in tok.children):
                continue
            return t
    return None


#: Verbs whose meaning changes with any particle not listed for them ("back down", "give up",
#: "call up", "shoot up"): with an unlisted particle they are no trigger.
_PARTICLE_SENSITIVE = frozenset({("break", "VERB"), ("cut", "VERB"), ("hold", "VERB"), ("give", "VERB"),
                                 ("pull", "VERB"), ("call", "VERB"), ("turn", "VERB"), ("back", "VERB"),
                                 ("step", "VERB"), ("set", "VERB"), ("shut", "VERB"), ("take", "VERB"),
                                 ("shoot", "VERB"), ("hand", "VERB"), ("lay", "VERB"), ("round", "VERB"),
                                 ("walk", "VERB"), ("beat", "VERB"), ("blow", "VERB"), ("crack", "VERB")})
