"""`make load`: mixed roles with locust, headless, against the demo data served by gunicorn
on loopback (DEBUG off). Fails when any request failed.

The data: the demo data (seed_demo, safe to repeat) in var/load/ (its own SQLite file, so
the activities and initiatives the load test adds stay out of `make run`'s), or in the
database of DATABASE_URL when it is set. REDIS_URL, when set, is used as in production."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from bench.server import HOST, ROOT, VENV_BIN, Gunicorn, collect_static, manage, production_env
from bench.web import BenchError

VAR = ROOT / "var" / "load"
USERS = os.environ.get("LOAD_USERS", "20")
SPAWN_RATE = os.environ.get("LOAD_SPAWN_RATE", "5")
RUN_TIME = os.environ.get("LOAD_TIME", "60s")
WORKERS = int(os.environ.get("LOAD_WORKERS", "3"))


def say(message: str) -> None:
    print(f"[load] {message}", flush=True)


def environment() -> dict[str, str]:
    env = production_env(os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", ""))
    env["VAR_DIR"] = str(VAR)
    VAR.mkdir(parents=True, exist_ok=True)
    # The compiled front end stays where `make setup` built it.
    build = VAR / "build"
    if not build.exists():
        build.symlink_to(Path("..") / "build")
    return env


def summary_line(stats_csv: Path) -> tuple[str, int]:
    with stats_csv.open() as f:
        total = next(row for row in csv.DictReader(f) if row["Name"] == "Aggregated")
    requests, failures = int(total["Request Count"]), int(total["Failure Count"])
    line = (
        f"{requests:,} requests, {failures} failed, {float(total['Requests/s']):.1f} req/s, "
        f"median {total['50%']} ms, p95 {total['95%']} ms, "
        f"max {float(total['Max Response Time']):,.0f} ms"
    )
    return line, failures


def main() -> int:
    env = environment()
    where = "DATABASE_URL" if "DATABASE_URL" in env else f"SQLite in {VAR.relative_to(ROOT)}"
    try:
        say(f"Migrating and loading the demo data ({where})...")
        manage(env, "migrate", "--no-input")
        manage(env, "seed_demo")
        collect_static(env, VAR)
        with Gunicorn(env, workers=WORKERS, log=VAR / "gunicorn.log") as server:
            host = f"http://{HOST}:{server.port}"
            say(f"gunicorn ({WORKERS} sync workers) at {host}; locust: {USERS} users, {RUN_TIME}")
            locust_env = {**env, "PYTHONPATH": str(ROOT)}
            command = [
                str(VENV_BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                USERS,
                "-r",
                SPAWN_RATE,
                "-t",
                RUN_TIME,
                "--host",
                host,
                "--only-summary",
                "--csv",
                str(VAR / "locust"),
                "--exit-code-on-error",
                "1",
            ]
            locust = subprocess.run(command, cwd=ROOT, env=locust_env, check=False)  # noqa: S603
    except BenchError as error:
        print(f"make load: {error}", file=sys.stderr)
        return 1
    line, failures = summary_line(VAR / "locust_stats.csv")
    say(f"Result: {line}.")
    if failures or locust.returncode:
        print(
            f"make load: {failures} request(s) failed (locust exit {locust.returncode}); "
            f"see above and {VAR.relative_to(ROOT)}/locust_failures.csv.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
