"""The time stage: TIMEX3 values of news phrases, negative cases, publication-date inference,
event dates, and the WikiWars value F1 (pinned with a floor)."""
from __future__ import annotations

import hashlib
import importlib.util
import json

import pytest

from conftest import shared_path

P = "2024-11-29"  # a Friday, ISO week 48

# (sentence, publication date, expression text, expected value; None: no time expression there)
TABLE = [
    # a condition of what would happen looks forward; so does what was promised for a month
    ("Workers would walk out again if the government failed to publish the formula by March 31.", "2025-03-13",
     "March 31", "2025-03-31"),
    ("The junta said a vote promised for December would not be held until 2028.", "2025-10-16", "December",
     "2025-12"),
    # -- weekdays by tense -----------------------------------------------------------------------
    ("Russia launched drones on Tuesday.", P, "Tuesday", "2024-11-26"),
    ("The ministers will meet on Tuesday.", P, "Tuesday", "2024-12-03"),
    ("The ministers met on Friday.", P, "Friday", "2024-11-29"),
    ("The ministers will meet again on Friday.", P, "Friday", "2024-11-29"),
    ("He said on Wednesday that talks had stalled.", P, "Wednesday", "2024-11-27"),
    ("Talks are scheduled to resume on Monday.", P, "Monday", "2024-12-02"),
    ("The opposition has called another rally outside parliament for Wednesday.", P, "Wednesday", "2024-12-04"),
    ("The minister said anyone who tried to hold the planned rally on Saturday would be arrested.", P, "Saturday",
     "2024-11-30"),
    ("Officials said last Monday that the border was closed.", P, "last Monday", "2024-11-25"),
    ("The envoy arrives next Tuesday.", P, "next Tuesday", "2024-12-03"),
    ("Kyiv was attacked on Sunday night.", P, "Sunday night", "2024-11-24TNI"),
    ("Troops crossed the river on Tuesday morning.", P, "Tuesday morning", "2024-11-26TMO"),
    ("The vote is expected on Saturday.", P, "Saturday", "2024-11-30"),
    ("Protesters gathered on Thursday.", P, "Thursday", "2024-11-28"),
    ("The army said Thursday it had repelled an attack.", P, "Thursday", "2024-11-28"),
    ("The minister resigned on Monday, a day after the vote.", "2014-03-17", "Monday", "2014-03-17"),
    ("Voters backed the plan on Sunday.", "2014-03-17", "Sunday", "2014-03-16"),
    ("EU leaders will meet on Thursday.", "2014-03-17", "Thursday", "2014-03-20"),
    # -- months and days without a year ------------------------------------------------------------
    ("In August, Ukraine launched an incursion into Russia.", P, "August", "2024-08"),
    ("In August, Ukraine launched an incursion into Russia.", "2025-02-10", "August", "2024-08"),
    ("Elections will be held in March.", P, "March", "2025-03"),
    ("Elections will be held in December.", P, "December", "2024-12"),
    ("The deal was signed on Nov. 8 in Beijing.", P, "Nov. 8", "2024-11-08"),
    ("The deal was signed on December 3.", P, "December 3", "2023-12-03"),
    ("The summit will take place on January 15.", P, "January 15", "2025-01-15"),
    ("He will withdraw all troops by Sept. 11.", "2021-04-14", "Sept. 11", "2021-09-11"),
    ("The attack took place on March 4 in Salisbury.", "2018-03-14", "March 4", "2018-03-04"),
    ("Parliament met on 17 March.", "2014-03-17", "17 March", "2014-03-17"),
    ("Fighting intensified in May.", P, "May", "2024-05"),
    ("Prices fell in mid-November.", P, "mid-November", "2024-11"),
    ("Output recovered by the end of May.", P, "the end of May", "2024-05"),
    ("The offensive began in late October.", P, "late October", "2024-10"),
    ("The talks resumed on the 12th.", P, "the 12th", "2024-11-12"),
    # -- dates with a year ----------------------------------------------------------------------
    ("The meeting took place in June 2024.", P, "June 2024", "2024-06"),
    ("The treaty was signed on November 29, 2024.", P, "November 29, 2024", "2024-11-29"),
    ("It was signed on 29 November 2024.", P, "29 November 2024", "2024-11-29"),
    ("The file is dated 2024-11-29.", P, "2024-11-29", "2024-11-29"),
    ("The order was issued on 11/29/2024.", P, "11/29/2024", "2024-11-29"),
    ("Sanctions were first imposed in early 2023.", P, "early 2023", "2023"),
    ("The drought of summer 2022 hit exports.", P, "summer 2022", "2022-SU"),
    ("The deal expired in February 2020.", P, "February 2020", "2020-02"),
    ("The city was captured in November 2013.", P, "November 2013", "2013-11"),
    ("The Soviets withdrew in 1989.", P, "1989", "1989"),
    ("The region has been disputed since 2014.", P, "2014", "2014"),
    ("Troops were deployed from 2009-2010.", P, "2009", "2009"),
    ("Troops were deployed from 2009-2010.", P, "2010", "2010"),
    ("The war lasted from 1939 to 1945.", P, "1945", "1945"),
    ("In the war of 1939-45 millions died.", P, "45", "1945"),
    ("Athens was sacked in 480 BC.", P, "480 BC", "BC0480"),
    ("The summer of 1943 was decisive.", P, "The summer of 1943", "1943-SU"),
    ("The plan covers the third quarter of 2023.", P, "the third quarter of 2023", "2023-Q3"),
    ("Profits rose in the first quarter.", P, "the first quarter", "2024-Q1"),
    ("Revenue fell in Q3 2023.", P, "Q3 2023", "2023-Q3"),
    ("Growth slowed in the first half of 2024.", P, "the first half of 2024", "2024-H1"),
    ("The treaty was signed on the night of April 18, 1775.", P, "the night of April 18, 1775", "1775-04-18TNI"),
    ("Fighting raged from 22-25 April 1951.", P, "22", "1951-04-22"),
    ("Fighting raged from 22-25 April 1951.", P, "25 April 1951", "1951-04-25"),
    ("The battle lasted from April 6-7.", "1915-05-01", "April 6", "1915-04-06"),
    ("The Ionian Revolt (499-493 BC) failed.", P, "499", "BC0499"),
    # -- decades and centuries ------------------------------------------------------------------------
    ("The conflict dates back to the 1990s.", P, "the 1990s", "199"),
    ("Unrest grew in the late 1960s.", P, "the late 1960s", "196"),
    ("The 19th century saw many wars.", P, "19th century", "18"),
    ("It was the bloodiest war of the 20th century.", P, "20th century", "19"),
    ("In the '90s the region was calm.", P, "'90s", "199"),
    ("Greece fell in the 4th century BC.", P, "the 4th century BC", "BC03"),
    # -- relative to the publication date -------------------------------------------------------------
    ("The decision announced earlier this month angered Moscow.", P, "earlier this month", "2024-11"),
    ("The vote is due later this month.", P, "later this month", "2024-11"),
    ("The minister visited Kyiv last week.", P, "last week", "2024-W47"),
    ("Inflation slowed this week.", P, "this week", "2024-W48"),
    ("Talks will continue next week.", P, "next week", "2024-W49"),
    ("Two soldiers were killed two days ago.", P, "two days ago", "2024-11-27"),
    ("Both countries signed a treaty this year.", P, "this year", "2024"),
    ("The election was held last year.", P, "last year", "2023"),
    ("Elections are due next year.", P, "next year", "2025"),
    ("Talks resume next month.", P, "next month", "2024-12"),
    ("Prices rose last month.", P, "last month", "2024-10"),
    ("The offensive stalled late last year.", P, "late last year", "2023"),
    ("A ceasefire could come early next year.", P, "early next year", "2025"),
    ("Drones attacked Kyiv overnight.", P, "overnight", "2024-11-28TNI"),
    ("The minister arrived yesterday.", P, "yesterday", "2024-11-28"),
    ("The minister arrives today.", P, "today", "2024-11-29"),
    ("The minister leaves tomorrow.", P, "tomorrow", "2024-11-30"),
    ("The president speaks tonight.", P, "tonight", "2024-11-29TNI"),
    ("Shelling resumed this morning.", P, "this morning", "2024-11-29TMO"),
    ("Explosions were heard last night.", P, "last night", "2024-11-28TNI"),
    ("The talks collapsed the day before yesterday.", P, "the day before yesterday", "2024-11-27"),
    ("A chemical attack killed dozens earlier this week.", P, "earlier this week", "2024-W48"),
    ("The vote happens later this week.", P, "later this week", "2024-W48"),
    ("The policy was introduced a year ago.", P, "a year ago", "2023"),
    ("The cable was sent three weeks ago.", P, "three weeks ago", "2024-W45"),
    ("The law passed six months ago.", P, "six months ago", "2024-05"),
    ("The war began two years ago.", P, "two years ago", "2022"),
    ("The facility is expected to open this summer.", P, "this summer", "2024-SU"),
    ("The harvest failed last summer.", P, "last summer", "2024-SU"),
    ("Gas ran short last winter.", P, "last winter", "2023-WI"),
    ("The offensive may resume next spring.", P, "next spring", "2025-SP"),
    ("The plant will reopen in the fall.", "2024-05-10", "the fall", "2024-FA"),
    ("Protests erupted over the weekend.", P, "the weekend", "2024-W47-WE"),
    ("The leaders will meet this weekend.", P, "this weekend", "2024-W48-WE"),
    ("Troops will be home by Christmas.", P, "Christmas", "2024-12-25"),
    ("The agency will report by the end of the year.", P, "the end of the year", "2024"),
    ("The meeting began at 2 p.m. on Tuesday.", P, "2 p.m.", "2024-11-26T14:00"),
    ("The strike hit at 10:30 a.m. local time.", P, "10:30 a.m. local time", "2024-11-29T10:30"),
    ("The curfew starts at midnight.", P, "midnight", "2024-11-29T24:00"),
    # -- anaphoric: the last date mentioned -----------------------------------------------------------
    ("Xi arrived on Monday. The following day, he met Putin.", P, "The following day", "2024-11-26"),
    ("Xi arrived on Monday. Two days later, he left.", P, "Two days later", "2024-11-27"),
    ("Zarif spoke on Monday about a blast a day earlier.", "2021-04-12", "a day earlier", "2021-04-11"),
    ("The strike came on Tuesday. The previous day, envoys met.", P, "The previous day", "2024-11-25"),
    ("The army entered the town on May 3. That same day, the mayor fled.", P, "That same day", "2024-05-03"),
    ("In 1998, the treaty was signed. The following year, it collapsed.", P, "The following year", "1999"),
    ("In 1998, the treaty was signed. That year, the economy grew.", P, "That year", "1998"),
    ("In June 2013 the army advanced. In August, it retreated.", "2013-12-01", "August", "2013-08"),
    ("The treaty was signed in 2006, and later that year it was ratified.", P, "later that year", "2006"),
    ("In June 2013 the army advanced. In August, it retreated.", "2017-05-01", "August", "2013-08"),
    ("The army advanced in 2013.\n\nIn August, Ukraine launched an incursion.", P, "August", "2024-08"),
    # -- durations ------------------------------------------------------------------------------------
    ("The talks ended 18 days of negotiation.", P, "18 days", "P18D"),
    ("Iran agreed to limits for five years.", P, "five years", "P5Y"),
    ("Exports fell over the past three months.", P, "the past three months", "P3M"),
    ("The country has been at war for years.", P, "years", "PXY"),
    ("It imposed a three-month ban.", P, "three-month", "P3M"),
    ("It issued a 180-day waiver.", P, "180-day", "P180D"),
    ("The siege lasted two and a half years.", P, "two and a half years", "P2.5Y"),
    ("The blackout lasted 24 hours.", P, "24 hours", "PT24H"),
    ("The flight took 30 minutes.", P, "30 minutes", "PT30M"),
    ("Fighting continued for a week.", P, "a week", "P1W"),
    ("The region has suffered for decades.", P, "decades", "PXDE"),
    ("Aid will arrive in the coming days.", P, "the coming days", "PXD"),
    ("Talks may resume within the next few weeks.", P, "the next few weeks", "PXW"),
    ("The rebels were given one week to leave.", P, "one week", "P1W"),
    ("The fighting cost 50 years of progress.", P, "50 years", "P50Y"),
    ("He became leader over a decade ago.", P, "a decade ago", "201"),
    ("The deal runs for 60 days.", P, "60 days", "P60D"),
    ("A 46-day battle followed.", P, "46-day", "P46D"),
    ("A 15-year-old boy was killed.", P, "15-year-old", "P15Y"),
    ("Revenue fell for three consecutive years.", P, "three consecutive years", "P3Y"),
    ("The third-quarter results are due Nov. 8.", "2023-10-03", "third-quarter", "2023-Q3"),
    # -- sets --------------------------------------------------------------------------------------------
    ("Monitors report daily.", P, "daily", "P1D"),
    ("The council meets every day.", P, "every day", "P1D"),
    ("Inspectors visit twice a week.", P, "twice a week", "P1W"),
    ("Protesters gather every Monday.", P, "every Monday", "XXXX-WXX-1"),
    ("Rallies are held on Mondays.", P, "Mondays", "XXXX-WXX-1"),
    ("The report is published weekly.", P, "weekly", "P1W"),
    ("The body meets annually.", P, "annually", "P1Y"),
    ("Iran earns $5 billion a year from oil.", P, "a year", "P1Y"),
    # -- reference values ----------------------------------------------------------------------------
    ("The region is now calm.", P, "now", "PRESENT_REF"),
    ("The region is currently calm.", P, "currently", "PRESENT_REF"),
    ("The region was recently calm.", P, "recently", "PAST_REF"),
    ("Such attacks happened in the past.", P, "the past", "PAST_REF"),
    ("Such attacks may happen in the future.", P, "the future", "FUTURE_REF"),
    ("It remains the largest army to date.", P, "to date", "PRESENT_REF"),
    # -- negative cases ------------------------------------------------------------------------------
    ("May God protect our soldiers, he said.", P, "May", None),
    ("They may strike again, officials warned.", P, "may", None),
    ("March with us, the leader urged.", P, "March", None),
    ("We will fight on, the commander said.", P, "We", None),
    ("The Sunday Times reported the deal.", P, "Sunday", None),
    ("The Mail on Sunday published the letter.", P, "Sunday", None),
    ("About 1,000 troops crossed the border.", P, "1,000", None),
    ("More than 2,000 people fled.", P, "2,000", None),
    ("Some 1500 soldiers were killed.", P, "1500", None),
    ("Defense Minister Andrey Belousov held talks.", P, "Minister", None),
    ("Prime Minister Theresa May said Russia was culpable.", P, "May", None),
    ("The Arab Spring toppled several leaders.", P, "Spring", None),
    ("The fall of Kabul shocked the world.", P, "fall", None),
    ("A second attack followed.", P, "second", None),
    ("The council adopted Resolution 1441.", P, "1441", None),
    ("Stocks fell sharply.", P, "fell", None),
    ("Prices spring back quickly.", P, "spring", None),
    ("The 101st Airborne Division was deployed.", P, "101st", None),
    ("The Six-Day War reshaped the region.", P, "Six-Day", None),
    ("Jesus said in John 3:16 that God loved the world.", P, "3:16", None),
    ("The summit drew 2024 delegates.", P, "2024", None),
    ("June Carter sang at the gala.", P, "June", None),
    ("The troops reached an altitude of 1,800 metres.", P, "1,800", None),
    ("The drones flew at 2000 feet.", P, "2000", None),
    ("The October Revolution changed Russia.", P, "October", None),
    ("Rescuers pulled out 12,000 survivors.", P, "12,000", None),
]


def _overlap(span, start: int, end: int) -> bool:
    return span.start_char < end and start < span.end_char


@pytest.fixture(scope="module")
def table_docs(nlp):
    docs = []
    for text, pub, _, _ in TABLE:
        d = nlp.make_doc(text)
        d._.published = pub
        d._.published_basis = "given"
        docs.append(d)
    with nlp.select_pipes(disable=["tidings_statements", "tidings_events", "tidings_status", "tidings_claims"]):
        return list(nlp.pipe(docs))


def test_table_is_large_enough():
    assert len(TABLE) >= 150
    assert sum(1 for row in TABLE if row[3] is None) >= 20


def test_table(table_docs):
    failures = []
    for (text, pub, expr, want), doc in zip(TABLE, table_docs):
        start = text.find(expr)
        assert start >= 0, f"{expr!r} not in {text!r}"
        end = start + len(expr)
        found = [s for s in doc.spans["tidings_times"] if _overlap(s, start, end)]
        if want is None:
            if found:
                failures.append(f"{text!r}: {expr!r} should be no time, got {[(s.text, s._.timex.value) for s in found]}")
        elif not any(s._.timex.value == want for s in found):
            failures.append(f"{text!r} (published {pub}): {expr!r} -> {want}, got "
                            f"{[(s.text, s._.timex.value) for s in found]}")
    assert not failures, f"{len(failures)} of {len(TABLE)} failed:\n" + "\n".join(failures)


def test_types_and_anchors(nlp):
    doc = nlp.make_doc("On Tuesday the army said it had fought for three days, as it does every year, "
                       "and would talk at 3 p.m. in June 2024.")
    doc._.published = P
    doc = nlp(doc)
    got = {s.text: s._.timex for s in doc.spans["tidings_times"]}
    assert got["Tuesday"].type == "DATE" and got["Tuesday"].anchor == "published"
    assert got["Tuesday"].granularity == "day"
    assert got["three days"].type == "DURATION" and got["three days"].value == "P3D"
    assert got["every year"].type == "SET"
    assert got["3 p.m."].type == "TIME"
    assert got["June 2024"].anchor == "absolute" and got["June 2024"].granularity == "month"


# -- publication date inference -------------------------------------------------------------------

INFER = [
    ("KYIV, Nov 17, 2024 (Reuters) - Russia launched a massive missile attack on Sunday.", "2024-11-17"),
    ("BEIJING, Nov. 8 (Xinhua) -- The 2024 China International Import Expo opened on Friday.", "2024-11-08"),
    ("WASHINGTON, Aug. 2, 2021 -- The Senate passed the bill on Monday.", "2021-08-02"),
    ("Brussels, 17 March 2014 (AFP) – EU ministers imposed travel bans on Monday.", "2014-03-17"),
    ("SEOUL, Aug. 9 (Yonhap) -- North Korea said Wednesday it was considering a strike. "
     "The North tested missiles in July 2017.", "2017-08-09"),
    ("RT reported that on November 29, the ministers held talks on the treaty signed this year. "
     "They recalled the summit in June 2024 and a decision announced earlier this month.", "2024-11-29"),
    # a dateline without a year over a story whose latest past month is later in the year: the
    # report is from the next year
    ("ASUNCION, May 7 (AFP) - The court convicted him in December 2024. He fled on Monday.", "2025-05-07"),
    ("LIMA, Dec. 3 (AP) - The court convicted him in March 2024. He fled on Monday.", "2024-12-03"),
    ("The war began in 1939. On September 1, 1939, Germany invaded Poland. It ended in 1945.", None),
    ("Nothing here says when it was written.", None),
    ("Officials met on Tuesday and agreed to meet again next week.", None),
]


@pytest.fixture(scope="module")
def infer_docs(nlp):
    with nlp.select_pipes(disable=["tidings_statements", "tidings_events", "tidings_status", "tidings_claims"]):
        return list(nlp.pipe([text for text, _ in INFER]))


@pytest.mark.parametrize("i", range(len(INFER)))
def test_inferred_publication_date(infer_docs, i):
    text, want = INFER[i]
    doc = infer_docs[i]
    assert doc._.published == want, text
    if want:
        assert doc._.published_basis == "inferred"
    else:
        assert doc._.published_basis == "unknown"


def test_inferred_anchor(infer_docs):
    doc = infer_docs[0]
    sunday = next(s for s in doc.spans["tidings_times"] if s.text == "Sunday")
    assert sunday._.timex.value == "2024-11-17" and sunday._.timex.anchor == "inferred"


def test_given_date_is_kept(nlp):
    doc = nlp.make_doc("KYIV, Nov 17, 2024 (Reuters) - Russia attacked on Sunday.")
    doc._.published, doc._.published_basis = "2024-11-18", "given"
    doc = nlp(doc)
    assert doc._.published == "2024-11-18" and doc._.published_basis == "given"


def test_narrative_forced_and_decided(nlp):
    text = "In 1941 the army advanced.\n\nIn August it reached the river. Two days later it crossed."
    forced = nlp.make_doc(text)
    forced._.published, forced._.narrative = "2009-12-19", False
    news = nlp.make_doc(text)
    news._.published = "2009-12-19"
    news._.narrative = True
    docs = list(nlp.pipe([forced, news]))
    aug = [next(s for s in d.spans["tidings_times"] if s.text == "August") for d in docs]
    assert aug[0]._.timex.value == "2009-08" and aug[0]._.timex.anchor == "published"
    assert aug[1]._.timex.value == "1941-08" and aug[1]._.timex.anchor == "narrative"
    hist = nlp.make_doc("On June 22, 1941 Germany invaded. In 1942 it reached Stalingrad. In 1943 it "
                        "lost at Kursk, and in July it retreated.")
    hist._.published = "2009-12-19"
    doc = nlp(hist)
    july = next(s for s in doc.spans["tidings_times"] if s.text == "July")
    assert july._.timex.value == "1943-07"


# -- event dates ---------------------------------------------------------------------------------

def test_event_dates(extract):
    from conftest import SHARED
    path = SHARED / "examples" / "belousov-pyongyang.txt"
    if not path.exists():
        path = shared_path("examples", "belousov-pyongyang.txt")
    text = path.read_text()
    for published in ("2024-11-29", None):
        rec = extract(text, published=published).to_dict()
        assert rec["document"]["published"] == "2024-11-29"
        by_text = {}
        for e in rec["events"]:
            by_text.setdefault(e["event_text"], e)
        talks = by_text["held talks"]
        assert (talks["date"], talks["date_basis"]) == ("2024-11-29", "text")
        incursion = next(e for e in rec["events"] if "incursion" in e["event_text"])
        assert (incursion["date"], incursion["date_granularity"], incursion["date_basis"]) == ("2024-08", "month", "text")
        meeting = by_text["meeting"]
        assert (meeting["date"], meeting["date_basis"]) == ("2024-06", "text")
        accuse = by_text["accuse"]
        assert (accuse["date"], accuse["date_basis"]) == ("2024-11-29", "published")


def test_past_event_takes_the_time_of_the_verb_reporting_it(extract):
    rec = extract("On Sunday, organisers said more than a million people marched through the city.",
                  published="2019-06-12").to_dict()
    march = next(e for e in rec["events"] if e["event_text"] == "marched")
    assert (march["date"], march["date_basis"]) == ("2019-06-09", "text")
    rec = extract("On Sunday, officials said Iran will retaliate.", published="2019-06-12").to_dict()
    assert all(e["date"] != "2019-06-09" for e in rec["events"])  # a future act is not dated by its report


def test_time_on_the_first_of_coordinated_verbs(extract):
    rec = extract("Peruvian riot police fired tear gas at demonstrators on Tuesday and arrested 43 people.",
                  published="2025-05-14").to_dict()
    assert {e["event_text"]: e["date"] for e in rec["events"]} == {"fired": "2025-05-13", "arrested": "2025-05-13"}


def test_noun_event_dated_by_its_relative_clause(extract):
    rec = extract("BUCHAREST, Oct. 8, 2025 (Reuters) - Romania on Wednesday blamed Russia for a cyberattack that "
                  "crippled the national power grid operator last month.").to_dict()
    attack = next(e for e in rec["events"] if e["event_text"] == "cyberattack")
    assert (attack["date"], attack["status"]) == ("2025-09", "claimed")


def test_a_date_of_another_noun_does_not_date_the_event(extract):
    text = ("TBILISI, Nov 10, 2025 (Reuters) - Police fired tear gas at opposition supporters late on Sunday, as "
            "protests against the results of Saturday's elections entered a second night.")
    rec = extract(text).to_dict()
    dates = {e["event_text"]: e["date"] for e in rec["events"]}
    assert dates["protests"] == "2025-11-09"  # the night of Sunday's clause, not the elections' Saturday


def test_a_day_after_counts_from_the_main_clause(extract):
    rec = extract("JUBA, June 20, 2025 (Reuters) - The World Food Programme suspended food deliveries on Friday, a "
                  "day after unidentified gunmen ambushed one of its convoys.").to_dict()
    dates = {e["event_text"]: e["date"] for e in rec["events"]}
    assert dates["ambushed"] == "2025-06-19"
    rec = extract("The army shelled the town on Monday, two days after rebels attacked a checkpoint.",
                  published="2024-11-29").to_dict()
    dates = {e["event_text"]: e["date"] for e in rec["events"]}
    assert dates["attacked"] == "2024-11-23"


def test_deadline_looks_forward(extract):
    rec = extract("The mediator said the two sides had until Oct. 15 to sign.", published="2024-09-24").to_dict()
    assert [t["value"] for t in rec["times"]] == ["2024-10-15"]
    rec = extract("The troops stayed in the town until Oct. 15.", published="2024-09-24").to_dict()
    assert [t["value"] for t in rec["times"]] == ["2023-10-15"]


def test_surname_is_no_month(extract):
    rec = extract("Prime Minister Theresa May spoke on Friday. On Monday, May had said Russia was behind the "
                  "attack. Elections are due in May.", published="2018-03-14").to_dict()
    may = next(e for e in rec["entities"] if e["name"] == "Theresa May")
    assert [m["text"] for m in may["mentions"]] == ["Theresa May", "May"]
    assert [t["value"] for t in rec["times"] if t["text"] == "May"] == ["2018-05"]


def test_event_date_prefers_own_clause(nlp):
    from tidings.times import event_date
    doc = nlp.make_doc("Britain expelled 23 diplomats on Wednesday after Moscow failed to explain the attack.")
    doc._.published = "2018-03-14"
    with nlp.select_pipes(disable=["tidings_statements", "tidings_events", "tidings_status", "tidings_claims"]):
        doc = nlp(doc)
    expelled = next(t for t in doc if t.text == "expelled")
    failed = next(t for t in doc if t.text == "failed")
    assert event_date(doc, doc[expelled.i:expelled.i + 1]) == ("2018-03-14", "day", "text")
    assert event_date(doc, doc[failed.i:failed.i + 1]) == ("2018-03-14", "day", "published")


def test_no_date_without_publication(nlp):
    from tidings.times import event_date
    with nlp.select_pipes(disable=["tidings_statements", "tidings_events", "tidings_status", "tidings_claims"]):
        doc = nlp("The army attacked the town.")
    assert event_date(doc, doc[2:3]) == (None, None, "unknown")


def test_durations_are_no_event_dates(nlp):
    from tidings.times import event_date
    doc = nlp.make_doc("The army shelled the town for three days.")
    doc._.published = P
    with nlp.select_pipes(disable=["tidings_statements", "tidings_events", "tidings_status", "tidings_claims"]):
        doc = nlp(doc)
    assert event_date(doc, doc[2:3]) == (P, "day", "published")


# (text, published or None for the dateline's, event type, a word of its trigger, date, status or None)
EVENT_DATES = [
    # "has pledged to send 200 officers by October": pledged now, an act (not yet done) by October
    ("Kenya's government has pledged to send another 200 officers to Haiti by October.", "2025-07-28", "AGREE",
     "pledged", "2025-07-28", "asserted"),
    # ... and a time inside what was agreed dates that, not the agreement
    ("An official said both sides had agreed in principle to a further exchange of prisoners in December.",
     "2025-11-21", "AGREE", "agreed", "2025-11-21", None),
    # "were killed in Sunday's strike": on Sunday, not when the report came out
    ("OUAGADOUGOU, Oct. 19, 2023 (Reuters) - A monitoring group said at least 38 civilians were killed in "
     "Sunday's strike.", None, "ASSAULT", "killed", "2023-10-15", None),
    # "since Monday, when Kenya handed ...": the day the clause describes
    ("NAIROBI, March 6, 2025 (Reuters) - The dispute had been brewing since Monday, when Kenya handed a "
     "diplomatic note to the Somali embassy.", None, "ACCUSE", "note", "2025-03-03", None),
    # words said in a video posted on a day are dated by it
    ("PORT-AU-PRINCE, July 28, 2025 (AP) - In a video posted on social media on Sunday, the gang's leader "
     "promised to retake the district and threatened to burn it down if residents helped police.", None,
     "THREATEN", "threatened", "2025-07-27", "asserted"),
    # "a day after" counted from a day the main clause's object carries
    ("LILONGWE, March 14, 2025 (Reuters) - The president signed a decree dissolving the National Assembly on "
     "Thursday, a day after lawmakers voted to impeach him, his office said.", None, "ACCUSE", "impeach",
     "2025-03-12", None),
    # "at the time" is the last time named before
    ("TASHKENT, Feb 5, 2026 (Reuters) - Turkmenistan cut gas supplies to Uzbekistan in January. Rasulov accused "
     "Ashgabat at the time of using gas as a political weapon.", None, "ACCUSE", "accused", "2026-01", None),
    # "the same day" is the last day named, not a month named since
    ("TALLINN, November 20, 2025 (AP) - Frontex flew 60 officers to Estonia on Wednesday. A further 40 officers "
     "will follow in December, the agency said. Estonia's Defence Forces moved 300 conscripts to the border the "
     "same day.", None, "MOBILIZE", "moved", "2025-11-19", "asserted"),
    # a time after the last of verbs that share a subject holds for the first
    ("FUNAFUTI, June 12, 2025 (AFP) - Tuvalu severed diplomatic relations with Taiwan and switched recognition "
     "to China on Wednesday, the government said.", None, "SANCTION", "severed", "2025-06-11", None),
    # an act named as the time of another is dated with it
    ("BUCHAREST, October 7, 2025 (Reuters) - Romania scrambled two fighter jets late on Sunday after drones "
     "crossed into its airspace during a Russian strike on Ukrainian ports, the ministry said.", None, "ASSAULT",
     "strike", "2025-10-05", None),
    # session 9: a "when" clause dates the verb it hangs on (here under "declined to"); so does a
    # purpose clause; a time after a participle of what a party is ("governing") is the verb's;
    # a participle on what a verb ends ("restrictions imposed after the 2021 coup") dates only itself;
    # "for 90 days on Monday" is a duration and a day
    ("KAMPALA, July 8, 2025 (Reuters) - Kenya declined to arrest the visiting general when he flew in for a "
     "summit on Monday, officials said.", None, "REJECT", "declined", "2025-07-07", None),
    ("MAPUTO, March 13, 2025 (Reuters) - Soldiers were deployed to guard fuel depots in the capital on "
     "Wednesday.", None, "MOBILIZE", "deployed", "2025-03-12", None),
    ("BAMAKO, Oct. 16, 2025 (AFP) - Niger's military rulers signed a defence pact with the juntas governing Mali "
     "and Burkina Faso on Wednesday.", None, "SUPPORT", "signed", "2025-10-15", None),
    ("ABUJA, Oct. 16, 2025 (AFP) - On Sunday the bloc's leaders lifted trade restrictions imposed on Niger after "
     "the 2023 coup.", None, "RETREAT", "restrictions", "2025-10-12", None),
    ("SARAJEVO, June 18, 2025 (AP) - The regulator suspended the broadcasting licence of Banja Luka-based Kanal "
     "Sedam TV for 90 days on Monday.", None, "COERCE", "suspended", "2025-06-16", "asserted"),
]


@pytest.mark.parametrize("text, published, typ, word, date, status", EVENT_DATES)
def test_event_date_table(extract, text, published, typ, word, date, status):
    rec = extract(text, published=published).to_dict()
    ev = next(e for e in rec["events"] if e["event"] == typ and word in e["event_text"])
    assert ev["date"] == date
    if status is not None:
        assert ev["status"] == status


def test_a_clock_time_without_a_day_is_on_the_day_last_named(extract):
    rec = extract("OUAGADOUGOU, Oct. 19, 2023 (Reuters) - The army rejected the finding on Thursday that civilians "
                  "died when a drone struck a market on Sunday.\n\nThe market was hit shortly after midday, "
                  "witnesses said.\n\nTwo days later, the army said the strike had killed fighters.").to_dict()
    values = {t["text"]: t["value"] for t in rec["times"]}
    assert values["midday"] == "2023-10-15T12:00" and values["Two days later"] == "2023-10-17"



# -- WikiWars value F1 ------------------------------------------------------------------------------

WIKIWARS_FLOOR = 0.879


def _scorer():
    spec = importlib.util.spec_from_file_location("score_timeml", shared_path("eval", "score_timeml.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_wikiwars_value_f1(nlp, request):
    """TempEval-3 value F1 on WikiWars, the same measure as ../shared/eval/score_timeml.py. The
    parses are cached (pytest cache, keyed by texts, model and spaCy version), so only the first
    run pays for parsing the corpus (~30 s); later runs only rerun the time stage."""
    import spacy
    from spacy.tokens import DocBin

    sc = _scorer()
    files = sorted(shared_path("data", "wikiwars", "tml").glob("*.tml"))
    items = [sc.parse_tml(f) for f in files]
    stage = nlp.get_pipe("tidings_times")
    before = [n for n in nlp.pipe_names if n not in ("tidings_times", "tidings_statements", "tidings_events",
                                                      "tidings_status", "tidings_claims")]
    key = hashlib.sha256(json.dumps([[d["text"] for d, _ in items], spacy.__version__, nlp.meta.get("version"),
                                     before]).encode()).hexdigest()[:16]
    cache = request.config.cache.mkdir("tidings-times") / f"wikiwars-{key}.spacy"
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        with nlp.select_pipes(enable=before):
            docs = list(nlp.pipe(d["text"] for d, _ in items))
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    tp_p = tp_g = n_pred = n_gold = 0
    for (meta, gold), doc in zip(items, docs):
        doc._.published, doc._.published_basis, doc._.narrative = meta["published"], "given", None
        doc = stage(doc)
        pred = [(s.start_char, s.end_char, s._.timex.value.upper()) for s in doc.spans["tidings_times"]]
        n_pred += len(pred)
        n_gold += len(gold)
        for g in gold:
            tp_g += any(s < g["end"] and g["start"] < e and v == g["value"].upper() for s, e, v in pred)
        for s, e, v in pred:
            tp_p += any(s < g["end"] and g["start"] < e and v == g["value"].upper() for g in gold)
    p, r, f = sc.prf(tp_p, n_pred, tp_g, n_gold)
    assert f >= WIKIWARS_FLOOR, f"WikiWars value F1 {f:.4f} (P {p:.3f} R {r:.3f}) fell below {WIKIWARS_FLOOR}"


def test_a_time_on_an_earlier_event_does_not_date_the_trigger(extract):
    rec = extract("BANJUL, March 19, 2025 (Reuters) - Gambian security forces arrested nine soldiers after a failed "
                  "coup attempt overnight, the government said on Wednesday.").to_dict()
    arrest = next(e for e in rec["events"] if e["event"] == "COERCE")
    assert arrest["date"] == "2025-03-19"  # reported on Wednesday; the attempt was overnight


def test_a_participle_takes_its_clause_time(extract):
    rec = extract("BISHKEK, Sept. 12, 2024 (Reuters) - Kyrgyz and Tajik border troops exchanged fire on Wednesday, "
                  "killing three servicemen and wounding seven people.").to_dict()
    dates = {e["event_text"]: e["date"] for e in rec["events"]}
    assert dates["killing"] == dates["wounding"] == "2024-09-11"


@pytest.mark.parametrize("text,published,value", [
    ("The magistrate adjourned his case until May 6.", "2026-04-22", "2026-05-06"),  # put off: forward
    ("The coalition said it would boycott regional elections set for Dec. 8.", "2024-10-16", "2024-12-08"),
    # a month in a clause under a preposition takes the tense of the verb above it
    ("Kalnina accused Belarus of letting the men's handler travel into Latvia through its territory in December.",
     "2026-02-12", "2025-12"),
    ("The rally was held on May 6.", "2026-04-22", "2025-05-06"),
    # "since" looks back, whatever the verb's tense
    ("If Moscow kept to that timetable, it would be the largest swap since the summer.", "2025-11-21", "2025-SU"),
])
def test_dates_without_a_year_look_the_way_their_verb_points(extract, text, published, value):
    rec = extract(text, published=published).to_dict()
    assert [t["value"] for t in rec["times"]] == [value]
