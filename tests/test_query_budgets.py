"""Every page's query count, for every role, pinned and proved flat as the data grows.

For each role, every page tests/pages.py lists for it (service pages and API GETs) is
fetched on a small world and again after tests/growth.py has made it several times
larger (longer lists, a second page of each paginated list, more children under each
probed object, for the same people). Each page must issue the same number of queries at
both sizes, and that number must be the one pinned in tests/query_budgets.py. A page that
reads once per row, or starts reading more than it did, fails here naming the route, the
role, the counts, and the queries that differ.

The small world is `populate` plus one of everything (`grow(world, 1)`): `populate` alone
leaves some lists empty for some roles, and Django skips a prefetch when there is nothing
to prefetch for, so "none" against "some" would differ by a query without any page
reading per row. One against many is the comparison that finds N+1s.

To pin new counts after a deliberate change (a new page, a page that now reads one more
table), rewrite the table and review its diff:

    QUERY_BUDGETS_WRITE=1 .venv/bin/pytest tests/test_query_budgets.py

Writing still fails on a page whose count grows with the data: fix the page
(select_related, prefetch_related, an aggregate), never the budget. The counts are the
same on SQLite and PostgreSQL (CI runs both).
"""

import difflib
import json
import os
import re
import uuid
from pathlib import Path

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.conftest import ROLES
from tests.growth import grow
from tests.pages import pages_for, populate
from tests.query_budgets import BUDGETS

TABLE = Path(__file__).with_name("query_budgets.py")
WRITE = os.environ.get("QUERY_BUDGETS_WRITE") == "1"


def walk(client_as, world, problems: list[str]) -> dict[tuple[str, str], list[str]]:
    """{(route, role): [sql, ...]} for every page of every role. Each walk starts from an
    empty cache and visits roles and pages in the same order, so a page that finds what an
    earlier one cached (a toolkit PDF, drawn for the first role and kept) does so at both
    sizes. A page that does not answer 200 is a problem, and has no count."""
    seen = {}
    with override_settings(CACHES={"default": _fresh_cache()}):
        for role in ROLES:
            client = client_as(role)
            for route, path in pages_for(role, world, api=True):
                connection.queries_log.clear()  # it keeps 9,000: the count must not hit that
                with CaptureQueriesContext(connection) as queries:
                    try:
                        status = client.get(path).status_code
                    except Exception as error:  # noqa: BLE001 - reported with the others
                        status = f"{type(error).__name__}: {error}"
                if status != 200:
                    problems.append(f"{route!r} as {role}: GET {path} answered {status}")
                    continue
                seen[route, role] = [query["sql"] for query in queries.captured_queries]
    return seen


def _fresh_cache() -> dict:
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": f"query-budgets-{uuid.uuid4()}",
    }


def test_every_page_reads_the_same_number_of_queries_at_two_sizes(client_as, world):
    problems = []
    grow(populate(world), 1, past_a_page=False)
    small = walk(client_as, world, problems)
    grow(world, 3)
    large = walk(client_as, world, problems)

    for key in sorted(small):
        route, role = key
        before, after = small[key], large.get(key)
        if after is None:
            continue  # it failed on the grown world, and says so above
        if len(before) != len(after):
            problems.append(
                f"{route!r} as {role}: {len(before)} queries on the small world, "
                f"{len(after)} on the grown one (reads per row?)\n{_diff(before, after)}"
            )
    counts = {key: len(queries) for key, queries in small.items()}
    if WRITE and not problems:
        _write(counts)
    elif not WRITE:
        for key in sorted(set(counts) | set(BUDGETS)):
            route, role = key
            expected, got = BUDGETS.get(key), counts.get(key)
            if expected == got:
                continue
            if got is None:
                problems.append(f"{route!r} as {role}: pinned at {expected}, no longer a page")
            elif expected is None:
                problems.append(f"{route!r} as {role}: not pinned, reads {got}")
            else:
                problems.append(
                    f"{route!r} as {role}: pinned at {expected} queries, got {got}\n"
                    + _listing(small[key])
                )
    assert not problems, (
        f"{len(problems)} page(s) off budget (after a deliberate change, rewrite "
        "tests/query_budgets.py with QUERY_BUDGETS_WRITE=1 and review its diff):\n\n"
        + "\n\n".join(problems)
    )


def _shape(sql: str) -> str:
    """The query with its literal values blanked, so two sizes' queries compare."""
    sql = re.sub(r"'[^']*'", "'?'", sql)
    sql = re.sub(r'"s\d+_x\d+"', '"savepoint"', sql)
    sql = re.sub(r'"_django_curs_\w+"', '"cursor"', sql)
    return re.sub(r"\b\d+\b", "?", sql)


def _diff(before: list[str], after: list[str]) -> str:
    lines = difflib.unified_diff(
        [_shape(q)[:300] for q in before],
        [_shape(q)[:300] for q in after],
        "small world",
        "grown world",
        lineterm="",
        n=0,
    )
    return "\n".join(lines)


def _listing(queries: list[str]) -> str:
    return "\n".join(f"  {i}. {_shape(q)[:300]}" for i, q in enumerate(queries, 1))


def _write(counts: dict) -> None:
    """Rewrite the table under its docstring, one page a line, as `ruff format` keeps it."""
    text = TABLE.read_text()
    head = text[: text.index("\nBUDGETS") + 1]
    lines = [
        f"    ({json.dumps(route)}, {json.dumps(role)}): {count},"
        for (route, role), count in sorted(counts.items())
    ]
    TABLE.write_text(
        head + "BUDGETS: dict[tuple[str, str], int] = {\n" + "\n".join(lines) + "\n}\n"
    )
