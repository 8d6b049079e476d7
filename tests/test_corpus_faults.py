"""Bad input and faults, on real files: a folder of broken inputs, an ingest killed with SIGKILL,
worker processes, feeds and WARC crawls."""
from __future__ import annotations

import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from conftest import EXAMPLES, ROOT
from test_corpus import article_ids, short_articles, table_counts
from tidings.cli import app
from tidings.corpus import Corpus
from tidings.errors import InputError
from tidings.inputs import read_path

runner = CliRunner()

FRENCH = ("Le président de la République a rencontré hier les dirigeants européens à Bruxelles pour discuter "
          "de la crise économique et des nouvelles sanctions contre la Russie, a indiqué son porte-parole dans "
          "un communiqué publié lundi soir.\n")


def rss(items: list[tuple[str, str]], title: str = "World Wire") -> str:
    body = "".join(
        f"<item><title>{t}</title><link>https://wire.example/{n}</link><guid>wire-{n}</guid>"
        f"<pubDate>Mon, 17 Mar 2014 10:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[{html}]]></content:encoded></item>"
        for n, (t, html) in enumerate(items, 1))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{title}</title><link>https://wire.example/</link>{body}</channel></rss>")


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for uri, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                          http_headers=headers))


def page(title: str, text: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in text.splitlines() if p.strip())
    return (f"<html><head><title>{title}</title><meta name='date' content='2024-11-29'></head><body>"
            f"<nav>Home | World | Business</nav><article><h1>{title}</h1>{paras}</article>"
            "<footer>Copyright Example News</footer></body></html>")


def example_paragraphs(name: str, n: int = 3) -> str:
    lines = [x for x in (EXAMPLES / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    return "\n".join(lines[:n])


# ---------------------------------------------------------------------------------------------
# A folder of bad inputs


def test_bad_inputs_are_recorded_and_good_ones_land(tmp_path, nlp):
    folder = tmp_path / "in"
    good = short_articles(folder / "good", 3)
    bad = folder / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "latin1.txt").write_bytes("Caf\u00e9 owners in Paris protested on Monday against new taxes.".encode("latin-1"))
    (bad / "french.txt").write_text(FRENCH, encoding="utf-8")
    (bad / "huge.txt").write_bytes(b"The minister said the talks went well. " * (50 * 1024 * 1024 // 39 + 1))
    lines = [json.dumps({"text": example_paragraphs("salisbury-expulsions.txt"), "publisher": "Wire"}),
             '{"text": "Russia said on Monday that it would', ""]
    (bad / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (bad / "broken.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
                                    "<item><title>Half an item</title><description>", encoding="utf-8")
    assert (bad / "huge.txt").stat().st_size >= 50 * 1024 * 1024

    db = tmp_path / "c.db"
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert res.exit_code == 0, res.output
    warning = [x for x in res.stderr.splitlines() if x.startswith("Warning:")]
    assert warning == [f"Warning: 8 input(s) could not be ingested; the reasons are above and in the failures "
                       f"table (`tidings failures --db {db}`)"]
    assert "4 articles new, 0 already present, 0 reprocessed, 8 skipped" in res.stdout

    corpus = Corpus(db, readonly=True)
    origins = sorted(a["origin"] for a in corpus.articles())
    assert origins == sorted([str(p) for p in good] + [f"{bad / 'mixed.jsonl'}:1"])
    reasons = {Path(f["origin"]).name: f["reason"] for f in corpus.failures()}
    # The reasons are the refusals of tidings.inputs, word for word (as `tidings extract` prints them).
    expected = {}
    for name in ("empty.txt", "binary.txt", "latin1.txt", "french.txt", "huge.txt", "mixed.jsonl"):
        for item in read_path(str(bad / name)):
            if isinstance(item, InputError):
                expected[Path(item.source).name] = item.args[0]
    assert set(expected) == {"empty.txt", "binary.txt", "latin1.txt", "french.txt", "huge.txt", "mixed.jsonl:2"}
    assert "empty" in expected["empty.txt"] and "binary" in expected["binary.txt"]
    assert "UTF-8" in expected["latin1.txt"] and "English" in expected["french.txt"]
    assert "too large" in expected["huge.txt"] and "JSON" in expected["mixed.jsonl:2"]
    expected["broken.rss#item1"] = next(e.args[0] for e in read_path(str(bad / "empty.txt")))
    assert {k: v for k, v in reasons.items() if k != "broken.rss"} == expected
    assert reasons["broken.rss"].startswith("malformed feed (line 1:")
    assert reasons["broken.rss"].endswith("fix or re-download the feed; the 1 item(s) read from it were kept")
    for name, reason in expected.items():
        assert f"{name}: {reason}" in res.stdout

    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert again.exit_code == 0 and "0 articles new, 4 already present" in again.stdout
    assert [f["times"] for f in Corpus(db, readonly=True).failures()] == [2] * 8


def test_feeds_warc_html_and_jsonl(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    crimea = example_paragraphs("sanctions-crimea-a.txt")
    (folder / "wire.rss").write_text(rss([("Sanctions", "".join(f"<p>{p}</p>" for p in crimea.splitlines()))]),
                                     encoding="utf-8")
    write_warc(folder / "crawl.warc.gz", [("https://news.example/belousov", page("Talks in Pyongyang",
                                           example_paragraphs("belousov-pyongyang.txt")))])
    (folder / "page.html").write_text(page("Strike", example_paragraphs("shayrat-missile-strike.txt")),
                                      encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (folder / "agency.atom").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Agency</title>'
        '<id>urn:agency</id><updated>2022-02-02T12:00:00Z</updated><entry><title>Troops</title>'
        '<id>urn:agency:1</id><updated>2022-02-02T12:00:00Z</updated><link href="https://agency.example/1"/>'
        f'<summary type="text">{example_paragraphs("us-troops-eastern-europe.txt", 1)}</summary></entry></feed>',
        encoding="utf-8")
    summary = Corpus(tmp_path / "c.db").ingest([folder], workers=1)
    assert (summary.new, summary.failures, summary.ignored) == (4, [], {".md": 1})
    atom = next(a for a in Corpus(tmp_path / "c.db").articles() if a["origin"].startswith(str(folder / "agency.atom")))
    assert (atom["publisher"], atom["published"], atom["url"]) == ("Agency", "2022-02-02", "https://agency.example/1")
    rows = {name: a for a in Corpus(tmp_path / "c.db").articles()
            for name in ("wire.rss", "crawl.warc.gz", "page.html") if a["origin"].startswith(str(folder / name))}
    assert rows["crawl.warc.gz"]["origin"] == f"{folder / 'crawl.warc.gz'}@https://news.example/belousov"
    assert rows["wire.rss"]["publisher"] == "World Wire" and rows["wire.rss"]["published"] == "2014-03-17"
    assert rows["wire.rss"]["url"] == "https://wire.example/1" and rows["wire.rss"]["title"] == "Sanctions"
    assert rows["crawl.warc.gz"]["url"] == "https://news.example/belousov"
    rec = Corpus(tmp_path / "c.db").record(rows["crawl.warc.gz"]["id"])
    assert "Belousov" in rec.document.text and "Copyright" not in rec.document.text
    assert "RT reported that" in rec.document.text and "Home | World" not in rec.document.text


# ---------------------------------------------------------------------------------------------
# Killed with SIGKILL


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _ingest_and_kill(folder: Path, db: Path, total: int, extra_delay: float, log: Path) -> int:
    """Start a real `tidings ingest`, SIGKILL it once it has committed a batch; return the count then."""
    cmd = [sys.executable, "-m", "tidings.cli", "ingest", str(folder), "--db", str(db), "--workers", "1",
           "--batch-size", "2"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
        try:
            start = _count(db) if db.exists() else 0
            deadline = time.monotonic() + 120
            while _count(db) <= start:
                assert proc.poll() is None, f"ingest ended before it could be killed: {log.read_text()}"
                assert time.monotonic() < deadline, "no batch committed within 120 s"
                time.sleep(0.005)
            time.sleep(extra_delay)
            assert proc.poll() is None, "ingest finished before the kill: give it more articles"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return _count(db)


def test_ingest_killed_with_sigkill_resumes_exactly(tmp_path, nlp):
    folder = tmp_path / "in"
    short_articles(folder, 20)
    reference = tmp_path / "reference.db"
    assert Corpus(reference).ingest([folder], workers=1).new == 20

    db = tmp_path / "killed.db"
    first = _ingest_and_kill(folder, db, 20, 0.0, tmp_path / "run1.log")
    second = _ingest_and_kill(folder, db, 20, random.uniform(0.0, 0.15), tmp_path / "run2.log")
    assert 0 < first <= second < 20, (first, second)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    summary = Corpus(db).ingest([folder], workers=1)
    assert (summary.new, summary.present) == (20 - second, second)
    assert article_ids(db) == article_ids(reference)
    assert table_counts(db) == table_counts(reference)
    assert table_counts(db)["articles"] == table_counts(db)["distinct_articles"] == 20


# ---------------------------------------------------------------------------------------------
# Worker processes


def test_worker_processes_give_the_same_corpus(tmp_path, nlp):
    folder = tmp_path / "in"
    short_articles(folder, 6)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    Corpus(one).ingest([folder], workers=1)
    summary = Corpus(two).ingest([folder], workers=2, batch_size=2)
    assert (summary.new, summary.workers) == (6, 2)
    assert article_ids(one) == article_ids(two)
    assert table_counts(one) == table_counts(two)
    a = [Corpus(one).record(i).to_dict() for i in article_ids(one)]
    b = [Corpus(two).record(i).to_dict() for i in article_ids(two)]
    assert a == b
