"""Finding articles in files and folders: text, HTML, JSON Lines, RSS/Atom feeds and WARC crawls.

`iter_articles(paths)` yields an `Article` for each article found and an `InputError` (with the
reason as its message and the place as its `source`) for each input that cannot be read; it never
raises for bad input. Plain text, HTML and JSON Lines are read by `tidings.inputs`, so their
refusals are the same ones `tidings extract` prints.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..inputs import Article, check_text, decode, from_html, from_json, read_path

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".feed")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
SUPPORTED = ".txt, .html, .jsonl, .json, RSS/Atom feeds (.rss, .atom, .xml) and WARC (.warc, .warc.gz)"


def kind_of(path: Path) -> str | None:
    """`text`, `html`, `jsonl`, `json`, `feed`, `warc`, or None for a file tidings does not read."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".jsonl":
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return None


@dataclass
class Source:
    """One file to read, or one input that is refused before reading."""

    path: Path
    kind: str | None
    error: InputError | None = None


def find_sources(paths: Iterable[str | Path]) -> Iterator[Source]:
    """The files under `paths`, folders walked recursively in name order (hidden files skipped).

    A file named explicitly is read as text when its type is unknown. Inside a folder, files of
    other types (and .json files, which are more often metadata than articles) come back with kind
    `ignored`, so that the caller can say how many it passed over.
    """
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            yield Source(p, None, InputError("no such file or folder: check the path", source=str(p)))
        elif p.is_dir():
            for child in sorted(p.rglob("*")):
                rel = child.relative_to(p)
                if any(part.startswith(".") for part in rel.parts) or not child.is_file():
                    continue
                kind = kind_of(child)
                yield Source(child, "ignored" if kind in (None, "json") else kind)
        else:
            yield Source(p, kind_of(p) or "text")


def estimate(sources: list[Source]) -> int:
    """About how many articles (and refusals) `sources` hold, for the progress bar."""
    total = 0
    for s in sources:
        if s.kind == "ignored":
            continue
        if s.error is not None or s.kind in ("text", "html"):
            total += 1
            continue
        try:
            if s.kind == "warc":
                total += max(1, _count_warc(s.path))
                continue
            data = s.path.read_bytes()
        except Exception:
            total += 1
            continue
        if s.kind == "jsonl":
            total += max(1, sum(1 for line in data.splitlines() if line.strip()))
        elif s.kind == "feed":
            total += max(1, len(re.findall(rb"<(?:item|entry)[\s>]", data)))
        elif s.kind == "json":
            total += max(1, data.count(b'"text"'))
        else:
            total += 1
    return total


def iter_articles(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Every article under `paths`, and an `InputError` for each input that cannot be read."""
    for source in find_sources(paths):
        yield from read_source(source)


def read_source(source: Source) -> Iterator[Article | InputError]:
    if source.error is not None:
        yield source.error
        return
    if source.kind == "ignored":
        return
    path, kind = source.path, source.kind
    try:
        if kind == "feed":
            yield from read_feed(path)
        elif kind == "warc":
            yield from read_warc(path)
        elif kind == "json":
            yield from read_json(path)
        else:  # text, html, jsonl: exactly what `tidings extract` reads
            for item in read_path(str(path)):
                if isinstance(item, Article) and item.origin is None:
                    item.origin = str(path)
                yield item
    except OSError as exc:
        yield InputError(f"cannot be read ({exc.strerror or exc})", source=str(path))


# ---------------------------------------------------------------------------------------------
# JSON


def read_json(path: Path) -> Iterator[Article | InputError]:
    """A .json file: one article object, or a list of them, in the contract's input shape."""
    try:
        text = decode(path.read_bytes(), str(path))
        data = json.loads(text)
    except InputError as exc:
        yield exc
        return
    except json.JSONDecodeError as exc:
        yield InputError(f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", source=str(path))
        return
    items = data if isinstance(data, list) else [data]
    for n, obj in enumerate(items, 1):
        where = f"{path}[{n}]" if isinstance(data, list) else str(path)
        try:
            art = from_json(obj, where)
            check_text(art.text, where)
            yield art
        except InputError as exc:
            yield exc


# ---------------------------------------------------------------------------------------------
# Feeds


class _TextParser(HTMLParser):
    """Plain text from an HTML fragment, with a line break at every block element."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
              "article", "header", "footer"}
    SKIP = {"script", "style", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_fragment_text(fragment: str) -> str:
    """The text of a small HTML fragment (a feed item's content), one paragraph per line."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            except (ValueError, AttributeError):
                continue
    return None


def read_feed(path: Path) -> Iterator[Article | InputError]:
    """Articles from an RSS or Atom feed file: each item's full content, or its summary."""
    import feedparser

    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        yield InputError("this looks like a binary file, not a feed", source=str(path))
        return
    feed = feedparser.parse(data)
    entries = feed.get("entries") or []
    if feed.get("bozo") and not isinstance(feed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        why = str(feed.get("bozo_exception") or "unreadable XML").replace("<unknown>:", "line ")
        kept = f"; the {len(entries)} item(s) read from it were kept" if entries else ""
        yield InputError(f"malformed feed ({why}): fix or re-download the feed{kept}", source=str(path))
    elif not feed.get("version") and not entries:
        yield InputError("not an RSS or Atom feed (no channel or feed element found)", source=str(path))
        return
    publisher = (feed.get("feed") or {}).get("title") or None
    for n, entry in enumerate(entries, 1):
        where = f"{path}#item{n}"
        contents = [c for c in entry.get("content") or [] if c.get("value")]
        body = max(contents, key=lambda c: len(c["value"])) if contents else entry.get("summary_detail")
        raw = (body or {}).get("value") or entry.get("summary") or ""
        ctype = (body or {}).get("type") or "text/html"
        text = html_fragment_text(raw) if "html" in ctype or "<" in raw else raw.strip()
        title = entry.get("title") or None
        published = _entry_date(entry)
        try:
            check_text(text, where)
        except InputError as exc:
            yield exc
            continue
        yield Article(text=text, source_id=entry.get("id") or None, title=title, url=entry.get("link") or None,
                      publisher=publisher, published=published,
                      published_basis="metadata" if published else "unknown", origin=where)


# ---------------------------------------------------------------------------------------------
# WARC


def _http_charset(record) -> str | None:
    if record.http_headers is None:
        return None
    ctype = record.http_headers.get_header("Content-Type") or ""
    m = re.search(r"charset=([\w.:-]+)", ctype, re.I)
    return m.group(1) if m else None


def _is_page(record) -> bool:
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = record.http_headers.get_statuscode() or ""
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
        return status.startswith("2") and ("html" in ctype or "text/plain" in ctype)
    if record.rec_type == "resource":
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
        return "html" in ctype or "text/plain" in ctype
    return False


def _count_warc(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        with open(path, "rb") as f:
            for record in ArchiveIterator(f):
                n += _is_page(record)
    except Exception:
        pass
    return n


def read_warc(path: Path) -> Iterator[Article | InputError]:
    """Articles from the HTML (and plain text) responses of a WARC file, main text by trafilatura."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    with open(path, "rb") as f:
        try:
            for record in ArchiveIterator(f):
                if not _is_page(record):
                    continue
                pages += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}@{uri or pages}"
                body = record.content_stream().read()
                ctype = ((record.http_headers.get_header("Content-Type") if record.http_headers
                          else record.rec_headers.get_header("Content-Type")) or "").lower()
                try:
                    text = _decode_page(body, _http_charset(record), where)
                    art = from_html(text, where) if "html" in ctype else Article(text=text, origin=where)
                    art.url = art.url or uri
                    check_text(art.text, where)
                    yield art
                except InputError as exc:
                    yield exc
        except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
            yield InputError(f"malformed WARC file ({exc}); the {pages} page(s) read before the fault were kept",
                             source=str(path))
            return
    if pages == 0:
        yield InputError("no HTML or text responses in this WARC file", source=str(path))


def _decode_page(body: bytes, charset: str | None, where: str) -> str:
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body, where)
