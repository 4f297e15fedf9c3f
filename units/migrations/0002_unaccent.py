from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """PostgreSQL's unaccent for accent-insensitive search (skipped on SQLite, which gets a Python
    UNACCENT function per connection instead)."""

    dependencies = [("units", "0001_initial")]
    operations = [UnaccentExtension()]
