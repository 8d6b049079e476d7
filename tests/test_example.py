"""The example article, scored by the shared scorer: every expectation met, with and without a date."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES, shared_path


def score(record: dict, gold_path) -> str:
    scorer = shared_path("eval", "score_example.py")
    out = subprocess.run([sys.executable, str(scorer), str(gold_path)], input=json.dumps(record),
                         capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("published", ["2024-11-29", None])
def test_example_article_meets_every_expectation(extract, published):
    gold = shared_path("examples", "belousov-pyongyang.gold.json")
    text = shared_path("examples", "belousov-pyongyang.txt").read_text(encoding="utf-8")
    rec = extract(text, published=published).to_dict()
    assert score(rec, gold) == "40 passed, 0 failed"
    if published is None:
        assert rec["document"]["published_basis"] == "inferred"


# Floors for the team's own examples (examples/*.gold.json): the scorer's passed share per
# article may not fall below what the pipeline reached when the floor was recorded.
# Recorded 2026-11-29 (session 3), without publication dates, as this test runs them.
FLOORS = {
    "afghanistan-withdrawal-plan": 27 / 29,
    "belousov-pyongyang": 1.0,
    "hong-kong-extradition-protest": 20 / 23,
    "iran-nuclear-deal-vienna": 1.0,
    "natanz-blackout-claim": 31 / 34,
    "north-korea-guam-threat": 31 / 32,
    "salisbury-expulsions": 31 / 33,
    "sanctions-crimea-a": 1.0,
    "sanctions-crimea-b": 21 / 23,
    "shayrat-missile-strike": 31 / 32,
    "syria-quake-aid-convoy": 1.0,
    "us-troops-eastern-europe": 1.0,
    "xi-putin-moscow-talks": 1.0,
}


def _assert_floors(nlp, paths, floors: dict) -> None:
    """Every article with a gold file scores at least its floor (0 when it has none)."""
    import tidings

    recs = list(tidings.extract_many([p.read_text(encoding="utf-8") for p in paths], nlp=nlp))
    for p, rec in zip(paths, recs):
        gold = p.with_suffix(".gold.json")
        if not gold.exists():
            continue
        line = score(rec.to_dict(), gold)
        passed, failed = (int(x.split()[0]) for x in line.split(", "))
        assert passed / (passed + failed) >= floors.get(p.stem, 0.0) - 1e-9, (p.stem, line)


def test_bundled_examples_score_at_least_their_floor(nlp):
    _assert_floors(nlp, sorted(EXAMPLES.glob("*.txt")), FLOORS)

# The articles in heldout/ (nine rounds written by other hands; rounds 1-8 were read for failures
# and fixed from, round 9 only scored, see heldout/README.md): these floors stop the scores from
# falling. Recorded 2026-11-30 (sessions 3 to 9).
HELDOUT_FLOORS = {
    "argentina-squid-boat-seizure": 37 / 41,
    "armenia-azerbaijan-border-villages": 44 / 49,
    "bahrain-hunger-strike-pardon": 39 / 48,
    "belarus-border-drills": 29 / 31,
    "bogota-senator-indictment": 34 / 37,
    "burkina-airstrike-market": 42 / 47,
    "burkina-yabere-mine-seizure": 47 / 51,
    "burundi-barracks-mutiny": 49 / 53,  # (lowered to 42 in session 8: see heldout/README.md)
    "cameroon-chad-herder-clashes": 49 / 53,
    "chad-doha-ceasefire-talks": 26 / 33,
    "costa-rica-extradition-refusal": 49 / 54,
    "croatia-bosnia-deportations": 38 / 38,
    "ecowas-guinea-suspension": 44 / 50,
    "ecuador-prison-riot": 43 / 46,
    "embassy-raid-asylum": 47 / 51,
    "estonia-russia-border-migrants": 45 / 48,
    "eu-china-heat-pump-tariffs": 38 / 39,
    "gambia-coup-attempt": 37 / 38,
    "germany-iran-expulsion": 33 / 35,
    "guinea-boke-bauxite-protest": 44 / 50,
    "gulf-of-guinea-tanker-raid": 53 / 55,
    "haiti-gang-stronghold-operation": 46 / 53,
    "icc-uganda-burundi-visit": 50 / 54,
    "india-bangladesh-border-shooting": 44 / 51,
    "india-pakistan-loc-shelling": 42 / 49,
    "indonesia-vietnam-defence-pact": 30 / 30,
    "iran-armenia-yerevan-visit": 35 / 38,
    "japan-china-engineer-detained": 40 / 52,
    "kaduna-highway-kidnapping": 37 / 39,
    "kenya-somalia-flight-ban": 47 / 48,
    "kyrgyz-tajik-border-clash": 39 / 40,
    "latvia-depot-arson-expulsions": 54 / 55,
    "lima-pension-protest": 30 / 31,
    "lome-election-boycott": 36 / 42,
    "luanda-car-peace-deal": 38 / 42,
    "malawi-cholera-border": 50 / 52,
    "malawi-impeachment-dissolution": 48 / 55,
    "malaysia-indonesia-haze": 39 / 50,
    "monusco-ituri-withdrawal": 34 / 42,
    "mozambique-imf-fuel-strike": 53 / 54,
    "mozambique-quissanga-attack": 51 / 52,
    "nepal-earthquake-aid": 42 / 44,
    "nicaragua-prisoners-exiled": 48 / 54,
    "nigeria-delta-pipeline-leak": 38 / 48,
    "oman-houthi-crew-release": 37 / 42,
    "pakistan-church-mob-attack": 42 / 51,
    "pakistan-saudi-riyadh-visit": 41 / 45,
    "philippines-nickel-ore-wto": 42 / 51,
    "romania-drone-incursion": 52 / 53,
    "romania-grid-cyberattack": 31 / 34,
    "russia-azerbaijan-produce-ban": 38 / 44,
    "sabina-shoal-water-cannon": 35 / 39,
    "sagaing-aid-convoy": 29 / 38,
    "san-salvador-journalist-arrest": 40 / 44,
    "seoul-subway-strike-called-off": 38 / 42,
    "serbia-croatia-broadcaster-licence": 48 / 52,
    "serbia-kosovo-police-raid": 44 / 50,
    "south-sudan-convoy-suspension": 30 / 30,
    "sri-lanka-student-ban": 54 / 56,
    "sudan-el-fasher-truce": 42 / 55,
    "syria-iaea-access-dispute": 39 / 40,
    "tbilisi-election-protest": 41 / 44,
    "thailand-cambodia-cyber-espionage": 39 / 41,
    "tonga-fiji-longliner-release": 51 / 53,
    "turkey-pipeline-drone-strike": 32 / 34,
    "tuvalu-taiwan-china-switch": 47 / 50,
    "ukraine-russia-pow-exchange": 46 / 51,
    "uzbek-turkmen-gas-water-deal": 48 / 52,
    "uzbekistan-kyrgyzstan-dam-filling": 49 / 51,
    "zimbabwe-opposition-arrests": 35 / 38,
}


def test_heldout_articles_score_at_least_their_floor(nlp):
    paths = sorted((EXAMPLES.parent / "heldout").glob("*.txt"))
    assert {p.stem for p in paths} == set(HELDOUT_FLOORS)
    assert all(p.with_suffix(".gold.json").exists() for p in paths)
    _assert_floors(nlp, paths, HELDOUT_FLOORS)
