"""The WIES calculator service: the guide's Grimbergen example, the cap, and who the fund is for."""
import pytest

from randwijzer.catalogue.models import FundingLine
from randwijzer.wies.calculator import calculate
from randwijzer.wies.errors import WiesInputError

pytestmark = pytest.mark.django_db


def test_grimbergen_ten_lots_fund_carries_half():
    result = calculate("Grimbergen", 10, 150_000, 60)
    assert result.municipality == "Grimbergen"
    assert result.wies_municipality == "yes"
    assert result.fund_applies is True
    assert result.municipal_contribution == 900_000
    assert result.fund_share == 450_000
    assert result.municipality_net == 450_000
    text = "\n".join(result.steps)
    assert "10 woningen of kavels × € 150.000 grondaandeel × 60% = € 900.000" in text
    assert "50% van € 900.000 = € 450.000" in text
    assert "€ 900.000 − € 450.000 = € 450.000" in text
    assert "Bron: Beleidswijzer" in text  # the fund's rule cites the guide


def test_cap_of_one_million_per_project():
    result = calculate("23025", 20, 200_000, 75)  # NIS code of Grimbergen
    assert result.municipal_contribution == 3_000_000
    assert result.fund_share == 1_000_000
    assert result.municipality_net == 2_000_000
    assert any("hoogstens € 1.000.000 per project" in step for step in result.steps)


def test_share_and_cap_come_from_the_catalogue():
    FundingLine.objects.filter(pk="wies-fonds").update(cost_share_pct=40, max_amount=300_000)
    result = calculate("Grimbergen", 10, 150_000, 60)
    assert result.fund_share == 300_000  # 40% of 900.000 = 360.000, capped at 300.000
    assert result.municipality_net == 600_000


def test_halle_not_wies_and_not_in_the_rand_fund_does_not_apply():
    result = calculate("Halle", 10, 150_000, 60)
    assert result.wies_municipality == "no"
    assert result.fund_applies is False
    assert result.fund_share == 0
    assert result.municipality_net == result.municipal_contribution == 900_000
    text = " ".join(result.steps)
    assert "Halle is geen WIES-gemeente" in text
    assert "niet in de Vlaamse Rand" in text


def test_tervuren_unknown_fund_not_counted_but_amount_shown():
    result = calculate("Tervuren", 10, 150_000, 60)
    assert result.wies_municipality == "unknown"
    assert result.fund_applies is False
    assert result.fund_share == 0
    assert result.municipality_net == 900_000
    assert result.fund_share_if_confirmed == 450_000
    text = " ".join(result.steps)
    assert "te verifiëren" in text and "Tervuren" in text
    assert "niet bevestigd" in text  # the catalogue's wies_note
    assert "dan draagt het fonds 50% van € 900.000 = € 450.000" in text


def test_ternat_wies_outside_the_rand_fund_does_not_apply():
    result = calculate("Ternat", 4, 100_000, 50)
    assert result.wies_municipality == "yes"
    assert result.fund_applies is False
    assert (result.municipal_contribution, result.fund_share, result.municipality_net) == (200_000, 0, 200_000)


def test_merged_municipality_answers_for_its_successor():
    result = calculate("Galmaarden", 10, 150_000, 60)
    assert result.municipality == "Pajottegem"
    assert result.wies_municipality == "unknown"
    assert "Galmaarden is sinds 1 januari 2025 deel van Pajottegem" in result.steps[0]


def test_amounts_round_half_up_to_whole_euros():
    result = calculate("Grimbergen", 1, 101, "50.5")  # 101 × 50,5% = 51,005 → 51; half of 51 = 25,5 → 26
    assert result.municipal_contribution == 51
    assert result.fund_share == 26
    assert result.municipality_net == 25
    assert any("vanaf 50 cent naar boven" in step for step in result.steps)


@pytest.mark.parametrize("args, field, words", [
    (("Grimbergen", 10, 150_000, 49), "contribution_pct", "tussen 50 en 100"),
    (("Grimbergen", 10, 150_000, 101), "contribution_pct", "tussen 50 en 100"),
    (("Grimbergen", 0, 150_000, 60), "units", "minstens 1"),
    (("Grimbergen", -3, 150_000, 60), "units", "minstens 1"),
    (("Grimbergen", 10**9, 150_000, 60), "units", "hoogstens"),
    (("Grimbergen", 10, 0, 60), "land_share", "meer dan € 0"),
    (("Grimbergen", 10, 10**12, 60), "land_share", "hoogstens"),
    (("Grimbergen", "tien", 150_000, 60), "units", "geheel getal"),
    (("Grimbergen", 10, 150_000, "veel"), "contribution_pct", "tussen 50 en 100"),
    (("", 10, 150_000, 60), "municipality", "Geef de gemeente"),
])
def test_bad_input_is_refused_in_dutch(args, field, words):
    with pytest.raises(WiesInputError) as info:
        calculate(*args)
    assert info.value.field == field
    assert words in info.value.message


def test_unknown_municipality_suggests_close_names():
    with pytest.raises(WiesInputError) as info:
        calculate("Grimbergn", 10, 150_000, 60)
    assert "Onbekende gemeente 'Grimbergn'" in info.value.message
    assert "Grimbergen" in info.value.suggestions
