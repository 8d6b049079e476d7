"""Building the tidings pipeline and running it over articles."""
from __future__ import annotations

import functools
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers the custom attributes)
from .about import MODEL
from .errors import InputError
from .inputs import Article, check_text, parse_date
from .record import Record

#: The tidings stages, in the order they run after spaCy's own components.
STAGES = ("tidings_actors", "tidings_times", "tidings_statements", "tidings_events",
          "tidings_status", "tidings_claims")


def _register_factories() -> None:
    # Importing the modules registers their factories with spaCy.
    from . import actors, claims, events, segment, statements, status, times  # noqa: F401


def build(nlp: Language) -> Language:
    """Add the tidings stages to an English spaCy pipeline that has a parser and NER (and teach
    its tokenizer the lexicon's hyphenated words)."""
    _register_factories()
    if "tidings_segmenter" not in nlp.pipe_names:
        nlp.add_pipe("tidings_segmenter", before="parser")
    for name in STAGES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    _keep_hyphenated_triggers(nlp)
    nlp.max_length = 1_100_000
    return nlp


def _keep_hyphenated_triggers(nlp: Language) -> None:
    """The lexicon's hyphenated words ("sit-in", "cease-fire", "test-fire") stay one token:
    spaCy's English tokenizer splits words at hyphens."""
    from .triggers import triggers
    for word, pos in triggers():
        if "-" in word and " " not in word:
            forms = {word, word + "s"}
            if pos == "VERB":
                stem = word[:-1] if word.endswith("e") else word
                forms |= {stem + "ed", stem + "ing"}
            for form in forms | {f.capitalize() for f in forms}:
                nlp.tokenizer.add_special_case(form, [{"ORTH": form}])


@functools.lru_cache(maxsize=4)
def load(model: str = MODEL) -> Language:
    """The full pipeline: spaCy's small English model with every tidings stage (cached)."""
    return build(spacy.load(model))


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized `Doc` carrying the article's metadata, ready for `nlp(doc)` / `nlp.pipe`."""
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    doc._.published_basis = article.published_basis if article.published else "unknown"
    doc._.meta = {"source_id": article.source_id, "title": article.title, "url": article.url,
                  "publisher": article.publisher}
    return doc


def as_article(item: str | dict | Article, published: str | None = None) -> Article:
    """Normalise the inputs `extract_many` accepts into an `Article`."""
    if isinstance(item, Article):
        art = item
    elif isinstance(item, str):
        art = Article(text=item)
    elif isinstance(item, dict):
        from .inputs import from_json
        art = from_json(item)
    else:
        raise InputError(f"cannot analyse an object of type {type(item).__name__}: give text, a dict or an Article")
    if published and not art.published:
        art.published, art.published_basis = parse_date(published), "given"
    check_text(art.text, art.origin)
    return art


def extract(text: str, published: str | None = None, title: str | None = None, url: str | None = None,
            publisher: str | None = None, source_id: str | None = None, nlp: Language | None = None) -> Record:
    """Analyse one article and return its record.

    >>> rec = extract("Russia and China signed a trade agreement on Monday.", published="2024-05-20")
    >>> rec.events[0].event
    'SUPPORT'
    """
    pub = parse_date(published)
    art = Article(text=text, title=title, url=url, publisher=publisher, source_id=source_id,
                  published=pub, published_basis="given" if pub else "unknown")
    check_text(text)
    nlp = nlp or load()
    from .serialize import to_record
    return to_record(nlp(make_doc(nlp, art)))


def extract_many(items: Iterable[str | dict | Article], published: str | None = None, *,
                 nlp: Language | None = None, batch_size: int = 16, n_process: int = 1,
                 errors: str = "raise") -> Iterator[Record | InputError]:
    """Analyse many articles with `nlp.pipe`, yielding records in input order.

    `errors="raise"` stops at the first article that cannot be analysed; `errors="return"`
    yields its `InputError` in its place and goes on.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
    nlp = nlp or load()
    from .serialize import to_record

    pending: list[InputError] = []

    def docs() -> Iterator[Doc]:
        for item in items:
            if isinstance(item, InputError):
                bad = item
            else:
                try:
                    yield make_doc(nlp, as_article(item, published))
                    continue
                except InputError as exc:
                    bad = exc
            if errors == "raise":
                raise bad
            pending.append(bad)
            yield nlp.make_doc("")  # a placeholder keeps the order; recognised below

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        if len(doc) == 0 and pending:
            yield pending.pop(0)
        else:
            yield to_record(doc)
