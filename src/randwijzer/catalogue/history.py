"""The catalogue's history (django-simple-history): one record per changed row per edit.

An edit writes several rows: a funding line, its many-to-many fields, then its deadlines,
sources and other facts. Inside `history_moment(...)` (a YAML load, an admin save, a
restore, "vandaag geverifieerd") the records are not written on every save but once per
row when the edit ends, all with the same `history_date`, reason and user, and only for
rows that really changed. So:

- "the line as it was after that edit" is everything recorded up to that moment
  (randwijzer.editorial.restore relies on it);
- a load or a save that changes nothing adds nothing to the history;
- a load writes one record per changed row instead of one per save and per many-to-many
  call (the first load of the catalogue went from about 2.8 s to under 1 s).

Outside a moment (the shell, a test) simple-history records every save as usual.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone
from simple_history.manager import HistoryDescriptor
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_m2m_records, pre_create_historical_m2m_records

REASON_LOAD = "Geladen uit de catalogus (YAML)"
# The foreign keys through which a row belongs to an entry (a figure's points: through the figure).
OWNER_FIELDS = ("funding_line", "partner", "figure")


@dataclass
class Moment:
    at: object  # an aware datetime
    reason: str
    user: object = None  # the editor; by default the request's user (HistoryRequestMiddleware)
    # (model, pk) -> [history descriptor, instance, history type, many-to-many changed]
    pending: dict = field(default_factory=dict)
    written: int = 0  # history records written when the moment ended


_current: ContextVar[Moment | None] = ContextVar("catalogue_history_moment", default=None)


@contextmanager
def history_moment(reason: str, user=None, at=None):
    """Group the history records of one edit; they are written when the block ends without error.

    Run it inside the edit's transaction: the records then commit or roll back with the edit.
    """
    outer = _current.get()
    if outer is not None:  # already inside an edit: it is part of that one
        yield outer
        return
    moment = Moment(at or timezone.now(), reason[:100], user)
    token = _current.set(moment)
    try:
        yield moment
        _write_pending(moment)
    finally:
        _current.reset(token)


def _write_pending(moment: Moment) -> None:
    pending, moment.pending = moment.pending, {}
    changed = [key for key, (history, instance, history_type, m2m_changed) in pending.items()
               if history_type == "+" or m2m_changed or not _same_as_last_record(history, instance)]
    # An entry whose deadline or source changed gets a record too, even if its own row did not:
    # its history page lists the edit, and restoring "before the edit" finds a version to pick.
    owners = {_owner_key(pending[key][1]) for key in changed}
    for key, (history, instance, history_type, _) in pending.items():
        if key in changed or key in owners:
            history.create_historical_record(instance, history_type)
            moment.written += 1


def _owner_key(instance):
    for name in OWNER_FIELDS:
        owner = getattr(instance, name, None) if getattr(instance, f"{name}_id", None) else None
        if owner is not None:
            return _owner_key(owner) if name == "figure" else (type(owner), owner.pk)
    return None


def _same_as_last_record(history: HistoricalRecords, instance) -> bool:
    last = getattr(instance, history.manager_name).order_by("-history_date", "-history_id").first()
    if last is None or last.history_type == "-":
        return False
    # auto_now timestamps change on every save; they are not a change of a fact.
    return all(getattr(last, f.attname) == getattr(instance, f.attname)
               for f in history.fields_included(instance) if not getattr(f, "auto_now", False))


def _enabled() -> bool:
    return getattr(settings, "SIMPLE_HISTORY_ENABLED", True)


class _HistoryDescriptor(HistoryDescriptor):
    """simple-history's `Model.history`, with its manager class built once instead of on every access
    (building it inspects the queryset class: a tenth of an imported line's time went there)."""

    def __get__(self, instance, owner):
        manager = self.__dict__.get("_manager")
        if manager is None:
            manager = self._manager = self.manager_class.from_queryset(self.queryset_class)
        return manager(self.model, instance)


class CatalogueHistory(HistoricalRecords):
    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        descriptor = sender.__dict__.get(self.manager_name)
        if type(descriptor) is HistoryDescriptor:
            setattr(sender, self.manager_name, _HistoryDescriptor(
                descriptor.model, manager=descriptor.manager_class, queryset=descriptor.queryset_class))

    def post_save(self, instance, created, using=None, **kwargs):
        if kwargs.get("raw"):
            # Fixture or backup restore: the history rows come with the data. Its many-to-many
            # values are set right after on this same object; they are no edit either.
            instance._history_raw_load = True
        moment = _current.get() if _enabled() else None
        if moment is None or kwargs.get("raw") or hasattr(instance, "skip_history_when_saving"):
            return super().post_save(instance, created, using=using, **kwargs)
        key = (type(instance), instance.pk)
        earlier = moment.pending.get(key)
        history_type = "+" if created or (earlier and earlier[2] == "+") else "~"
        moment.pending[key] = [self, instance, history_type, bool(earlier and earlier[3])]

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if getattr(instance, "_history_raw_load", False):
            return None
        moment = _current.get() if _enabled() else None
        if moment is None:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        if reverse:  # changed from the other side (theme.funding_lines.add(...)): not used by the catalogue
            return None
        if action in ("post_add", "post_remove", "post_clear") and (pk_set or action == "post_clear"):
            key = (type(instance), instance.pk)
            earlier = moment.pending.get(key)
            moment.pending[key] = [self, instance, earlier[2] if earlier else "~", True]

    def post_delete(self, instance, using=None, **kwargs):
        moment = _current.get()
        if moment is not None:
            moment.pending.pop((type(instance), instance.pk), None)
        return super().post_delete(instance, using=using, **kwargs)

    def create_historical_record(self, instance, history_type, using=None):
        moment = _current.get()
        pinned = moment is not None and not hasattr(instance, "_history_date")
        if pinned:
            instance._history_date = moment.at
        try:
            return super().create_historical_record(instance, history_type, using=using)
        finally:
            if pinned:
                del instance._history_date

    def create_historical_record_m2ms(self, history_instance, instance):
        """The rows of each many-to-many field, as simple-history writes them, read as ids alone (its own
        version joins every related row and builds it as an object) and in one query for all fields."""
        fields = list(history_instance._history_m2m_fields)
        for field, rows in zip(fields, _through_rows(fields, instance)):
            m2m_history_model = self.m2m_models[field]
            names = [f.attname for f in field.remote_field.through._meta.fields]
            insert_rows = [m2m_history_model(history=history_instance, **dict(zip(names, row))) for row in rows]
            pre_create_historical_m2m_records.send(sender=m2m_history_model, rows=insert_rows,
                                                   history_instance=history_instance, instance=instance, field=field)
            created_rows = m2m_history_model.objects.bulk_create(insert_rows)
            post_create_historical_m2m_records.send(sender=m2m_history_model, created_rows=created_rows,
                                                    history_instance=history_instance, instance=instance, field=field)

    def get_history_user(self, instance):
        moment = _current.get()
        if moment is not None and moment.user is not None and not hasattr(instance, "_history_user"):
            return moment.user
        return super().get_history_user(instance)

    def get_change_reason_for_object(self, instance, history_type, using):
        reason = super().get_change_reason_for_object(instance, history_type, using)
        moment = _current.get()
        return reason or (moment.reason if moment else None)


def _through_rows(fields, instance) -> list[list[tuple]]:
    """The through-table rows (as tuples of column values) of `instance` for each field, in order.

    One UNION ALL query instead of one per field (a funding line has four, read on every record);
    its SQL is compiled once per model and field list (compiling it took more time than running it:
    a tenth of an imported line). Through tables with different columns are read one by one."""
    if not fields:
        return []
    key = (type(instance), tuple(fields), connection.alias, connection.vendor)
    sql = _UNION_SQL.get(key)
    if sql is None:
        sql = _UNION_SQL[key] = _union_sql(fields, instance)
    if sql is False:
        return [[row[:-1] for row in query] for query in _through_queries(fields, instance)]
    rows = [[] for _ in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, [instance.pk] * len(fields))
        for row in cursor.fetchall():
            rows[row[-1]].append(tuple(row[:-1]))
    return rows


_UNION_SQL: dict = {}


def _through_queries(fields, instance) -> list:
    queries = []
    for number, field in enumerate(fields):
        through = field.remote_field.through
        names = [f.attname for f in through._meta.fields]
        queries.append(through.objects.filter(**{field.m2m_field_name(): instance.pk})
                       .annotate(_field_number=RawSQL(str(number), ())).values_list(*names, "_field_number"))
    return queries


def _union_sql(fields, instance):
    """The UNION ALL query's SQL, its only parameters the instance's key (one per field); False when it
    cannot be one query (different columns, or a parameter that is not the key)."""
    queries = _through_queries(fields, instance)
    if len(queries) < 2 or len({len(q.query.values_select) for q in queries}) > 1:
        return False
    sql, params = queries[0].union(*queries[1:], all=True).query.sql_with_params()
    return sql if list(params) == [instance.pk] * len(fields) else False
