"""The bonuses of standing awards in 0006's summary table (PostgreSQL only; SQLite reads the award table).

The dashboard's bonus total of a year (``selectors.bonus_total``) summed ``bonus_amount`` over the year's award
rows: at a million awards a heap scan of about 50,000 rows (40 ms, the dashboard's slowest query). A column
``bonus`` next to ``n`` holds the sum of ``bonus_amount`` (NULL counted as 0) per key, kept exact by the same
statement-level triggers (the function is replaced; the triggers keep calling it), so the total is read from a
few dozen summary rows. The column is filled while writes to the award table wait (the migration holds the lock)."""

from django.db import migrations

SUMMARY = "awards_award_summary"
KEY = "year, recipient_kind, occasion, award_type_id, award_code, authority"


def function(with_bonus: bool) -> str:
    columns, minus, plus, update = (
        ("n, bonus", "-count(*), -COALESCE(SUM(bonus_amount), 0)", "count(*), COALESCE(SUM(bonus_amount), 0)",
         "n = s.n + EXCLUDED.n, bonus = s.bonus + EXCLUDED.bonus") if with_bonus else
        ("n", "-count(*)", "count(*)", "n = s.n + EXCLUDED.n"))
    return f"""CREATE OR REPLACE FUNCTION {SUMMARY}_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            DELETE FROM {SUMMARY};
            RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            INSERT INTO {SUMMARY} AS s ({KEY}, {columns})
            SELECT {KEY}, {minus} FROM old_rows WHERE NOT revoked GROUP BY {KEY} ORDER BY {KEY}
            ON CONFLICT ({KEY}) DO UPDATE SET {update};
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
            INSERT INTO {SUMMARY} AS s ({KEY}, {columns})
            SELECT {KEY}, {plus} FROM new_rows WHERE NOT revoked GROUP BY {KEY} ORDER BY {KEY}
            ON CONFLICT ({KEY}) DO UPDATE SET {update};
        END IF;
        RETURN NULL;
    END
    $$"""


CREATE = [
    "LOCK TABLE awards_award IN SHARE ROW EXCLUSIVE MODE",
    f"ALTER TABLE {SUMMARY} ADD COLUMN bonus bigint NOT NULL DEFAULT 0",
    function(with_bonus=True),
    f"""UPDATE {SUMMARY} s SET bonus = a.bonus FROM (
        SELECT {KEY}, SUM(bonus_amount) AS bonus FROM awards_award
        WHERE NOT revoked AND bonus_amount IS NOT NULL GROUP BY {KEY}) a
        WHERE (s.year, s.recipient_kind, s.occasion, s.award_type_id, s.award_code, s.authority)
            = (a.year, a.recipient_kind, a.occasion, a.award_type_id, a.award_code, a.authority)""",
]
DROP = [
    function(with_bonus=False),
    f"ALTER TABLE {SUMMARY} DROP COLUMN IF EXISTS bonus",
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
        ("awards", "0030_notices"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
