"""Database-independent backups: every row of every model as Django's JSON serialisation, with a
manifest (row counts per table and the SHA-256 of the payload), gzip-compressed.

File layout (after gunzip): line 1 is the manifest as JSON, the rest is the payload (a JSON
list of objects as Django's python serialiser gives them, datetimes with microseconds in dependency order, primary keys kept, contenttypes and permissions by
natural key). A backup from SQLite restores into PostgreSQL and back.

Restore checks the whole file first (gzip, manifest, SHA-256, counts), then writes in one
transaction, and only into a database without data (or with --flush, which empties it in
that same transaction): a failure leaves the database as it was.

Sessions, login-attempt logs, rate-limit counters and queued password-reset mails are left out
(LEFT_OUT, docs/security.md): a stolen backup file must not log anyone in.
"""
from __future__ import annotations

import datetime as dt
import decimal
import gzip
import hashlib
import json
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.utils.duration import duration_iso_string
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction

from randwijzer.catalogue import version

FORMAT = "randwijzer-backup"
VERSION = 1
# Made by `migrate` itself, with ids that differ between databases: referred to by natural key.
SKIPPED = {"contenttypes.contenttype", "auth.permission"}
# Left out on purpose (docs/security.md): rows that let someone in, or say who tried to, and that the
# site makes again by itself. A session key from a backup file would log in on the running site.
# A restore leaves these tables empty, also when an older backup still holds them.
LEFT_OUT = {
    "sessions.session",
    "axes.accessattempt", "axes.accessattemptexpiration", "axes.accesslog", "axes.accessfailurelog",
    "ops.ratebucket", "suggestions.ratebucket",  # the latter in backups made before the limits moved to ops
    "accounts.queuedmail",  # password-reset mails: each holds a working reset link
    "catalogue.catalogueversion",  # the cache key: a restore always gets a new one (catalogue.version)
}


class BackupError(Exception):
    """A backup file that cannot be restored, or a database it may not be restored into (Dutch message)."""


@dataclass
class Manifest:
    created: str
    database: str
    counts: dict[str, int]
    sha256: str
    payload_bytes: int

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "version": VERSION, "created": self.created, "database": self.database,
                           "counts": self.counts, "sha256": self.sha256, "payload_bytes": self.payload_bytes},
                          sort_keys=True)


def label(model) -> str:
    return model._meta.label_lower


def backed_up_models(using: str = DEFAULT_DB_ALIAS) -> list:
    """Every concrete, managed model with its rows in this database, in dependency order."""
    app_list = {config: None for config in apps.get_app_configs()}
    ordered = serializers.sort_dependencies(app_list.items(), allow_cycles=True)
    return [m for m in ordered if m._meta.managed and not m._meta.proxy and label(m) not in SKIPPED | LEFT_OUT
            and router.allow_migrate_model(using, m)]


def left_out_models(using: str = DEFAULT_DB_ALIAS) -> list:
    return [m for m in apps.get_models() if label(m) in LEFT_OUT and router.allow_migrate_model(using, m)]


def _m2m_sorted(obj: dict) -> dict:
    # Many-to-many lists come in database order; sorted, the same data gives the same bytes.
    for key, value in obj["fields"].items():
        if isinstance(value, list) and value and all(isinstance(v, (int, str, list)) for v in value):
            try:
                obj["fields"][key] = sorted(value, key=lambda v: json.dumps(v))
            except TypeError:
                pass
    return obj


def _plain(value):
    """JSON for what the python serialiser leaves as objects; unlike Django's JSON encoder, datetimes
    keep their microseconds, so a restore gives back exactly the same values."""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return duration_iso_string(value)
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    raise TypeError(f"cannot back up a {type(value).__name__}")


def dump(using: str = DEFAULT_DB_ALIAS) -> tuple[Manifest, bytes]:
    """The whole database as (manifest, payload bytes), read in one transaction (a consistent snapshot)."""
    objects, counts = [], {}
    with transaction.atomic(using=using):
        for model in backed_up_models(using):
            rows = model._base_manager.using(using).order_by(model._meta.pk.name)
            data = json.loads(json.dumps(serializers.serialize("python", rows.iterator(), use_natural_foreign_keys=True),
                                         default=_plain))
            counts[label(model)] = len(data)
            objects += [_m2m_sorted(o) for o in data]
    payload = json.dumps(objects, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    manifest = Manifest(created=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                        database=connections[using].vendor, counts=counts,
                        sha256=hashlib.sha256(payload).hexdigest(), payload_bytes=len(payload))
    return manifest, payload


def write_backup(path: Path, using: str = DEFAULT_DB_ALIAS) -> Manifest:
    manifest, payload = dump(using)
    temporary = path.with_name(path.name + ".part")
    try:
        with gzip.open(temporary, "wb") as out:
            out.write(manifest.to_json().encode("utf-8") + b"\n" + payload)
        temporary.replace(path)  # a half-written backup never carries the final name
    finally:
        temporary.unlink(missing_ok=True)
    return manifest


def read_backup(path: Path) -> tuple[Manifest, list[dict]]:
    """The checked content of a backup file; raises BackupError with the reason."""
    try:
        with gzip.open(path, "rb") as stream:
            raw = stream.read()
    except FileNotFoundError:
        raise BackupError(f"Het bestand {path} bestaat niet.") from None
    except IsADirectoryError:
        raise BackupError(f"{path} is een map, geen back-upbestand.") from None
    except PermissionError:
        raise BackupError(f"Het bestand {path} kan niet gelezen worden (geen toegang).") from None
    except (OSError, EOFError, zlib.error) as exc:
        raise BackupError(f"{path} is geen geldige of een beschadigde back-up (gzip: {exc}).") from None
    head, _, payload = raw.partition(b"\n")
    try:
        meta = json.loads(head)
        if meta.get("format") != FORMAT:
            raise ValueError
    except (ValueError, AttributeError):
        raise BackupError(f"{path} is geen Randwijzer-back-up (het manifest ontbreekt of is onleesbaar).") from None
    if meta.get("version") != VERSION:
        raise BackupError(f"{path} heeft formaatversie {meta.get('version')}; deze versie leest alleen versie {VERSION}.")
    manifest = Manifest(**{k: meta[k] for k in ("created", "database", "counts", "sha256", "payload_bytes")})
    if len(payload) != manifest.payload_bytes or hashlib.sha256(payload).hexdigest() != manifest.sha256:
        raise BackupError(f"{path} is beschadigd: de inhoud klopt niet met de controlesom (SHA-256) in het manifest. "
                          "Er is niets hersteld.")
    try:
        objects = json.loads(payload)
    except ValueError:
        raise BackupError(f"{path} is beschadigd: de inhoud is geen geldige JSON.") from None
    # An older backup may still hold left-out rows: checked with the rest, then dropped.
    kept = [obj for obj in objects if obj.get("model") not in LEFT_OUT]
    counted: dict[str, int] = {}
    for obj in objects:
        counted[obj["model"]] = counted.get(obj["model"], 0) + 1
    if {k: v for k, v in counted.items()} != {k: v for k, v in manifest.counts.items() if v}:
        raise BackupError(f"{path} is beschadigd: het aantal rijen per tabel klopt niet met het manifest.")
    manifest.counts = {k: v for k, v in manifest.counts.items() if k not in LEFT_OUT}
    return manifest, kept


def rows_present(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    return {label(m): n for m in backed_up_models(using) if (n := m._base_manager.using(using).count())}


def restore(path: Path, using: str = DEFAULT_DB_ALIAS, flush: bool = False) -> Manifest:
    """Restore a checked backup in one transaction; raises BackupError (nothing is then changed)."""
    manifest, objects = read_backup(path)
    connection = connections[using]
    unknown = sorted(set(manifest.counts) - {label(m) for m in backed_up_models(using)})
    if unknown:
        raise BackupError(f"De back-up bevat tabellen die deze versie niet kent: {', '.join(unknown)}. "
                          "Voer eerst `randwijzer migrate` uit met de versie die de back-up maakte.")
    models = backed_up_models(using)
    with transaction.atomic(using=using):
        present = rows_present(using)
        if present and not flush:
            raise BackupError("De databank bevat al gegevens (" + ", ".join(f"{k}: {v}" for k, v in list(present.items())[:5])
                              + (", …" if len(present) > 5 else "") + "). Herstel gebeurt in een lege databank; "
                              "gebruik --flush om eerst alles te wissen.")
        # Sessions and the like of whatever was here before point at accounts the backup may give
        # other ids: they never survive a restore.
        for model in left_out_models(using):
            model._base_manager.using(using).all().delete()
        if present:
            tables = [m._meta.db_table for m in models]
            tables += [f.remote_field.through._meta.db_table for m in models for f in m._meta.local_many_to_many
                       if f.remote_field.through._meta.auto_created]
            with connection.cursor() as cursor:
                for sql in connection.ops.sql_flush(no_style(), sorted(set(tables)), reset_sequences=True, allow_cascade=False):
                    cursor.execute(sql)
        with connection.constraint_checks_disabled():
            deferred = []
            for obj in serializers.deserialize("python", objects, using=using, handle_forward_references=True):
                obj.save(using=using)
                if obj.deferred_fields:
                    deferred.append(obj)
            for obj in deferred:
                obj.save_deferred_fields(using=using)
        connection.check_constraints(table_names=[m._meta.db_table for m in models])
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
        after = rows_present(using)
        expected = {k: v for k, v in manifest.counts.items() if v}
        if after != expected:
            raise BackupError("Na het herstel klopt het aantal rijen niet met het manifest; er is niets hersteld.")
        version.bump(force=True)  # no cached page of the database before the restore is served after it
    return manifest
