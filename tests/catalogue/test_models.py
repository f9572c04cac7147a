import pytest

from randwijzer.catalogue.models import FundingLine, Municipality, Partner, Territory, WiesStatus

pytestmark = pytest.mark.django_db


def test_all_municipalities_of_2020_plus_pajottegem_are_loaded():
    assert Municipality.objects.count() == 582
    pajottegem = Municipality.objects.get(name_nl="Pajottegem")
    assert pajottegem.nis_code_to_verify
    merged = Municipality.objects.filter(merged_into=pajottegem).order_by("name_nl")
    assert [m.name_nl for m in merged] == ["Galmaarden", "Gooik", "Herne"]


def test_territories_have_the_right_size():
    sizes = {t.id: t.municipalities.count() for t in Territory.objects.all()}
    assert sizes["vlaamse-rand"] == 19
    assert sizes["faciliteitengemeenten"] == 6
    # 35 in 2020, 33 since Galmaarden, Gooik and Herne became Pajottegem.
    assert sizes["arrondissement-halle-vilvoorde"] == 33
    assert sizes["provincie-vlaams-brabant"] == 63


def test_tervuren_is_rand_but_in_leuven_and_its_wies_status_is_to_verify():
    tervuren = Municipality.objects.get(name_nl="Tervuren")
    assert tervuren.in_vlaamse_rand and tervuren.arrondissement == "Leuven"
    assert tervuren.wies_status == WiesStatus.TO_VERIFY
    assert Municipality.objects.filter(in_vlaamse_rand=True).count() == 19
    assert Municipality.objects.filter(facility_municipality=True).count() == 6


def test_wies_designation_in_halle_vilvoorde():
    assert Municipality.objects.get(name_nl="Wemmel").wies_status == WiesStatus.YES
    assert Municipality.objects.get(name_nl="Halle").wies_status == WiesStatus.NO
    assert Municipality.objects.filter(arrondissement="Halle-Vilvoorde", wies_status=WiesStatus.YES).count() == 26


def test_municipality_queryset_for_funding_lines_follows_mergers():
    gooik = Municipality.objects.get(name_nl="Gooik")
    lines = set(FundingLine.objects.for_municipality(gooik).values_list("id", flat=True))
    assert "subsidie-taalstimulering-nederlands" in lines


def test_every_entry_has_a_source_and_only_the_printed_guide_goes_without_a_check_date():
    for entry in [*FundingLine.objects.all(), *Partner.objects.all()]:
        assert entry.sources.exists(), entry.id
        for source in entry.sources.all():
            # Reading the 2024 guide in 2026 is no check at the source: it carries no verified_on.
            assert bool(source.verified_on) == (source.key != "gids"), (entry.id, source.key)
