"""The benchmark's PostgreSQL database: created when missing, seeded with seed_scale for N
areas unless it already holds exactly those N areas."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import urllib.parse

import psycopg
from psycopg import sql

from bench.server import ROOT
from bench.web import BenchError

AREA_SPB = r"^scale-a[0-9]+-spb$"


def _admin_url(url: str) -> tuple[str, str]:
    """The URL of the server's `postgres` database, and the name of the one in url."""
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not parts.scheme.startswith("postgres") or not name:
        raise BenchError(f"BENCH_DATABASE_URL must name a PostgreSQL database, not {url!r}.")
    return urllib.parse.urlunsplit(parts._replace(path="/postgres")), name


def ensure_database(url: str) -> bool:
    """Create the database if it does not exist; True when it was created."""
    admin, name = _admin_url(url)
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=10) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as error:
        raise BenchError(f"PostgreSQL did not answer at {admin}: {error}") from error
    return not exists


def seeded_areas(url: str) -> list[str]:
    """Slugs of the synthetic areas' boards the database holds (one per area)."""
    with psycopg.connect(url, connect_timeout=10) as connection:
        rows = connection.execute(
            "SELECT slug FROM governance_body WHERE slug ~ %s ORDER BY slug", [AREA_SPB]
        ).fetchall()
    return [slug for (slug,) in rows]


def holds_exactly(url: str, areas: int) -> bool:
    expected = [f"scale-a{k:02d}-spb" for k in range(1, areas + 1)]
    return seeded_areas(url) == expected


def seed_code() -> str:
    """A fingerprint of seed_scale's code, to tell when the data was made by another version."""
    digest = hashlib.sha256()
    files = sorted((ROOT / "scale").rglob("*.py"))
    files.append(ROOT / "governance" / "management" / "commands" / "seed_scale.py")
    for path in files:
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def run_measured(command: list[str], env: dict[str, str]) -> dict:
    """Run a command, its output passed through; its wall time and its peak resident
    memory (ru_maxrss from wait4: the getrusage(RUSAGE_CHILDREN) figure of this one child)."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - our manage.py
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - started
    if process.returncode:
        raise BenchError(f"{' '.join(command[1:3])} failed (exit {process.returncode}).")
    return {"wall_s": round(wall, 1), "peak_rss_mib": round(usage.ru_maxrss / 1024, 1)}


def seed_scale(env: dict[str, str], areas: int, password: str, reset: bool) -> dict:
    command = [sys.executable, "manage.py", "seed_scale", "--areas", str(areas)]
    command += ["--password", password] + (["--reset"] if reset else [])
    return run_measured(command, env)


def seed_demo(env: dict[str, str]) -> dict:
    return run_measured([sys.executable, "manage.py", "seed_demo"], env)
