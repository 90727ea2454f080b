"""The GIN index of the methods' stored search vectors, on PostgreSQL only.

SQLite has neither tsvector nor GIN; there the column stays empty and toolkit.search
falls back to matching words. Kept out of Method.Meta.indexes for that reason.
"""

from django.db import migrations

INDEX = "toolkit_method_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON toolkit_method USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0001_methods")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
