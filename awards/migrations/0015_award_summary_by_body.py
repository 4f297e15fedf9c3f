"""Standing awards counted by issuing body, in a summary table of their own (PostgreSQL only; SQLite reads the award
table).

Awards decided below the province (a Sở, a xã, a school, an enterprise, a huyện until 30/6/2025) are reported by
the kind of their issuing body. ``awards_award_body_summary`` counts standing awards per (year, authority, issuing
body, recipient kind); the dashboard reads a body's kind through a join on ``awards_issuingbody`` when it reads the
figures, so an edit of a body never leaves the table stale. Awards without a body (decided above the province, or
entered from archives) are counted under ``body_id = 0``: a primary key column cannot hold NULL, and readers turn
0 back into NULL (``NULLIF(body_id, 0)``).

Why not a column of 0006's ``awards_award_summary``: every figure of the dashboard reads that table, and a body in
its key multiplies its rows by the number of bodies (measured: 1,798 rows became 128,143 with 2,000 bodies and
300,000 awards, and the dashboard's p50 went from 74 to 182 ms). Here a year holds about (bodies x recipient kinds)
rows and only the base level reads them.

Kept exact like 0006's table: statement-level triggers with transition tables on ``awards_award`` (INSERT,
UPDATE, DELETE, TRUNCATE). The triggers are created and the table filled while writes to the award table wait
(the migration's transaction holds the lock), so no award is counted twice or lost."""

from django.db import migrations

TABLE = "awards_award_body_summary"
KEY = "year, authority, body_id, recipient_kind"
VALUES = "year, authority, COALESCE(body_id, 0), recipient_kind"
POSITIONS = "1, 2, 3, 4"

CREATE = [
    "LOCK TABLE awards_award IN SHARE ROW EXCLUSIVE MODE",
    f"""CREATE TABLE {TABLE} (
        year smallint NOT NULL,
        authority varchar(30) NOT NULL,
        body_id bigint NOT NULL,
        recipient_kind varchar(20) NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY ({KEY})
    )""",
    f"""CREATE FUNCTION {TABLE}_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            DELETE FROM {TABLE};
            RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            INSERT INTO {TABLE} AS s ({KEY}, n)
            SELECT {VALUES}, -count(*) FROM old_rows WHERE NOT revoked GROUP BY {POSITIONS} ORDER BY {POSITIONS}
            ON CONFLICT ({KEY}) DO UPDATE SET n = s.n + EXCLUDED.n;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
            INSERT INTO {TABLE} AS s ({KEY}, n)
            SELECT {VALUES}, count(*) FROM new_rows WHERE NOT revoked GROUP BY {POSITIONS} ORDER BY {POSITIONS}
            ON CONFLICT ({KEY}) DO UPDATE SET n = s.n + EXCLUDED.n;
        END IF;
        RETURN NULL;
    END
    $$""",
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON awards_award REFERENCING NEW TABLE AS new_rows "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_apply()",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE ON awards_award "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_apply()",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON awards_award REFERENCING OLD TABLE AS old_rows "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_apply()",
    f"CREATE TRIGGER {TABLE}_truncate AFTER TRUNCATE ON awards_award "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_apply()",
    f"INSERT INTO {TABLE} ({KEY}, n) SELECT {VALUES}, count(*) FROM awards_award WHERE NOT revoked "
    f"GROUP BY {POSITIONS}",
]
DROP = [
    *(f"DROP TRIGGER IF EXISTS {TABLE}_{op} ON awards_award" for op in ("truncate", "delete", "update", "insert")),
    f"DROP FUNCTION IF EXISTS {TABLE}_apply()",
    f"DROP TABLE IF EXISTS {TABLE}",
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
        ("awards", "0014_blank_calibration"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
