"""The table of the shared database cache (config.cache.SharedDatabaseCache), the cache every process uses when
no Redis is configured: `manage.py createcachetable` as a migration, so `make run` and every node have it."""

from django.core.management.commands.createcachetable import Command
from django.db import migrations

TABLE = "tdkt_cache"  # config.cache.TABLE


def create(apps, schema_editor):
    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("units", "0008_personal_data_read_log")]

    operations = [migrations.RunPython(create, drop)]
