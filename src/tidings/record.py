"""The record of `design/contract.md` as typed objects.

`Record.to_dict()` is the contract's JSON. Every other part of tidings (CLI, database,
evaluation) reads records, never `Doc`s.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from .about import SCHEMA


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class TextSpan(_Model):
    start: int
    end: int
    text: str


class Document(_Model):
    id: str
    source_id: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str = "en"
    published: str | None = None
    published_basis: Literal["given", "metadata", "inferred", "unknown"] = "unknown"
    text: str


class Entity(_Model):
    id: str
    name: str
    kind: Literal["PERSON", "ORG", "COUNTRY", "LOCATION", "GROUP", "TREATY", "OTHER"]
    country: str | None = None
    sector: str | None = None
    sectors: list[str] = []
    titles: list[str] = []
    identifier_id: str | None = None
    geo: dict | None = None
    mentions: list[TextSpan] = []


class Time(_Model):
    id: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    granularity: str | None = None
    anchor: Literal["absolute", "published", "inferred", "narrative", "unknown"] = "unknown"


class Statement(_Model):
    id: str
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_span: TextSpan | None = None
    cue: TextSpan
    content: TextSpan
    kind: Literal["direct", "indirect", "mixed"]
    within: str | None = None


class Participant(_Model):
    entity: str | None = None
    code: str | None = None
    sector: str | None = None
    entity_text: str


class Place(_Model):
    extracted_place: str
    resolved_place: str | None = None
    country_code: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


class TextInfo(_Model):
    start: int
    end: int
    sentence_start: int
    sentence_end: int


class Event(_Model):
    id: str
    event: str
    mode: str | None = None
    context: list[str] = []
    quad_code: int
    actor: list[Participant] = []
    recipient: list[Participant] = []
    date: str | None = None
    date_granularity: str | None = None
    date_basis: Literal["text", "published", "unknown"] = "unknown"
    event_loc: Place | None = None
    event_text: str
    text_info: TextInfo
    status: Literal["asserted", "attributed", "claimed", "denied", "negated", "hypothetical", "future"]
    source: str | None = None
    statement: str | None = None
    confidence: float


class Claim(_Model):
    id: str
    text: str
    start: int | None = None
    end: int | None = None
    claimants: list[str] = []
    status: Literal["unconfirmed", "confirmed", "denied", "disputed", "asserted"]
    confirmed_by: list[str] = []
    denied_by: list[str] = []
    neither_by: list[str] = []
    events: list[str] = []
    statements: list[str] = []


class Record(_Model):
    schema_: str = SCHEMA
    document: Document
    entities: list[Entity] = []
    times: list[Time] = []
    statements: list[Statement] = []
    events: list[Event] = []
    claims: list[Claim] = []

    def to_dict(self) -> dict:
        """The contract's JSON object."""
        d = self.model_dump(mode="json")
        d = {"schema": d.pop("schema_"), **d}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Record":
        d = dict(d)
        d["schema_"] = d.pop("schema", SCHEMA)
        return cls.model_validate(d)
