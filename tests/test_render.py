"""`--format plover`: the PLOVER manual's data fields, one JSON object per event."""
from __future__ import annotations

import pytest

from tidings.render import date_range, plover_rows

TEXT = ("KYIV, March 3, 2022 (Reuters) - Russian forces shelled Kharkiv on Thursday, "
        "regional officials said. In August, Ukraine launched an incursion into Russia's Kursk region.")


@pytest.mark.parametrize("value,expected", [
    ("2024-11-29", ("2024-11-29", None)),
    ("2024-08", ("2024-08-01", "2024-08-31")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2024-12", ("2024-12-01", "2024-12-31")),
    ("2024-W48", ("2024-11-25", "2024-12-01")),
    ("2024", ("2024-01-01", "2024-12-31")),
    ("2024-SU", (None, None)),
    (None, (None, None)),
])
def test_date_range(value, expected):
    assert date_range(value) == expected


def test_plover_rows_use_the_manuals_field_names(extract):
    rec = extract(TEXT)
    rows = plover_rows(rec)
    assert len(rows) == len(rec.events) >= 2
    for row, ev in zip(rows, rec.events):
        assert row["event"] == [ev.event] and row["event_text"] == [ev.event_text]
        assert isinstance(row["mode"], list) and isinstance(row["context"], list)
        assert row["quad_code"] in (1, 2, 3, 4)
        assert {"id", "actor", "recipient", "text", "text_info", "cite_info", "status"} <= row.keys()
        assert "eventLoc" not in row and "actor_text" not in str(row)
        for side in row["actor"] + row["recipient"]:
            assert {"code", "sector", "entity_text"} <= side.keys()
        if row["date"] is not None:
            assert len(row["date"]) == 10
    shelling = next(r for r in rows if r["event"] == ["ASSAULT"] and "shelled" in r["event_text"][0])
    assert shelling["date"] == "2022-03-03" and shelling["event_loc"]["country_code"] == "UKR"
    incursion = next(r for r in rows if "incursion" in r["event_text"][0])
    assert (incursion["date"], incursion["enddate"]) == ("2021-08-01", "2021-08-31")
    assert rows[0]["cite_info"]["coder"].startswith("tidings ")
