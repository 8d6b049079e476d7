"""Reading articles from files and standard input, and refusing what cannot be analysed.

Every refusal is an `InputError` whose message says what is wrong and what to do.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from .errors import InputError
from .lexicons import words

MAX_CHARS = 1_000_000  # one article; larger inputs are refused, not truncated
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass
class Article:
    """One article to analyse, with whatever metadata came with it."""

    text: str
    source_id: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    published_basis: str = "unknown"  # given | metadata | unknown (inferred later)
    origin: str | None = None  # where it was read from, for messages

    @property
    def id(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def parse_date(value: str | dt.date | None, *, what: str = "published date") -> str | None:
    """An ISO date string from a date, a `YYYY-MM-DD` string or a longer ISO timestamp."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        raise InputError(f"the {what} must be a date like 2024-11-29, not {s!r}") from None


def check_text(text: str, origin: str | None = None) -> str:
    """Return `text` if tidings can analyse it; raise `InputError` saying why not."""
    if not text.strip():
        raise InputError("the article is empty: give a file with the article's text", source=origin)
    if "\x00" in text:
        raise InputError("this looks like a binary file, not text: give a .txt, .html or .jsonl article",
                         source=origin)
    if len(text) > MAX_CHARS:
        raise InputError(f"the article is too large ({len(text):,} characters; the limit is {MAX_CHARS:,}): "
                         "split it into separate articles", source=origin)
    tokens = [w.lower() for w in _WORD.findall(text)]
    latin = sum(1 for w in tokens if w.isascii())
    common = words("english_function_words.txt")
    if tokens and latin / len(tokens) < 0.5:
        raise InputError("the article does not look like English (tidings reads English news only)",
                         source=origin)
    english = sum(1 for w in tokens if w in common)
    foreign = sum(1 for w in tokens if w in words("foreign_function_words.txt"))
    if (len(tokens) >= 40 and english / len(tokens) < 0.08) or (foreign >= 3 and foreign > english):
        raise InputError("the article does not look like English (tidings reads English news only)",
                         source=origin)
    return text


def decode(data: bytes, origin: str | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or a clear refusal."""
    if b"\x00" in data[:8192]:
        raise InputError("this looks like a binary file, not text: give a .txt, .html or .jsonl article",
                         source=origin)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at position {exc.start}): "
                         "convert it to UTF-8 first, e.g. with iconv", source=origin) from None
    return text[1:] if text.startswith("\ufeff") else text


def from_html(html: str, origin: str | None = None) -> Article:
    """The main text and metadata of an HTML page, by trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                          with_metadata=True)
    except (ValueError, TypeError, AttributeError) as exc:  # a page trafilatura cannot parse
        raise InputError(f"the HTML page could not be read ({exc}): save the article's text as .txt",
                         source=origin) from None
    if doc is None or not (doc.text or "").strip():
        raise InputError("no article text found in this HTML page", source=origin)
    published = None
    if getattr(doc, "date", None):
        try:
            published = parse_date(doc.date)
        except InputError:
            published = None
    return Article(text=doc.text, title=doc.title or None, url=doc.url or None,
                   publisher=doc.sitename or None, published=published,
                   published_basis="metadata" if published else "unknown", origin=origin)


def from_json(obj: object, origin: str | None = None, published: str | None = None) -> Article:
    """An article from one JSON object of the contract's input shape."""
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError('each JSON line must be an object with a "text" string', source=origin)
    pub = parse_date(obj.get("published"), what='"published" field') if obj.get("published") else None
    basis = "metadata" if pub else "unknown"
    if published and not pub:
        pub, basis = published, "given"
    sid = obj.get("id")
    return Article(text=obj["text"], source_id=None if sid is None else str(sid), title=obj.get("title"),
                   url=obj.get("url"), publisher=obj.get("publisher"), published=pub,
                   published_basis=basis, origin=origin)


def read_jsonl(stream: IO[str] | Iterator[str], origin: str, published: str | None = None
               ) -> Iterator[Article | InputError]:
    """Articles from JSON Lines; a bad line yields an `InputError` in its place."""
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"not valid JSON: {exc.msg} (column {exc.colno}); fix or remove this line",
                             source=where)
            continue
        try:
            art = from_json(obj, where, published)
            check_text(art.text, where)
            yield art
        except InputError as exc:
            yield exc


def read_path(path: str, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from one path (`-` is JSON Lines on standard input). Errors are yielded, not raised."""
    if path == "-":
        yield from read_jsonl(sys.stdin, "<stdin>", published)
        return
    p = Path(path)
    if not p.exists():
        yield InputError("no such file: check the path", source=path)
        return
    if p.is_dir():
        yield InputError("is a folder: give the article files inside it (e.g. folder/*.txt)", source=path)
        return
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot be read ({exc.strerror})", source=path)
        return
    try:
        text = decode(data, path)
    except InputError as exc:
        yield exc
        return
    suffix = p.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(text.splitlines(), path, published)
        return
    try:
        if suffix in (".html", ".htm"):
            art = from_html(text, path)
        else:
            art = Article(text=text, origin=path)
        if published:
            art.published, art.published_basis = published, "given"
        check_text(art.text, path)
        yield art
    except InputError as exc:
        yield exc
