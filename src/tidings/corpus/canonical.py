"""Canonical entities: one row per real-world actor across articles.

An article's entity joins the canonical entity of the same kind that already carries its name as
an alias (names and proper-name mentions such as "Shoigu" or "DPRK" are aliases) and whose
country agrees (equal, or unknown on one side). Countries merge by their code. Groups ("Russian
officials", "protesters") merge only with the same name and the same country, since a generic
noun says nothing more. Otherwise the entity starts a new canonical entity.
"""
from __future__ import annotations

import functools
import re
import sqlite3
import unicodedata

_HONORIFIC = re.compile(r"^(mr|mrs|ms|miss|dr|sir|dame|gen|col|lt|sgt|prof)\.?\s+", re.I)
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "you"}
_NAMED_KINDS = {"PERSON", "ORG", "COUNTRY", "LOCATION", "TREATY", "OTHER"}


@functools.lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """A name folded for matching: no accents, lower case, no leading "the", no punctuation."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("\u2019", "'")
    s = re.sub(r"^the\s+", "", s.strip())
    s = _HONORIFIC.sub("", s)
    s = re.sub(r"[^\w']+", " ", s).replace("'s ", " ")
    return re.sub(r"\s+", " ", s).strip()


def aliases(entity: dict) -> set[str]:
    """The normalised names an entity can be recognised by in other articles."""
    out = {norm(entity["name"])}
    if entity["kind"] in _NAMED_KINDS:
        for m in entity.get("mentions") or []:
            text = m["text"].strip()
            if not text or not text[0].isupper() or text.split()[0] in ("The", "This", "That"):
                continue
            if text.lower() in _PRONOUNS or len(text.split()) > 6:
                continue
            out.add(norm(text))
    if entity["kind"] == "COUNTRY" and entity.get("country"):
        out.add("=" + entity["country"])
    return {a for a in out if a}


class Canonicalizer:
    """Finds or creates the canonical entity of each article entity, inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        # (kind, country, aliases) -> canonical id, for entities met before in this session; cleared
        # when a transaction rolls back, since the ids it holds may then be gone.
        self.cache: dict[tuple, int] = {}

    def resolve(self, entity: dict) -> int:
        kind, country = entity["kind"], entity.get("country")
        names = aliases(entity)
        key = (kind, country, entity["name"], frozenset(names))
        cid = self.cache.get(key)
        if cid is None:
            if len(self.cache) > 200_000:
                self.cache.clear()
            cid = self.cache[key] = self._resolve(entity, kind, country, names)
        return cid

    def _resolve(self, entity: dict, kind: str, country: str | None, names: set[str]) -> int:
        first = "=" + country if kind == "COUNTRY" and country else norm(entity["name"])
        keys = [first] + ([] if kind == "GROUP" else sorted(names - {first}))
        best = None
        for key in keys:
            for row in self.conn.execute(
                    "SELECT c.id, c.name, c.country, c.n_articles FROM canonical_aliases a "
                    "JOIN canonical_entities c ON c.id = a.canonical WHERE a.alias = ? AND a.kind = ? "
                    "ORDER BY c.n_articles DESC, c.id", (key, kind)):
                if kind == "GROUP":
                    ok = row["country"] == country
                else:
                    ok = row["country"] is None or country is None or row["country"] == country
                if ok:
                    best = row
                    break
            if best is not None:
                break
        if best is None:
            cur = self.conn.execute("INSERT INTO canonical_entities (name, kind, country) VALUES (?, ?, ?)",
                                    (entity["name"], kind, country))
            cid = cur.lastrowid
        else:
            cid = best["id"]
            if country and best["country"] is None:
                self.conn.execute("UPDATE canonical_entities SET country = ? WHERE id = ?", (country, cid))
            # "WASHINGTON" in a dateline names the city as well as "Washington" does, less readably.
            if best["name"].isupper() and not entity["name"].isupper():
                self.conn.execute("UPDATE canonical_entities SET name = ? WHERE id = ?", (entity["name"], cid))
        if kind == "GROUP":
            names = {norm(entity["name"])}
        self.conn.executemany("INSERT OR IGNORE INTO canonical_aliases (alias, kind, canonical) VALUES (?, ?, ?)",
                              [(a, kind, cid) for a in names])
        return cid

    def count(self, article: int, sign: int = 1) -> None:
        """Add (sign=1) or remove (sign=-1) an article's entities from the canonical counts."""
        self.conn.execute(
            "UPDATE canonical_entities SET n_articles = n_articles + ?, n_mentions = n_mentions + ? * "
            "(SELECT coalesce(sum(e.n_mentions), 0) FROM entities e WHERE e.article = ? "
            " AND e.canonical = canonical_entities.id) "
            "WHERE id IN (SELECT canonical FROM entities WHERE article = ?)", (sign, sign, article, article))
