"""Every catalogue row as plain data, to compare the database before and after a round trip."""
from randwijzer.catalogue import models as m

MODELS = [
    m.Theme, m.ApplicantType, m.Municipality, m.Territory, m.Partner, m.Service, m.FundingLine, m.Source,
    m.YearlyDeadline, m.CallRound, m.Condition, m.ApplicationLimit, m.FundedExample, m.Figure, m.FigurePoint,
]
# Bookkeeping, not content: when a row was saved, and the surrogate ids of child rows
# (a child is known by its owner and its position).
SKIPPED = {"updated_at", "id", "figure_id"}


def table_dump() -> dict[str, list]:
    dump = {}
    for model in MODELS:
        fields = [f.attname for f in model._meta.concrete_fields if f.attname not in SKIPPED]
        m2m = [f.name for f in model._meta.many_to_many]
        rows = []
        for obj in model.objects.all():
            row = {name: getattr(obj, name) for name in fields}
            if model is m.FigurePoint:
                row["figure"] = (obj.figure.funding_line_id, obj.figure.position)
            for name in m2m:
                row[name] = sorted(str(pk) for pk in getattr(obj, name).values_list("pk", flat=True))
            rows.append(row)
        dump[model.__name__] = sorted(rows, key=repr)
    return dump
