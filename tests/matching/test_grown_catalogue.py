"""The matcher on the catalogue users get: the guide's lines plus the one-line offers the feeds import.

Imported lines are a title and one sentence; the idf must not treat every word they lack as rare,
or the written lines start to look on topic (and eligible) for projects they were not before.
"""
from collections import Counter

import pytest
from django.conf import settings

from randwijzer.feeds import snapshots
from randwijzer.matching.relevance import Lexicon, TextIndex
from randwijzer.matching.service import match_project
from randwijzer.matching.weights import FUNDING_WEIGHTS, IDF_FULL_WORDS
from tests.feeds.conftest import TODAY

WRITTEN = ("Vlaamse subsidie voor projecten met inwoners, verenigingen en scholen in de Rand. " * 8).strip()


def index_of(texts: list[str]) -> TextIndex:
    index = TextIndex(Lexicon(set()), full_words=IDF_FULL_WORDS)
    for i, text in enumerate(texts):
        index.add(i, {"title": "", "summary": "", "themes": "", "description": text, "examples": ""}, FUNDING_WEIGHTS)
    return index.freeze()


def test_one_line_documents_hardly_move_the_idf_of_the_written_ones_words():
    written = [WRITTEN + " taal", WRITTEN + " feest", WRITTEN + " grond"]
    one_liners = [f"Subsidie voor onderwerp{i}" for i in range(16)]
    alone, grown = index_of(written), index_of(written + one_liners)
    # 'rand' is in every written document: it stays a word that tells nothing.
    assert grown.idf("rand") < alone.idf("rand") + 0.1, (alone.idf("rand"), grown.idf("rand"))
    # A written document's score for a query keeps its size.
    query = Counter({"rand": 1.0, "taal": 1.0})
    assert abs(grown.score_array(query)[0] - alone.score_array(query)[0]) < 0.05


@pytest.fixture
def grown(db):
    snapshots.import_all(settings.PROJECT_DIR / "data" / "feeds")


def test_a_neighbourhood_kitchen_is_not_called_eligible_for_taalstimulering_once_the_feeds_are_loaded(grown):
    # A tuning case (eval/cases-users.yaml, wijkkeuken-machelen): speaking Dutch at the table is not a
    # project to learn Dutch; on the guide's lines alone the matcher said 'uncertain', and so it must stay.
    result = match_project("Wijkkeuken: buren van verschillende afkomst koken samen en spreken Nederlands aan tafel. "
                           "Wij zijn een vzw. Start 1 oktober 2027, looptijd 2 jaar.", "Machelen", None, reference=TODAY)
    taal = next(f for f in result.funding if f.id == "subsidie-taalstimulering-nederlands")
    assert taal.eligibility != "eligible", [r.explanation for r in taal.reasons]
    assert result.funding[0].id == "impulssubsidie-vlaamse-rand"


def test_a_mandataris_looking_for_colleagues_gets_no_written_line_shown_once_the_feeds_are_loaded(grown):
    # A tuning case (vlaamse-mandatarissen-linkebeek): no funding line is about finding colleagues. Before the
    # idf weighed short documents less, these five written lines were shown as 'check' here once the feeds were in.
    result = match_project("Als Vlaams gemeenteraadslid in Linkebeek zoek ik contact met de andere Vlaamse mandatarissen "
                           "uit de faciliteitengemeenten.", None, None, reference=TODAY)
    guide = {"plan-samenleven", "impulssubsidie-vlaamse-rand", "subsidie-feest-vlaamse-gemeenschap",
             "subsidie-verenigingen-faciliteitengemeenten", "vlaams-randfonds"}
    shown = {f.id for f in result.funding if f.group in ("fits", "check", "later")}
    assert not shown & guide, shown


def test_a_function_word_in_a_title_does_not_make_an_imported_line_fit(grown):
    # "zonder" is a function word: felling trees "zonder vergunning" has nothing to do with the imported
    # line "Gemeenten zonder Gemeentehuis" (a one-line title, so one shared word weighed a lot).
    result = match_project("Mag ik de twee berken in onze tuin kappen zonder vergunning?", "Zaventem", None,
                           reference=TODAY)
    shown = {f.id: f.group for f in result.funding if f.group in ("fits", "check", "later")}
    assert not any("gemeentehuis" in line_id for line_id in shown), shown
