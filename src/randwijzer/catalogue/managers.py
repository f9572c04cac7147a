"""Queries on the catalogue, kept on the QuerySet so views, API and CLI share them."""
from django.db import models


class FundingLineQuerySet(models.QuerySet):
    def with_theme(self, theme_id: str):
        return self.filter(themes__id=theme_id)

    def for_applicant_type(self, applicant_type_id: str):
        """Lines this applicant type may use, including those where it is still to verify."""
        return self.filter(
            models.Q(applicant_types__id=applicant_type_id) | models.Q(applicant_types_to_verify__id=applicant_type_id)
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
