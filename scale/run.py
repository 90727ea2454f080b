"""Seed the synthetic data set, one area at a time, each in its own transaction."""

import os
import resource
import time

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from governance.models import Body
from scale import activities, evaluation, issues, meetings, people, reviews, toolkit, zones
from scale.knobs import Knobs, area_prefix
from scale.writer import Writer


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fast_load() -> None:
    """On PostgreSQL, check foreign keys row by row only if SCALE_CHECK_FKS is set: the
    generators build every reference from ids they hand out themselves, and the per-row
    deferred checks at commit take most of the load time (the test seeds a small set with
    the checks on). Needs a superuser, as for any bulk load; silently kept on otherwise."""
    if connection.vendor != "postgresql" or os.environ.get("SCALE_CHECK_FKS"):
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if cursor.fetchone()[0]:
            cursor.execute("SET LOCAL session_replication_role = replica")


def seed(knobs: Knobs, password: str, say=print) -> dict:
    """Add every area not yet there (areas are found by their SPB's slug); returns counts."""
    started = time.monotonic()
    w = Writer()
    done = set(
        Body.objects.filter(slug__regex=r"^scale-a[0-9]+-spb$").values_list("slug", flat=True)
    )
    with transaction.atomic():
        method_ids = toolkit.build(w, knobs.methods)
        ingredient_ids = zones.ingredients(w)
        held = reviews.events(w, knobs.years)
        w.flush()
    skipped = 0
    for k in range(1, knobs.areas + 1):
        if f"{area_prefix(k)}-spb" in done:
            skipped += 1
            continue
        with transaction.atomic():
            fast_load()
            area = people.build(w, k, knobs)
            if k == 1:
                people.accounts(w, area, make_password(password))
            zones.build(w, area, ingredient_ids)
            meetings.build(w, area)
            issues.build_issues(w, area)
            issues.build_priorities(w, area)
            activities.build(w, area, method_ids)
            evaluation.build(w, area)
            reviews.build(w, area, held)
            w.flush()
        elapsed = time.monotonic() - started
        say(
            f"area {k} of {knobs.areas} ({area.name}): {w.written:,} rows so far, "
            f"{w.rate:,.0f} rows/s, {elapsed:,.0f} s, peak {peak_rss_mib():,.0f} MiB"
        )
    if connection.vendor == "postgresql" and w.written:
        # Fresh statistics and visibility maps, so the first requests after seeding get the
        # plans (and the index-only scans) they would get on a database in service. VACUUM
        # cannot run inside a transaction (the test suite seeds inside one): ANALYZE only.
        vacuum = not connection.in_atomic_block
        say("Vacuuming and analysing the tables..." if vacuum else "Analysing the tables...")
        command = "VACUUM (ANALYZE)" if vacuum else "ANALYZE"
        with connection.cursor() as cursor:
            for table in w.tables.values():
                cursor.execute(f"{command} {connection.ops.quote_name(table.db_table)}")
    return {
        "rows": w.written,
        "counts": dict(sorted(w.counts.items())),
        "skipped": skipped,
        "seconds": time.monotonic() - started,
        "peak_mib": peak_rss_mib(),
    }
