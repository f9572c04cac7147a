"""Every page type of the site, once: what the accessibility scan visits and the screenshots show.

To add a page type, add a PageType. `optional=True` is for pages of features still being
built: while the server answers 404 there, the scan of that page reports itself as skipped.
`login` names who must be logged in for pages behind a login (conftest.visit logs in first).
`screenshot` names the PNG written to docs/screenshots/ (one per viewport).
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

TAALSTIMULERING = "subsidie-taalstimulering-nederlands"

# A real project, as the guide's readers describe one (eval/cases.yaml: taalcafe-wemmel).
TAALCAFE_TEXT = ("We willen als vzw een taalcafé opstarten in Wemmel waar anderstalige ouders "
                 "elke week Nederlands kunnen oefenen met vrijwilligers.")
TAALCAFE = {
    "text": TAALCAFE_TEXT,
    "municipality": "Wemmel",
    "applicant_type": "vzw",
    "start": "2027-03-01",
    "end": "2027-12-31",
    "cost": "4000",
    "reference": "2026-11-26",
}


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    status: int = 200
    optional: bool = False
    screenshot: str | None = None
    # Where the screenshot should start (a CSS selector scrolled to the top), if not the top of the page.
    scroll_to: str | None = None
    # Pages behind a login: who is logged in ("member" of an organisation with one dossier, or
    # "editor"); the path may name that account's {dossier} and {organisation} (conftest.py: scan_account).
    login: str | None = None


PAGE_TYPES = [
    PageType("home", "/", screenshot="home"),
    PageType("catalogue list", "/catalogus/", screenshot="catalogus"),
    PageType("catalogue list, filtered", "/catalogus/?applicant_type=school&theme=onderwijs"),
    PageType("catalogue list, unknown filter", "/catalogus/?theme=xyz", status=400),
    PageType("funding line", f"/steun/{TAALSTIMULERING}/", screenshot="steunmaatregel"),
    PageType("funding line, onzeker", "/steun/plan-samenleven/"),
    PageType("partner", "/partners/vzw-de-rand/", screenshot="partner"),
    PageType("municipality list", "/gemeenten/"),
    PageType("municipality", "/gemeenten/wemmel/", screenshot="gemeente"),
    PageType("municipality search, not found", "/gemeenten/zoeken?naam=Wemel"),
    PageType("match form", "/match/", screenshot="projectwijzer"),
    PageType("match answer", "/match/?" + urlencode(TAALCAFE), screenshot="projectwijzer-antwoord",
             scroll_to="#antwoord"),
    PageType("match error", "/match/?" + urlencode({"text": "", "municipality": "Atlantis", "applicant_type": "draak",
                                                    "cost": "veel"})),
    PageType("not found (404)", "/bestaat-niet/", status=404),
    # Pages of capabilities other issues are adding; scanned as soon as they exist.
    PageType("deadlines", "/indiendata/", optional=True),
    PageType("flash subscription", "/flash/", optional=True),
    PageType("flash archive", "/flash/archief/", optional=True),
    PageType("wies calculator", "/wies/", optional=True),
    PageType("wies buyer", "/wies/koper/", optional=True),
    PageType("figures", "/cijfers/", optional=True),
    PageType("inspiration", "/inspiratie/", optional=True),
    PageType("plan", "/plan/", optional=True),
    PageType("changes", "/wijzigingen/", optional=True),
    PageType("deel iv (printable guide part)", "/deel-iv/", optional=True),
    PageType("suggestion, general", "/voorstellen/", optional=True),
    PageType("suggestion about a funding line", f"/voorstellen/nieuw/?steun={TAALSTIMULERING}", optional=True),
    PageType("login", "/account/aanmelden/", optional=True),
    PageType("password reset", "/account/wachtwoord/vergeten/", optional=True),
    PageType("about", "/over/"),
    PageType("privacy", "/privacy/"),
    PageType("contact", "/contact/"),
    PageType("accessibility statement", "/toegankelijkheid/"),
    # Behind the login: a member of an organisation (its dossiers, its account, its API keys) ...
    PageType("dossier board", "/dossiers/", login="member"),
    PageType("new dossier", "/dossiers/nieuw/", login="member"),
    PageType("dossier", "/dossiers/{dossier}/", login="member"),
    PageType("dossier status", "/dossiers/{dossier}/status/", login="member"),
    PageType("dossier edit", "/dossiers/{dossier}/bewerken/", login="member"),
    PageType("account", "/account/", login="member"),
    PageType("api keys", "/account/sleutels/", login="member"),
    PageType("organisation members", "/account/organisaties/{organisation}/leden/", login="member"),
    # ... and an editor. Not here: the Django admin itself (its markup is Django's).
    PageType("wies fund ledger (editors)", "/wies/fonds/", login="editor"),
]
