"""The service's PostgreSQL connections run without just-in-time compilation (`DB_JIT`):
it cost hundreds of milliseconds of compiling on the evaluation summary at national scale."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_postgresql_connections_compile_no_query_just_in_time():
    if connection.vendor != "postgresql":
        pytest.skip("just-in-time compilation is PostgreSQL's: set DATABASE_URL")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
