"""Fast row writing for the synthetic data set.

Rows are plain tuples in the model's column order, buffered per table and written in
batches: with COPY on PostgreSQL, with executemany on SQLite. Ids are handed out here (from
the table's current maximum), so children can point at parents before either is written;
Django's foreign keys are deferred to the end of the transaction on both databases. After
each area the PostgreSQL sequences are moved past the ids used.

One process writes at a time: the seed command is the only writer while it runs.
"""

import time

from django.db import connection, models
from django.utils import timezone

REQUIRED = object()


class Table:
    """What the writer knows of one model: its columns and the defaults of each."""

    def __init__(self, model: type[models.Model], now):
        self.model = model
        self.db_table = model._meta.db_table
        self.fields = list(model._meta.concrete_fields)
        self.columns = [f.column for f in self.fields]
        self.index = {}
        for position, field in enumerate(self.fields):
            self.index[field.attname] = position
            self.index[field.name] = position
        self.defaults = [self._default(f, now) for f in self.fields]
        self.rows: list[tuple] = []
        self.next_id = None

    @staticmethod
    def _default(field, now):
        if field.primary_key:
            return None
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        if field.has_default():
            return field.get_default()
        if field.null:
            return None
        if field.blank and field.empty_strings_allowed:
            return ""
        return REQUIRED


class Writer:
    """Buffers rows per table and writes them in batches; counts what it wrote."""

    def __init__(self, batch: int = 5000):
        self.batch = batch
        self.vendor = connection.vendor
        self.now = timezone.now()
        self.tables: dict[type, Table] = {}
        self.written = 0
        self.counts: dict[str, int] = {}
        self.started = time.monotonic()

    def table(self, model) -> Table:
        table = self.tables.get(model)
        if table is None:
            table = self.tables[model] = Table(model, self.now)
            with connection.cursor() as cursor:
                quoted = connection.ops.quote_name(table.db_table)
                # A model's own table, quoted: no outside input reaches this SQL.
                cursor.execute(f"SELECT MAX(id) FROM {quoted}")  # noqa: S608  # nosec B608
                table.next_id = (cursor.fetchone()[0] or 0) + 1
        return table

    def add(self, model, **values) -> int:
        """Queue one row; returns its id. Keys are field names or attnames (`body_id`)."""
        table = self.table(model)
        row = list(table.defaults)
        index = table.index
        for key, value in values.items():
            row[index[key]] = value
        pk = row[0]
        if pk is None:
            pk = row[0] = table.next_id
            table.next_id += 1
        elif pk >= table.next_id:
            table.next_id = pk + 1
        if REQUIRED in row:
            missing = [f.name for f, v in zip(table.fields, row, strict=True) if v is REQUIRED]
            raise ValueError(f"{model.__name__}: no value for {', '.join(missing)}")
        table.rows.append(tuple(row))
        if len(table.rows) >= self.batch:
            self._flush(table)
        return pk

    def flush(self) -> None:
        for table in self.tables.values():
            if table.rows:
                self._flush(table)
        if self.vendor == "postgresql":
            self._move_sequences()

    def _flush(self, table: Table) -> None:
        rows, table.rows = table.rows, []
        quote = connection.ops.quote_name
        columns = ", ".join(quote(c) for c in table.columns)
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                raw = cursor.cursor
                json_at = [i for i, f in enumerate(table.fields) if isinstance(f, models.JSONField)]
                with raw.copy(f"COPY {quote(table.db_table)} ({columns}) FROM STDIN") as copy:
                    if json_at:
                        from psycopg.types.json import Jsonb

                        for row in rows:
                            row = list(row)
                            for i in json_at:
                                if row[i] is not None:
                                    row[i] = Jsonb(row[i])
                            copy.write_row(row)
                    else:
                        for row in rows:
                            copy.write_row(row)
            else:
                prepared = [
                    [
                        f.get_db_prep_save(v, connection) if v is not None else None
                        for f, v in zip(table.fields, row, strict=True)
                    ]
                    for row in rows
                ]
                marks = ", ".join(["%s"] * len(table.columns))
                # Model tables and columns, quoted; the values go as parameters.
                sql = f"INSERT INTO {quote(table.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608  # nosec B608
                cursor.executemany(sql, prepared)
        self.written += len(rows)
        name = table.model._meta.label
        self.counts[name] = self.counts.get(name, 0) + len(rows)

    def _move_sequences(self) -> None:
        with connection.cursor() as cursor:
            for table in self.tables.values():
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s, false)",
                    [connection.ops.quote_name(table.db_table), table.next_id],
                )

    @property
    def rate(self) -> float:
        return self.written / max(time.monotonic() - self.started, 0.001)
