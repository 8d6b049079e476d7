"""Sentence boundaries tidings sets before the parser: datelines, paragraphs, closing quotes."""
from __future__ import annotations

import pytest

from tidings.segment import dateline_end

DATELINES = [
    ("WASHINGTON, March 17, 2014 (Reuters) - The United States", "The United States"),
    ("Brussels, 17 March 2014 (AFP) \u2013 European Union ministers", "European Union ministers"),
    ("KYIV (Reuters) - Ukraine said", "Ukraine said"),
    ("MOSCOW - Russia said", "Russia said"),
    ("HONG KONG, June 12, 2019 (Reuters) - Police fired", "Police fired"),
    ("PORT-AU-PRINCE, Haiti -- Gunmen", "Gunmen"),
    ("TEHRAN, April 12, 2021 (Xinhua) -- Iranian Foreign Minister", "Iranian Foreign Minister"),
]
NOT_DATELINES = [
    "Iran - a country of 85 million - said",
    "The talks - which began on Monday - ended",
    "Russia, a big country - x",
    "Russia said on Friday - x",
]


@pytest.mark.parametrize("text,rest", DATELINES)
def test_dateline_is_found(text, rest):
    end = dateline_end(text)
    assert end is not None and text[end:] == rest


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_no_dateline(text):
    assert dateline_end(text) is None


def test_first_word_after_a_dateline_starts_a_sentence(nlp):
    doc = nlp("Brussels, 17 March 2014 (AFP) \u2013 European Union foreign ministers imposed sanctions on Russia.")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("European") in starts
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert subject.text == "ministers"


def test_no_one_word_sentence_after_a_dateline(nlp):
    doc = nlp("PORT HARCOURT, Nigeria, March 14, 2025 (Reuters) - Nigeria fined oil producer Calder Petroleum over a "
              "leak in Bayelsa State.")
    fined = next(t for t in doc if t.text == "fined")
    assert fined.sent.start_char == doc.text.index("Nigeria fined")
    assert [c.text for c in fined.children if c.dep_ == "nsubj"] == ["Nigeria"]
