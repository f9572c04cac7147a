"""Every table of a database as plain data, to compare two databases row by row.

Run in a subprocess with DATABASE_URL set (`python -m tests.ops.snapshot`): prints JSON
{table: [row, …]}. Ids that `migrate` hands out differently per database (content types,
permissions) are replaced by their natural keys, and the rows of automatic many-to-many
tables are compared without their own id.
"""
import json
import sys


def snapshot() -> dict:
    from django.apps import apps
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    content_types = {ct.pk: [ct.app_label, ct.model] for ct in ContentType.objects.all()}
    permissions = {p.pk: [p.codename, *content_types[p.content_type_id]] for p in Permission.objects.all()}
    natural = {ContentType: content_types, Permission: permissions}
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy:
            continue
        if model in natural:
            tables[meta.db_table] = sorted(natural[model].values())
            continue
        fields = [f for f in meta.concrete_fields if not (meta.auto_created and f.primary_key)]
        rows = []
        for values in model._base_manager.order_by("pk").values_list(*[f.attname for f in fields]):
            row = []
            for field, value in zip(fields, values):
                target = field.related_model if field.is_relation else None
                row.append(natural[target].get(value, value) if target in natural and value is not None else value)
            rows.append(row)
        if meta.auto_created:
            rows.sort(key=lambda r: json.dumps(r, default=str))
        tables[meta.db_table] = json.loads(json.dumps(rows, default=str))
    all_tables = set(connection.introspection.table_names())
    return {"tables": tables, "unmodelled": sorted(all_tables - set(tables) - {"django_migrations"})}


def main() -> None:
    import django

    django.setup()
    json.dump(snapshot(), sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
