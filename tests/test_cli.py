"""`tidings extract` and friends, run in-process with the real pipeline; exact error lines."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tidings import __version__
from tidings.cli import app

GOOD = ("WASHINGTON, May 3, 2023 - The United States imposed sanctions on Iran on Tuesday, "
        "officials said.\n")
FRENCH = ("Le président a déclaré mardi que le gouvernement allait présenter une nouvelle loi sur "
          "les retraites devant le parlement dans les prochaines semaines, selon les médias.\n")


@pytest.fixture(scope="module")
def runner(nlp):  # nlp: make sure the pipeline is loaded once, shared with the CLI
    return CliRunner()


@pytest.fixture
def files(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Le caf\u00e9 est ferm\u00e9 aujourd'hui.".encode("latin-1"))
    (tmp_path / "french.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>" + GOOD * 3 +
        "</p></article></body></html>", encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"id": "a1", "text": GOOD, "published": "2023-05-03"}) + "\n" +
        '{"id": "a2", "text": "truncated\n' +
        json.dumps({"id": "a3", "text": GOOD}) + "\n", encoding="utf-8")
    return tmp_path


def run(runner, *args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_version(runner):
    r = run(runner, "--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"tidings {__version__}"


@pytest.mark.parametrize("cmd", [[], ["extract"]])
def test_help_on_every_command(runner, cmd):
    r = run(runner, *cmd, "--help")
    assert r.exit_code == 0 and "Usage" in r.stdout


@pytest.mark.parametrize("name,line", [
    ("missing.txt", "Error: {d}/missing.txt: no such file: check the path"),
    ("empty.txt", "Error: {d}/empty.txt: the article is empty: give a file with the article's text"),
    ("binary.txt", "Error: {d}/binary.txt: this looks like a binary file, not text: give a .txt, .html or "
                   ".jsonl article"),
    ("latin1.txt", "Error: {d}/latin1.txt: the file is not valid UTF-8 (byte 0xe9 at position 6): convert it to "
                   "UTF-8 first, e.g. with iconv"),
    ("french.txt", "Error: {d}/french.txt: the article does not look like English (tidings reads English news "
                   "only)"),
])
def test_bad_input_exits_1_with_one_line(runner, files, name, line):
    r = run(runner, "extract", str(files / name))
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines() == [line.format(d=files)]
    assert r.stdout.strip() in ("", "[]")


def test_bad_published_date(runner, files):
    r = run(runner, "extract", str(files / "good.txt"), "--published", "yesterday")
    assert r.exit_code == 1
    assert r.stderr.strip() == "Error: --published must be a date like 2024-11-29, not 'yesterday'"


def test_one_bad_article_among_good_ones(runner, files):
    r = run(runner, "extract", str(files / "good.txt"), str(files / "empty.txt"), str(files / "page.html"),
            "--format", "jsonl")
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines() == [
        f"Error: {files}/empty.txt: the article is empty: give a file with the article's text"]
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(recs) == 2
    assert recs[0]["document"]["text"] == GOOD
    assert recs[1]["document"]["title"] == "Talks"


def test_jsonl_input_keeps_order_ids_and_reports_bad_lines(runner, files):
    r = run(runner, "extract", str(files / "batch.jsonl"), "--format", "jsonl")
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines() == [
        f"Error: {files}/batch.jsonl:2: not valid JSON: Unterminated string starting at (column 22); "
        "fix or remove this line"]
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["document"]["source_id"] for x in recs] == ["a1", "a3"]
    assert recs[0]["document"]["published"] == "2023-05-03"
    assert recs[0]["document"]["published_basis"] == "metadata"


def test_stdin_jsonl(runner):
    payload = json.dumps({"id": "x", "text": GOOD, "published": "2023-05-03"}) + "\n"
    r = run(runner, "extract", "-", "--format", "jsonl", input=payload)
    assert r.exit_code == 0, r.stderr
    rec = json.loads(r.stdout)
    assert rec["document"]["source_id"] == "x"
    assert any(v["event"] == "SANCTION" for v in rec["events"])


def test_given_date_wins_and_json_is_one_record_for_one_file(runner, files):
    r = run(runner, "extract", str(files / "good.txt"), "--published", "2023-05-04")
    assert r.exit_code == 0
    rec = json.loads(r.stdout)
    assert rec["document"]["published"] == "2023-05-04"
    assert rec["document"]["published_basis"] == "given"


def test_table_and_plover_formats(runner, files):
    r = run(runner, "extract", str(files / "good.txt"), "--format", "table")
    assert r.exit_code == 0
    assert "Events" in r.stdout and "SANCTION" in r.stdout
    r = run(runner, "extract", str(files / "good.txt"), "--format", "plover")
    assert r.exit_code == 0
    row = json.loads(r.stdout.splitlines()[0])
    assert {"event", "actor", "recipient", "date", "mode", "context", "event_text", "text"} <= row.keys()
