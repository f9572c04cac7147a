"""Reading the date, the cost and the applicant type out of a project description, as users type it."""
import datetime as dt
import random
import time
from pathlib import Path

import pytest
import yaml

from randwijzer.matching.reading import DEFAULT_TYPES, TextReading, read_project_text, reading_summary

REF = dt.date(2026, 12, 1)
D = dt.date


def read(text, reference=REF, **kw) -> TextReading:
    return read_project_text(text, reference, **kw)


def test_the_issue_example():
    got = read("Ons comité organiseert op 11 juli 2027 een volksfeest met optreden en kinderanimatie, "
               "ongeveer 3.000 euro")
    assert (got.start, got.end, got.cost, got.applicant_type) == (D(2027, 7, 11), None, 3000, None)
    assert got.notes == ()


# --- dates ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end", [
    ("We houden ons feest op 11 juli 2027.", D(2027, 7, 11), None),
    ("datum: 11/07/2027", D(2027, 7, 11), None),
    ("Datum 11-07-2027, in de sporthal", D(2027, 7, 11), None),
    ("op 11.7.2027 in het park", D(2027, 7, 11), None),
    ("Het gaat door op 2027-07-11.", D(2027, 7, 11), None),
    ("op 11/07/27", D(2027, 7, 11), None),
    ("Op zondag 11 juli 2027 is er een rommelmarkt", D(2027, 7, 11), None),
    ("Op 11 JULI 2027!", D(2027, 7, 11), None),
    ("op 1 mrt. 2027", D(2027, 3, 1), None),
    ("van 1 maart tot 30 juni 2027", D(2027, 3, 1), D(2027, 6, 30)),
    ("Het project loopt van 1 maart 2027 tot en met 30 juni 2027.", D(2027, 3, 1), D(2027, 6, 30)),
    ("kamp van 1 tot 3 juli 2027", D(2027, 7, 1), D(2027, 7, 3)),
    ("kamp 1-3 juli 2027", D(2027, 7, 1), D(2027, 7, 3)),
    ("vanaf 1 maart 2027 elke woensdag", D(2027, 3, 1), None),
    ("ergens tussen 20 juni en 20 juli 2027", D(2027, 6, 20), D(2027, 7, 20)),
    ("repetities op 3, 10 en 17 juli 2027", D(2027, 7, 3), D(2027, 7, 17)),
    ("op 11 juli en op 18 juli 2027", D(2027, 7, 11), D(2027, 7, 18)),
    ("le 11 juillet 2027 à Wemmel", D(2027, 7, 11), None),
    ("du 1er au 3 juillet 2027", D(2027, 7, 1), D(2027, 7, 3)),
    ("On July 11, 2027 we organise a street party", D(2027, 7, 11), None),
    ("party on 11 July 2027", D(2027, 7, 11), None),
    ("on the 11th of July 2027", D(2027, 7, 11), None),
    ("Een feest op 29 februari 2028", D(2028, 2, 29), None),
    # a day without a year: the next one on or after the reference date
    ("op 11 juli", D(2027, 7, 11), None),
    ("op 5 december", D(2026, 12, 5), None),
    ("op 1 december", D(2026, 12, 1), None),
    ("op 30 november", D(2027, 11, 30), None),
    ("van 1 maart tot 30 juni", D(2027, 3, 1), D(2027, 6, 30)),
    ("van 1 december tot 31 januari", D(2026, 12, 1), D(2027, 1, 31)),
    ("op 29 februari", D(2028, 2, 29), None),
    # several dates within two years: from the earliest to the latest
    ("Start op 1 maart 2027, slotfeest op 30 juni 2027.", D(2027, 3, 1), D(2027, 6, 30)),
    ("slotfeest op 30 juni 2027, start op 1 maart 2027", D(2027, 3, 1), D(2027, 6, 30)),
    # times, ages and hours around a date are not days of it
    ("op 11 juli 2027 om 14.30 uur", D(2027, 7, 11), None),
    ("van 14 tot 18 uur op 11 juli 2027", D(2027, 7, 11), None),
    ("voor kinderen van 6 tot 12 jaar, op 3 juli", D(2027, 7, 3), None),
    ("kamp in de paasvakantie (van 5 tot 9 april 2027)", D(2027, 4, 5), D(2027, 4, 9)),
])
def test_dates_are_read(text, start, end):
    got = read(text)
    assert (got.start, got.end) == (start, end)


@pytest.mark.parametrize("text", [
    "in het najaar", "volgend jaar", "in juni", "in juni 2027", "elke week op woensdag", "in 2027",
    "we zijn met 30 vrijwilligers", "bel 02 456 78 90", "bel 0475/12.34.56", "1780 Wemmel",
    "om 14u30", "om 14.30 uur", "om 14:30", "Kerkstraat 12, 1780 Wemmel", "50% van de kinderen",
    "schooljaar 2026-2027", "versie 1.2.10", "In july 30 children joined", "we may 2 days later",
    "1/1/1/1/1", "2027", "", "   ",
])
def test_no_date_is_guessed(text):
    got = read(text)
    assert (got.start, got.end) == (None, None)


@pytest.mark.parametrize("text", [
    "Indienen voor 1 maart 2027, het feest is in de zomer",
    "deadline: 1 maart 2027",
    "Onze vereniging is opgericht op 3 maart 2026.",
    "We werken al sinds 1 september 2026 aan dit idee",
    "uiterlijk 15 januari 2027 laten weten",
    "ten laatste 15 januari 2027 indienen",
])
def test_a_deadline_or_a_past_date_is_not_the_activity(text):
    assert read(text).start is None


def test_days_without_a_year_stay_together():
    got = read("repetities op 3, 10 en 17 december", reference=D(2026, 12, 5))
    assert (got.start, got.end) == (D(2027, 12, 3), D(2027, 12, 17))


def test_a_datetime_reference_is_taken_as_its_date():
    assert read("op 11 juli", reference=dt.datetime(2026, 12, 1, 15, 30)).start == D(2027, 7, 11)


def test_a_date_that_does_not_exist_gives_a_note():
    got = read("op 31 februari 2027 een quiz")
    assert got.start is None
    assert got.notes == ("31 februari 2027 bestaat niet; die datum is niet gebruikt.",)


def test_a_numeric_date_that_does_not_exist_is_named_in_words():
    got = read("op 31/04/2027")
    assert got.start is None
    assert got.notes == ("31 april 2027 bestaat niet; die datum is niet gebruikt.",)


def test_a_day_without_year_that_never_exists():
    got = read("op 31 juni")
    assert got.start is None
    assert got.notes == ("31 juni bestaat niet; die datum is niet gebruikt.",)


def test_a_range_in_the_wrong_order_is_not_used():
    got = read("van 30 juni tot 1 maart 2027")
    assert (got.start, got.end) == (None, None)
    assert got.notes == ("In '30 juni tot 1 maart 2027' ligt de einddatum voor de begindatum; "
                         "die periode is niet gebruikt.",)


def test_a_year_out_of_range_is_not_used():
    got = read("op 3 maart 2045 houden we een feest")
    assert got.start is None
    assert got.notes == ("3 maart 2045 valt buiten de jaren 2025 tot 2036; die datum is niet gebruikt.",)
    assert read("op 3 maart 2024").start is None
    assert read("op 3 maart 2025").start == D(2025, 3, 3)  # the reference year minus one is still read


def test_dates_years_apart_are_not_used():
    got = read("op 11 juli 2027 en later nog eens op 11 juli 2030")
    assert (got.start, got.end) == (None, None)
    assert "ver uit elkaar" in got.notes[0]


def test_a_choice_between_dates_is_not_used():
    got = read("op 11 of 18 juli 2027")
    assert got.start is None
    assert got.notes == ("De tekst noemt 11 of 18 juli 2027; we weten niet welke datum het wordt, "
                         "dus is die niet gebruikt.",)


def test_a_wrong_weekday_is_noted_but_the_date_is_used():
    got = read("zaterdag 11 juli 2027")  # 11 July 2027 is a Sunday
    assert got.start == D(2027, 7, 11)
    assert got.notes == ("11 juli 2027 is een zondag, geen zaterdag; de datum is wel gebruikt.",)
    assert read("zondag 11 juli 2027").notes == ()


# --- amounts ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cost", [
    ("€ 6.000", 6000), ("€6000", 6000), ("3.000 euro", 3000), ("12 500 EUR", 12500), ("budget 6k", 6000),
    ("6K euro", 6000), ("3000 €", 3000), ("EUR 4.500", 4500), ("3.000,- euro", 3000), ("kost 2,5k", 2500),
    ("€ 1.500,50", 1501), ("€ 1.500,49", 1500), ("€3,000", 3000), ("3 duizend euro", 3000), ("450 euro's", 450),
    ("ongeveer 3.000 euro", 3000), ("een budget van 15.000 euro", 15000), ("Het kost 2.500 euro.", 2500),
    ("De kostprijs bedraagt € 8.250.", 8250), ("totale begroting: 22.000 EUR", 22000),
    ("Het project kost € 6.000 en we vragen 2.000 euro subsidie", 6000),
    ("we vragen 2.000 euro subsidie voor een project van 3.000 euro", 3000),
    ("een budget van 15.000 euro waarvan we 5.000 euro subsidie vragen", 15000),
    ("kosten: zaal 500 euro, catering 1.000 euro, totaal 1.500 euro", 1500),
    ("inkom 5 euro, budget 3.000 euro", 3000),
    ("tickets aan 10 euro per persoon; de kosten zijn 4.000 euro", 4000),
    ("we verwachten 30 deelnemers en 120 kinderen, de kost is 1.200 euro", 1200),
    ("op 11 juli 2027 € 3.000", 3000),
    ("Feest in 1780 Wemmel, kostprijs 2.400 euro, bel 02 456 78 90", 2400),
    ("50% van de 3.000 euro", 3000),
    ("Totaal: € 5.400 (zaal € 1.200, muziek € 2.000, catering € 2.200)", 5400),
    ("Budget: 3.000 euro. Inkom: 5 euro.", 3000),
    ("het project kost 4.000 euro, waarvan 2.000 euro eigen inbreng", 4000),
    ("11 juli 2027 - 3.000 euro", 3000),
    ("30 - 40 deelnemers, 3.000 euro", 3000),
])
def test_the_cost_is_read(text, cost):
    assert read(text).cost == cost


@pytest.mark.parametrize("text", [
    "we zijn met 30 vrijwilligers", "bel 02 456 78 90", "1780 Wemmel", "om 14u30", "in 2027", "50%",
    "30 europese jongeren", "huisnummer 3000", "5k loop door het dorp", "6 km wandelen", "6k", "een 10k-run",
    "we vragen 2.000 euro subsidie", "inkom 5 euro", "10 euro per uur", "We hopen op 2.500 euro steun",
    "het is kosteloos, inkom 3 euro",
])
def test_no_cost_is_guessed(text):
    assert read(text).cost is None


@pytest.mark.parametrize("text, note", [
    ("€ 1e30", "€ 1e30 kunnen we niet als bedrag lezen; het is niet gebruikt."),
    ("-5 euro", "-5 euro is een negatief bedrag; dat bedrag is niet gebruikt."),
    ("het kost € 0", "€ 0 is geen kostprijs; dat bedrag is niet gebruikt."),
    ("€ 2.000.000.000", "€ 2.000.000.000 is onwaarschijnlijk hoog voor een project; dat bedrag is niet gebruikt."),
    ("we vragen 2.000 euro subsidie", "2.000 euro lijkt het bedrag dat u vraagt, niet de kostprijs van het project; "
                                      "het is niet als kostprijs gebruikt."),
    ("het kost 2.000 à 3.000 euro", "Het bedrag staat als een marge (2.000 à 3.000 euro); vul de kostprijs zelf in."),
    ("tussen 2.000 en 3.000 euro", "Het bedrag staat als een marge (2.000 en 3.000 euro); vul de kostprijs zelf in."),
    ("zaal 500 euro en catering 1.000 euro", "De tekst noemt meerdere bedragen (€ 500 en € 1.000); "
                                             "vul de kostprijs zelf in."),
])
def test_an_amount_not_used_gives_a_note(text, note):
    got = read(text)
    assert got.cost is None
    assert got.notes == (note,)


def test_the_largest_plausible_amount_is_still_read():
    assert read("€ 1.000.000.000").cost == 1_000_000_000
    assert read("€ 1.000.000.001").cost is None


def test_a_dash_between_two_amounts_is_a_range_not_a_negative_amount():
    got = read("€ 2.000 - € 3.000")
    assert got.cost is None
    assert "negatief" not in " ".join(got.notes)


# --- applicant type ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Als vzw organiseren we een taalcafé", "vzw"),
    ("Onze vzw wil een speelpleinwerking starten", "vzw"),
    ("Vzw De Rand organiseert een zomerfeest", "vzw"),
    ("Wij zijn een kleine vzw uit Wemmel", "vzw"),
    ("Ik ben voorzitter van een vzw die huiswerkbegeleiding geeft", "vzw"),
    ("Notre asbl organise un café des langues", "vzw"),
    ("Wij zijn een feitelijke vereniging van buren", "feitelijke-vereniging"),
    ("Onze vereniging (zonder vzw) houdt een buurtbarbecue", "feitelijke-vereniging"),
    ("Onze school wil een voorleesproject starten", "school"),
    ("De basisschool organiseert een schoolfeest", "school"),
    ("De lagere school wil een moestuin aanleggen", "school"),
    ("Onze scholengemeenschap plant een taalweek", "school"),
    ("Op 11 juli organiseert de school een feest", "school"),
    ("De gemeente wil een Nederlandstalig praatcafé opzetten", "lokaal-bestuur"),
    ("Ons gemeentebestuur plant een nieuw jeugdhuis", "lokaal-bestuur"),
    ("Het OCMW organiseert een taalcursus voor nieuwkomers", "lokaal-bestuur"),
    ("Als schepen van cultuur wil ik een festival", "lokaal-bestuur"),
    ("De gemeente Linkebeek wil een bibliotheekfiliaal", "lokaal-bestuur"),
    ("Ons bedrijf wil een taalcursus voor de werknemers", "andere-organisatie"),
    ("Onze stichting steunt lokale kunstenaars", "andere-organisatie"),
])
def test_the_applicant_type_is_read_when_clear(text, kind):
    assert read(text).applicant_type == kind


@pytest.mark.parametrize("text", [
    "De school en de gemeente werken samen aan een project",
    "In de gemeente Wemmel organiseren we een feest",
    "In onze gemeente is er nood aan een speelplein",
    "Ons comité organiseert een volksfeest",
    "Onze vereniging organiseert een quiz",
    "We organiseren huiswerkbegeleiding voor leerlingen van de basisschool",
    "Onze vzw werkt samen met onze school",
    "Basisschool De Linde organiseert samen met vzw Kras een feest",
    "Als de school dicht is, spelen de kinderen op het plein",
    "We zijn geen vzw",
    "Een lokaal bedrijf sponsort de drank",
    "",
])
def test_no_applicant_type_is_guessed(text):
    assert read(text).applicant_type is None


def test_only_known_applicant_types_are_returned():
    assert read("Onze vzw organiseert", applicant_types=("school", "lokaal-bestuur")).applicant_type is None
    assert read("Onze vzw organiseert", applicant_types=["vzw"]).applicant_type == "vzw"


def test_default_types_are_the_catalogue_applicant_types():
    path = Path(__file__).resolve().parents[2] / "data" / "catalogue" / "vocabularies.yaml"
    ids = [item["id"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))["applicant_types"]]
    assert sorted(DEFAULT_TYPES) == sorted(ids)


# --- realistic descriptions -------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end, cost, kind", [
    ("Onze jeugdbeweging (Chiro Sint-Jan) plant een kamp van 21 tot 31 juli 2027 voor 80 kinderen. "
     "Totale kost: ca. 15.000 €.", D(2027, 7, 21), D(2027, 7, 31), 15000, None),
    ("De VZW Buurtwerk organiseert op 12/06/2027 een buurtfeest. Budget ong. € 2500. We vragen 1250 euro.",
     D(2027, 6, 12), None, 2500, "vzw"),
    ("Notre école organise une fête le 20 juin 2027, coût total 4.000 €.", D(2027, 6, 20), None, 4000, "school"),
    ("Our sports club wants to organise a Dutch course, 10 sessions starting 15 September 2027, cost 1,800 EUR.",
     D(2027, 9, 15), None, 1800, None),
    ("we zijn een feitelijke vereniging en willen op 5 mei een rommelmarkt organiseren kostprijs 800 euro",
     D(2027, 5, 5), None, 800, "feitelijke-vereniging"),
    ("Gemeente Kraainem wil in 2027 een nieuw speelplein aanleggen van 250.000 euro", None, None, 250000,
     "lokaal-bestuur"),
    ("Het project start 1/9/2027 en loopt 2 jaar. Begroting: 45 000 euro, waarvan 50% subsidie.",
     D(2027, 9, 1), None, 45000, None),
    ("Wij organiseren een zomerkamp voor kinderen van 6-12 jaar, van maandag 12 tot vrijdag 16 juli 2027.",
     D(2027, 7, 12), D(2027, 7, 16), None, None),
    ("Inschrijving 50 euro per kind, 40 kinderen, totaalbudget 6.500 euro", None, None, 6500, None),
    ("Tel. 0476 12 34 56 - Kerkstraat 15 - 1780 Wemmel - BE0123.456.789", None, None, None, None),
    ("Datum: zo 11/07/2027 van 10u tot 18u", D(2027, 7, 11), None, None, None),
    ("De schepen van jeugd komt het feest openen. Onze vzw zorgt voor alles.", None, None, None, "vzw"),
    ("Ik ben directeur van een basisschool in Zaventem en wil een taalproject", None, None, None, "school"),
    ("Onze voetbalclub wil een taalproject voor jonge spelers, budget 3k", None, None, 3000, None),
    ("Het OCMW en de gemeente willen samen een sociaal restaurant", None, None, None, None),
    ("Project van 01.03.2027 tot 31.12.2027, kost 12.000,00 EUR", D(2027, 3, 1), D(2027, 12, 31), 12000, None),
    ("Fête de la musique le 21 juin, budget 1 500 €", D(2027, 6, 21), None, 1500, None),
    ("Cost: EUR 7,500.00; start date March 1st, 2027", D(2027, 3, 1), None, 7500, None),
    ("van 10 t.e.m. 14 juli 2027", D(2027, 7, 10), D(2027, 7, 14), None, None),
    ("van 3 tot 5 juni en van 10 tot 12 juni 2027", D(2027, 6, 3), D(2027, 6, 12), None, None),
    ("Open dag zaterdag 2 oktober 2027 van 10 tot 17u", D(2027, 10, 2), None, None, None),
    ("Het kost 2.500 euro (excl. btw), 3.025 euro incl. btw.", None, None, None, None),
    ("De huur van de tent kost 800 euro, de muziek 1.200 euro en het eten 1.000 euro.", None, None, None, None),
    ("Basisschool 't Klavertje uit Wemmel organiseert een sportdag", None, None, None, "school"),
    ("De koers (5k) gaat door op 10 juni 2027", D(2027, 6, 10), None, None, None),
    ("ons budget bedraagt 5 000 EUR en de inkom kost 3 euro", None, None, 5000, None),
    ("We hebben 1.000 euro eigen middelen en zoeken nog 2.000 euro.", None, None, None, None),
    ("Voor 1 maart 2027 moeten we de zaal reserveren, het feest is op 10 juli 2027.", D(2027, 7, 10), None, None,
     None),
])
def test_realistic_descriptions(text, start, end, cost, kind):
    got = read(text)
    assert (got.start, got.end, got.cost, got.applicant_type) == (start, end, cost, kind)


def test_a_past_edition_beside_this_years_date_is_not_used():
    got = read("Het feest ging vorig jaar door op 8 juli 2025 en was een groot succes. Dit jaar op 7 juli 2027.")
    assert (got.start, got.end) == (D(2027, 7, 7), None)
    assert got.notes == ("8 juli 2025 ligt voor 1 december 2026; die datum is niet gebruikt.",)
    assert read("Het project liep van 1 november 2026 tot 30 juni 2027").start == D(2026, 11, 1)


def test_a_long_description_with_typos():
    text = ("Hallo, wij zijn een feitelijke verenging... sorry, een feitelijke vereniging uit Zaventem. "
            "We willen op zaterdag 10 juli 2027 een buurtfeest houden, van 14.30 uur tot 22 uur, met "
            "een springkasteel en muziek. We verwachten 200 bezoekers. De kostprijs schatten we op "
            "ongeveer 4.500 euro; we vragen 3.000 euro subsidie. Contact: 02 456 78 90.")
    got = read(text)
    assert (got.start, got.end, got.cost, got.applicant_type) == (D(2027, 7, 10), None, 4500, "feitelijke-vereniging")


def test_a_short_mixed_language_description():
    got = read("Fête de quartier le 11 juillet 2027, budget 6k, notre asbl organise")
    assert (got.start, got.cost, got.applicant_type) == (D(2027, 7, 11), 6000, "vzw")


def test_an_english_description():
    got = read("Our school is organising a language week from 1 to 5 March 2027, total cost €2,500.")
    assert (got.start, got.end, got.cost, got.applicant_type) == (D(2027, 3, 1), D(2027, 3, 5), 2500, "school")


def test_a_municipal_project_over_months():
    got = read("Het lokaal bestuur van Dilbeek wil van september tot december een taalcafé; "
               "de begroting is 12 500 EUR.")
    assert (got.start, got.end, got.cost, got.applicant_type) == (None, None, 12500, "lokaal-bestuur")


# --- robustness -------------------------------------------------------------------------------------

ADVERSARIAL = {
    "digits": "1" * 50_000,
    "slashes": "1/" * 25_000,
    "dots": "1." * 25_000,
    "dashes": "1-" * 25_000,
    "spaced digits": "1 " * 25_000,
    "euro signs": "€ " * 25_000,
    "euro and digits": "€" + "9" * 49_999,
    "letters": "a" * 50_000,
    "nouns": "vzw " * 12_500,
    "dates": "11 juli 2027 " * 3_800,
    "day lists": "1 en " * 10_000,
    "amounts": "1 000 euro " * 4_500,
    "controls": "\x00\ud800\u202e\u200f" * 12_500,
    "prose": ("Onze vzw organiseert op zondag 11 juli 2027 een buurtfeest in Wemmel met muziek en een praatcafé; "
              "het budget is ongeveer 3.000 euro. " * 400)[:50_000],
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_long_adversarial_text_is_read_in_linear_time(name):
    text = ADVERSARIAL[name]
    read(text)  # warm the character tables
    began = time.process_time()  # CPU time: other work on the shared test machine does not count
    got = read(text)
    elapsed = time.process_time() - began
    assert isinstance(got, TextReading)
    # Catastrophic backtracking would take minutes; the shared test machine is slow, hence the margin.
    assert elapsed < 0.5, f"{name}: {elapsed:.3f}s"


def test_fifty_thousand_characters_of_prose_well_under_100_ms():
    text = ADVERSARIAL["prose"]
    read(text)
    best = min(_timed(text) for _ in range(5))  # CPU time, the best of five: the test machine is shared
    assert best < 0.1, f"{best:.3f}s"
    got = read(text)
    assert (got.start, got.cost, got.applicant_type) == (D(2027, 7, 11), 3000, "vzw")


def _timed(text):
    began = time.process_time()
    read(text)
    return time.process_time() - began


def test_nul_lone_surrogates_and_direction_marks_do_not_break_reading():
    got = read("Onze\x00 vzw\u200f organiseert op \u202e11 juli 2027\ud800, kost\u00a0€\u00a03.000\udfff")
    assert (got.start, got.cost, got.applicant_type) == (D(2027, 7, 11), 3000, "vzw")


def test_random_fragments_never_break_the_reading():
    pieces = ["1", "12", "2027", "31", "/", ".", "-", ",", " ", "€", "euro", "k", "juli", "februari", "van", "tot",
              "en", "of", "tussen", "vanaf", "zaterdag", "onze", "vzw", "school", "de", "gemeente", "wil", "kost",
              "subsidie", "\x00", "\ud800", "\u202e", "é", "(", ":", "1e30", "à", "per", "totaal", "29", "00"]
    rng = random.Random(7)
    for _ in range(3000):
        got = read("".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))))
        assert got.end is None or (got.start is not None and got.start < got.end)
        assert got.cost is None or 0 < got.cost <= 100_000_000
        assert got.applicant_type in (None, *DEFAULT_TYPES)
        assert reading_summary({"start": got.start, "end": got.end, "cost": got.cost}) is not None


def test_none_and_odd_unicode_give_an_empty_reading():
    assert read(None) == TextReading(None, None, None, None, ())
    assert read("ﬁnanciering ½ ß İstanbul 𝟙𝟙 juli").cost is None


# --- summary ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("parts, sentence", [
    ({"start": D(2027, 7, 11), "cost": 3000}, "We lazen: activiteit op 11 juli 2027, kostprijs € 3.000."),
    ({"start": D(2027, 3, 1), "end": D(2027, 6, 30)}, "We lazen: activiteit van 1 maart tot 30 juni 2027."),
    ({"start": D(2027, 7, 1), "end": D(2027, 7, 3)}, "We lazen: activiteit van 1 tot 3 juli 2027."),
    ({"start": D(2026, 12, 1), "end": D(2027, 1, 31)},
     "We lazen: activiteit van 1 december 2026 tot 31 januari 2027."),
    ({"start": D(2027, 7, 11), "end": D(2027, 7, 11)}, "We lazen: activiteit op 11 juli 2027."),
    ({"cost": 1250000}, "We lazen: kostprijs € 1.250.000."),
    ({"municipality": "Linkebeek", "applicant": "een vzw"}, "We lazen: gemeente Linkebeek, aanvrager: een vzw."),
    ({"start": D(2027, 7, 11), "cost": 3000, "municipality": "Linkebeek", "applicant": "het lokaal bestuur"},
     "We lazen: activiteit op 11 juli 2027, kostprijs € 3.000, gemeente Linkebeek, aanvrager: het lokaal bestuur."),
    ({"start": None, "cost": None}, ""),
    ({}, ""),
])
def test_reading_summary(parts, sentence):
    assert reading_summary(parts) == sentence


def test_summary_of_a_reading():
    got = read("Ons comité organiseert op 11 juli 2027 een volksfeest, ongeveer 3.000 euro")
    assert reading_summary({"start": got.start, "end": got.end, "cost": got.cost}) == (
        "We lazen: activiteit op 11 juli 2027, kostprijs € 3.000.")


def test_the_text_reader_refuses_amounts_above_the_one_limit_of_every_amount():
    from randwijzer.catalogue.limits import MAX_AMOUNT
    from randwijzer.text.amounts_in_text import MAX_COST

    assert MAX_COST == MAX_AMOUNT
