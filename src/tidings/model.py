"""What the stages leave on a `Doc`: plain dataclasses, one per kind of finding.

Spans are kept as spaCy `Span`s so later stages can walk the parse; `serialize.to_record`
turns them into the record of `design/contract.md`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span


@dataclass
class Entity:
    id: str
    name: str
    kind: str  # PERSON, ORG, COUNTRY, LOCATION, GROUP, TREATY, OTHER
    country: str | None = None
    sector: str | None = None
    sectors: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    geo: dict | None = None
    mentions: list[Span] = field(default_factory=list)

    def add_sectors(self, sectors: list[str]) -> None:
        for s in sectors:
            if s and s not in self.sectors:
                self.sectors.append(s)
        if self.sector is None and self.sectors:
            self.sector = self.sectors[0]


@dataclass
class Timex:
    type: str  # DATE, TIME, DURATION, SET
    value: str
    granularity: str | None
    anchor: str  # absolute, published, inferred, narrative, unknown


@dataclass
class Statement:
    id: str
    cue: Span
    content: Span
    kind: str  # direct, indirect, mixed
    cue_class: str  # speech, cognition, allegation, denial, report, ...
    speaker: str | None = None
    speaker_span: Span | None = None
    within: str | None = None


@dataclass
class Participant:
    entity: str | None
    code: str | None
    sector: str | None
    text: str


@dataclass
class Event:
    id: str
    event: str
    trigger: Span  # the words that name the event ("held talks")
    head: int  # token index of the trigger's syntactic head
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[Participant] = field(default_factory=list)
    recipient: list[Participant] = field(default_factory=list)
    date: str | None = None
    date_granularity: str | None = None
    date_basis: str = "unknown"
    event_loc: dict | None = None
    status: str = "asserted"
    source: str | None = None
    statement: str | None = None
    confidence: float = 0.5
    rule: str = ""  # which lexicon row or rule produced it, for tracing


@dataclass
class Claim:
    id: str
    text: Span
    claimants: list[str]
    status: str = "unconfirmed"
    confirmed_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    neither_by: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
