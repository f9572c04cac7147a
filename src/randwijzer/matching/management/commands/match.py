import json

from django.core.management.base import BaseCommand, CommandError

from randwijzer.catalogue import limits
from randwijzer.text.normalize import printable
from randwijzer.matching import wording
from randwijzer.matching.serializers import match_to_dict
from randwijzer.matching.service import GROUPS, FundingMatch, MatchInputError, MatchResult, match_project

PARTNERS_SHOWN = 5


class Command(BaseCommand):
    help = "Zoek steunmaatregelen en partners voor een projectidee, met een oordeel en redenen per steunmaatregel."

    def add_arguments(self, parser):
        parser.add_argument("text", nargs="*", help="het projectidee in eigen woorden")
        parser.add_argument("--municipality", default="", help="gemeente, deelgemeente, postcode of NIS-code (leeg: uit de tekst)")
        parser.add_argument("--applicant-type", dest="applicant_type", default="", help="type aanvrager, id of naam (leeg: uit de tekst)")
        parser.add_argument("--date", help="peildatum JJJJ-MM-DD (standaard vandaag)")
        parser.add_argument("--start", help="start van het project of de activiteit, JJJJ-MM-DD")
        parser.add_argument("--end", help="einde van het project, JJJJ-MM-DD")
        parser.add_argument("--cost", help="geraamde kostprijs in hele euro")
        parser.add_argument("--json", action="store_true", help="uitvoer als JSON, zoals de API")

    def handle(self, *args, text: list[str], municipality, applicant_type, json: bool, **options):
        days = {name: _day(name, options[name]) for name in ("date", "start", "end")}
        try:
            result = match_project(
                " ".join(text), printable(municipality), printable(applicant_type),
                reference=days["date"], start=days["start"], end=days["end"], cost=_cost(options["cost"]),
            )
        except MatchInputError as exc:
            raise CommandError(_with_suggestions(exc), returncode=2) from None
        self.stdout.write(_json(result) if json else "\n".join(human(result)))


def _with_suggestions(exc: MatchInputError) -> str:
    if exc.suggestions and "Bedoelde u" not in exc.message:
        return f"{exc.message} Bedoelde u: {', '.join(exc.suggestions)}?"
    return exc.message


def _day(name: str, value: str | None):
    if value is None:
        return None
    try:
        return limits.parse_day(value)
    except ValueError as exc:
        raise CommandError(f"Ongeldige datum voor --{name} '{printable(value)[:40]}': {exc}.", returncode=2) from None


def _cost(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return limits.parse_whole_euros(value)
    except ValueError as exc:
        raise CommandError(f"Ongeldige kostprijs voor --cost '{printable(value)[:40]}': {exc}.", returncode=2) from None


def _json(result: MatchResult) -> str:
    return json.dumps(match_to_dict(result), ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- Dutch text


def human(result: MatchResult) -> list[str]:
    out = []
    if understood := wording.understood_sentence(result):
        out += [understood, ""]
    for group in GROUPS:
        lines = result.in_group(group)
        heading = wording.GROUP_HEADINGS[group]
        out += [f"{heading} ({len(lines)})" if lines else f"{heading}: geen", *[x for f in lines for x in _line(f)], ""]
    partners = [p for p in result.partners if p.has_reason][:PARTNERS_SHOWN]
    out.append("Partners die kunnen helpen" if partners else "Partners die kunnen helpen: geen")
    out += [f"  {p.name} [{p.id}]: {p.why}" for p in partners]
    if result.notes:
        out += ["", "Opmerkingen", *[f"  - {note}" for note in result.notes]]
    return out


def _line(f: FundingMatch) -> list[str]:
    out = [f"  {f.title} [{f.id}]"]
    if f.group == "off_topic":
        return out
    facts = [wording.money_sentence(f), wording.estimate_sentence(f)]
    if f.group != "not_eligible":
        facts += [wording.apply_by_sentence(f), wording.earliest_start_sentence(f)]
    out += [f"    {fact}" for fact in facts if fact]
    shown = ("fail",) if f.group == "not_eligible" else ("fail", "unknown")
    out += [f"    - {r.explanation}" for r in f.reasons if r.outcome in shown]
    return out
