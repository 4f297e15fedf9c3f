"""The dashboard at a million awards (PostgreSQL only; SQLite is left as it is).

1. A covering partial index on standing awards (``NOT revoked``): the distinct years and any per-year grouping
   by recipient kind, occasion or award type are answered by index-only scans (after VACUUM).
2. A summary table ``awards_award_summary``: standing awards counted per (year, recipient kind, occasion,
   award type, code, authority). Indexes alone leave the ten-year trend reading 500,000 index entries (~50 ms);
   the summary answers every province-wide dashboard figure from a few hundred rows per year.
   It is kept exact by statement-level triggers on ``awards_award`` with transition tables, so every way awards
   change is covered without application code: publishing, revoking, recording a central decision, imports,
   ``seed_bulk``'s one big INSERT, raw SQL, and TRUNCATE (test flushes).

Both are created by SQL, guarded by vendor: invisible to the migration autodetector (no model to mirror)."""

from django.db import migrations

INDEX = "award_dashboard_standing_idx"
SUMMARY = "awards_award_summary"
KEY = "year, recipient_kind, occasion, award_type_id, award_code, authority"

CREATE = [
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON awards_award "
    "(year, recipient_kind, occasion, award_type_id, award_code, authority) WHERE NOT revoked",
    f"""CREATE TABLE {SUMMARY} (
        year smallint NOT NULL,
        recipient_kind varchar(20) NOT NULL,
        occasion varchar(20) NOT NULL,
        award_type_id bigint NOT NULL,
        award_code varchar(80) NOT NULL,
        authority varchar(30) NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY ({KEY})
    )""",
    f"""CREATE FUNCTION {SUMMARY}_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            DELETE FROM {SUMMARY};
            RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            INSERT INTO {SUMMARY} AS s ({KEY}, n)
            SELECT {KEY}, -count(*) FROM old_rows WHERE NOT revoked GROUP BY {KEY} ORDER BY {KEY}
            ON CONFLICT ({KEY}) DO UPDATE SET n = s.n + EXCLUDED.n;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
            INSERT INTO {SUMMARY} AS s ({KEY}, n)
            SELECT {KEY}, count(*) FROM new_rows WHERE NOT revoked GROUP BY {KEY} ORDER BY {KEY}
            ON CONFLICT ({KEY}) DO UPDATE SET n = s.n + EXCLUDED.n;
        END IF;
        RETURN NULL;
    END
    $$""",
    f"CREATE TRIGGER {SUMMARY}_insert AFTER INSERT ON awards_award REFERENCING NEW TABLE AS new_rows "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {SUMMARY}_apply()",
    f"CREATE TRIGGER {SUMMARY}_update AFTER UPDATE ON awards_award "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {SUMMARY}_apply()",
    f"CREATE TRIGGER {SUMMARY}_delete AFTER DELETE ON awards_award REFERENCING OLD TABLE AS old_rows "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {SUMMARY}_apply()",
    f"CREATE TRIGGER {SUMMARY}_truncate AFTER TRUNCATE ON awards_award "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {SUMMARY}_apply()",
    f"INSERT INTO {SUMMARY} ({KEY}, n) SELECT {KEY}, count(*) FROM awards_award WHERE NOT revoked GROUP BY {KEY}",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {SUMMARY}_truncate ON awards_award",
    f"DROP TRIGGER IF EXISTS {SUMMARY}_delete ON awards_award",
    f"DROP TRIGGER IF EXISTS {SUMMARY}_update ON awards_award",
    f"DROP TRIGGER IF EXISTS {SUMMARY}_insert ON awards_award",
    f"DROP FUNCTION IF EXISTS {SUMMARY}_apply()",
    f"DROP TABLE IF EXISTS {SUMMARY}",
    f"DROP INDEX IF EXISTS {INDEX}",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in CREATE:
            schema_editor.execute(sql, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in DROP:
            schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ("awards", "0005_decisions_and_awards"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
