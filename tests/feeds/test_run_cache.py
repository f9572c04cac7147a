"""The import's per-run memo (feeds/runcache.py) never outlives a rollback (issue 13, Scale).

The first record of a page creates the territory and the administrator the others share. If that
record then fails, its savepoint takes them away again: the next record must create them itself,
not believe the memo that they exist (its line would point at a territory that is not there).
"""
from django.db import IntegrityError

from randwijzer.catalogue.models import FundingLine, Partner, Territory
from randwijzer.feeds import sync
from tests.feeds.fixtures import local_government_concept, page


def test_a_record_that_rolls_back_after_creating_the_territory_leaves_the_next_to_create_it(
        run_import, tmp_path, monkeypatch):
    assert not Territory.objects.filter(id__startswith="feed-").exists()
    real_write_source, calls = sync._write_source, []

    def first_one_fails(*args, **kwargs):  # after the territory and the partner were created
        calls.append(args)
        if len(calls) == 1:
            raise IntegrityError("de eerste bron botst")
        return real_write_source(*args, **kwargs)

    monkeypatch.setattr(sync, "_write_source", first_one_fails)
    path = tmp_path / "two.nt"
    path.write_text(page([local_government_concept(1), local_government_concept(2)], [],
                         "two products with the same area from the IPDC concept sample"), encoding="utf-8")

    report = run_import("ipdc", path)

    assert report.counts["overgeslagen"] == 1 and report.counts["nieuw"] == 1, report.lines
    line = FundingLine.objects.get(feed_source="ipdc")
    territory = Territory.objects.filter(pk=line.territory_id).first()
    assert territory is not None, f"the line points at {line.territory_id}, which does not exist"
    assert territory.municipalities.exists()  # made whole again by the second record
    assert Partner.objects.filter(pk=line.administrator_id).exists()


def same_title(n: int, as_n: int) -> str:
    """Derived from the IPDC concept sample: product `n` with the title of product `as_n`."""
    return local_government_concept(n).replace(f"nationaliteit {n} - nl", f"nationaliteit {as_n} - nl")


def test_a_curated_line_linked_by_one_record_is_not_linked_again_by_the_next_of_the_run(run_import, tmp_path):
    first = tmp_path / "first.nt"
    first.write_text(page([local_government_concept(1)], [], "one product from the IPDC concept sample"), encoding="utf-8")
    run_import("ipdc", first)
    curated = FundingLine.objects.get(feed_source="ipdc")
    FundingLine.objects.filter(pk=curated.pk).update(feed_source="redactie", feed_iri="")  # as an editor's own line
    path = tmp_path / "two.nt"
    path.write_text(page([local_government_concept(1), same_title(2, 1)], [],
                         "two products with the curated line's title from the IPDC concept sample"), encoding="utf-8")

    report = run_import("ipdc", path)

    assert (report.counts["gekoppeld"], report.counts["nieuw"]) == (1, 1), report.lines
    lines = FundingLine.objects.filter(title=curated.title)
    assert len({line.feed_iri for line in lines}) == 2, "each product has its own line"
    new = lines.exclude(pk=curated.pk).get()
    assert new.id.startswith(f"{curated.id}-"), "the taken id gets the product's hash"


def test_two_new_products_with_one_title_in_a_run_get_two_ids(run_import, tmp_path):
    path = tmp_path / "two.nt"
    path.write_text(page([local_government_concept(1), same_title(2, 1)], [],
                         "two products with one title from the IPDC concept sample"), encoding="utf-8")

    report = run_import("ipdc", path)

    assert report.counts["nieuw"] == 2, report.lines
    ids = sorted(FundingLine.objects.filter(feed_source="ipdc").values_list("id", flat=True))
    assert ids[0] == "akte-van-belgische-nationaliteit-1-nl" and ids[1].startswith(f"{ids[0]}-"), ids


def test_a_curated_line_an_editor_adds_or_deletes_during_a_walk_is_seen_on_the_next_page(db, tmp_path):
    # A walk fetches pages for minutes; the curated titles are read per page, not once per run.
    from randwijzer.feeds import importing
    from tests.feeds.conftest import TODAY

    second, third, first = tmp_path / "p2.nt", tmp_path / "p3.nt", tmp_path / "p1.nt"
    first.write_text(page([local_government_concept(1)], [second.as_uri()]), encoding="utf-8")
    def titled(n, title):
        return local_government_concept(n).replace(f'"Akte van Belgische nationaliteit {n} - nl"@nl', f'"{title}"@nl')

    second.write_text(page([titled(2, "Lokaal buurtfonds")], [third.as_uri()]), encoding="utf-8")
    third.write_text(page([titled(3, "Lokaal pleinfonds")]), encoding="utf-8")
    template = FundingLine.objects.exclude(feed_source="ipdc").first()

    def editor_between_pages(text):
        if text.startswith("pagina 2"):  # an editor adds a curated line with the title on page 2 ...
            FundingLine.objects.create(id="buurtfonds", title="Lokaal buurtfonds", summary="Door de redactie.",
                                       administrator_id=template.administrator_id, territory_id=template.territory_id,
                                       verified_on=TODAY)
            FundingLine.objects.create(id="pleinfonds", title="Lokaal pleinfonds", summary="Door de redactie.",
                                       administrator_id=template.administrator_id, territory_id=template.territory_id,
                                       verified_on=TODAY)
        if text.startswith("pagina 3"):  # ... and deletes the one whose title is on page 3
            FundingLine.objects.filter(id="pleinfonds").delete()

    report = importing.run("ipdc", str(first), on=TODAY, progress=editor_between_pages)
    assert not report.stopped, report.lines
    assert FundingLine.objects.get(id="buurtfonds").feed_iri  # linked, not added twice
    assert FundingLine.objects.filter(title="Lokaal buurtfonds").count() == 1
    assert FundingLine.objects.filter(title="Lokaal pleinfonds", feed_source="ipdc").count() == 1
