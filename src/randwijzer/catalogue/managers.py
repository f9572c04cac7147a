"""Queries on the catalogue, kept on the QuerySet so views, API and CLI share them."""
import datetime as dt

from django.db import models
from django.utils import timezone

from .audiences import member_ids


class FundingLineQuerySet(models.QuerySet):
    def with_theme(self, theme_id: str):
        return self.filter(themes__id=theme_id)

    def for_applicant_type(self, applicant_type_id: str):
        """Lines this applicant type (or group, catalogue.audiences) may use, including those where it is
        still to verify."""
        ids = member_ids(applicant_type_id)
        return self.filter(
            models.Q(applicant_types__id__in=ids) | models.Q(applicant_types_to_verify__id__in=ids)
        ).distinct()

    def for_municipality(self, municipality):
        """Lines whose territory includes the municipality (or what it merged into)."""
        target = municipality.merged_into or municipality
        return self.filter(territory__municipalities=target)

    def with_status(self, status: str):
        return self.filter(status=status)

    def with_details(self):
        return self.select_related("administrator", "territory").prefetch_related(
            "themes", "applicant_types", "applicant_types_to_verify", "related_partners", "sources",
            "yearlydeadlines", "callrounds", "conditions", "applicationlimits", "fundedexamples__municipality",
            "figures__points",
        )

    # ---------------------------------------------------------------- deadlines

    def open_on(self, date: dt.date):
        """Lines one can apply to on `date`, per submission mode.

        A line that is `afgesloten` is never open; `onzeker` lines are (their doubt is shown
        wherever they are listed). Then:

        - `continuous`: open every day. A lead time (apply N months before the activity or
          the start) or an activity window limits which projects are in time, not whether
          one can apply today: an activity next year is always far enough ahead.
        - `rounds`: open when the line has at least one yearly deadline: those return every
          year, so the next round is always ahead and one can submit for it today.
        - `call`: open only while a call accepts applications: it closes on or after `date`
          and opened on or before it (a call without an opening date is taken to be open
          until it closes). A call announced for later is not open yet.
        - `unknown`: not open: no moment to apply is known (the page says whom to ask).
        """
        from .models import CallRound, Status, SubmissionMode, YearlyDeadline

        running_call = CallRound.objects.filter(funding_line=models.OuterRef("pk"), closes_on__gte=date).filter(
            models.Q(opens_on__isnull=True) | models.Q(opens_on__lte=date)
        )
        has_rounds = YearlyDeadline.objects.filter(funding_line=models.OuterRef("pk"))
        return self.exclude(status=Status.AFGESLOTEN).filter(
            models.Q(submission_mode=SubmissionMode.CONTINUOUS)
            | models.Q(submission_mode=SubmissionMode.ROUNDS) & models.Exists(has_rounds)
            | models.Q(submission_mode=SubmissionMode.CALL) & models.Exists(running_call)
        )

    def closing_within(self, days: int, today: dt.date | None = None):
        """Lines (not `afgesloten`) with a deadline from `today` up to `today + days`, both included.

        Deadlines are the yearly rounds, the closing days of calls and the dates that follow
        from a lead time before an activity window (see timing.lead_time_deadlines_between).
        Yearly dates are expanded in Python (across New Year, 29 February), hence the id list.
        """
        from . import timing
        from .models import Status

        if days < 0:
            raise ValueError("days must be 0 or more")
        today = today or timezone.localdate()
        end = today + dt.timedelta(days=days)
        lines = self.exclude(status=Status.AFGESLOTEN).with_details()
        found = timing.deadlines_between(lines, today, end) + timing.lead_time_deadlines_between(lines, today, end)
        return self.filter(pk__in={d.line.pk for d in found})
