"""Applicant groups people think in: "een vereniging" is a vzw or a feitelijke vereniging. A group id
filters like an applicant type id and matches any of its members (catalogue page, home page)."""

GROUPS = {
    "vereniging": ("vereniging (vzw of feitelijke vereniging)", ("vzw", "feitelijke-vereniging")),
}


def member_ids(applicant_type_id: str) -> tuple[str, ...]:
    """The applicant type ids a filter value stands for: a group's members, else the id itself."""
    return GROUPS[applicant_type_id][1] if applicant_type_id in GROUPS else (applicant_type_id,)


def group_labels() -> dict[str, str]:
    return {group_id: label for group_id, (label, _) in GROUPS.items()}


def groups_of(type_ids: set[str]) -> set[str]:
    """The groups any of these applicant types belongs to (for the facet counts)."""
    return {group_id for group_id, (_, members) in GROUPS.items() if type_ids & set(members)}
