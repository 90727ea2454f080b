"""`make bench`: the service at scale on PostgreSQL, measured as production runs it.

1. Creates the database (BENCH_DATABASE_URL) if missing, migrates it, and loads
   `seed_scale --areas N` unless it holds exactly those N areas already (BENCH_RESEED=1
   seeds again from empty), recording seed_scale's wall time and peak memory.
2. Collects the static files and serves the app with gunicorn (sync workers, DEBUG off)
   on loopback.
3. Signs in as each role through the sign-in form and, page by page, runs a fixed number
   of client processes for a warm-up and then a measuring window: requests per second,
   p50 and p95 latency, each also against GET /health/live measured in the same run.
4. Times the board-pack PDF (drawn afresh on each request) and reads the workers' memory.

Writes var/bench/results.json and var/bench/results.md, and prints the markdown."""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import time

from bench import database, report
from bench.server import (
    HOST,
    ROOT,
    Gunicorn,
    collect_static,
    manage,
    memory_kib,
    production_env,
    reset_peak,
)
from bench.stats import median, ratio, summarise
from bench.web import BenchError, Job, client_loop, fetch, ready, sign_in

OUT = ROOT / "var" / "bench"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/opcc_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/2"

# The accounts each data set gives the benchmark, by role.
ACCOUNTS = {
    "scale": {
        "officer": "scale-officer",
        "board": "scale-board",
        "jag": "scale-jag",
        "panel": "scale-panel",
    },
    "demo": {
        "officer": "officer",
        "board": "board",
        "jag": "newparks-jag",
        "panel": "newparks-panel",
    },
}
ROLE_NAMES = {
    "officer": "officer",
    "board": "board member",
    "jag": "JAG member",
    "panel": "panel member",
    "anonymous": "anyone",
}

# (key, name, role, path): {…} is filled from bench.prepare's findings.
PAGES = [
    ("dashboard", "Officer dashboard", "officer", "/"),
    ("alignment", "Alignment view", "officer", "/alignment/"),
    ("body", "Body page with its next agenda", "jag", "/bodies/{body}/"),
    ("zone", "Zone page", "panel", "/zones/{zone}/"),
    ("activities", "Activity list", "officer", "/activities/"),
    ("toolkit", "Toolkit list", "anonymous", "/toolkit/"),
    ("toolkit_search", "Toolkit search", "anonymous", "/toolkit/?q=community+safety"),
    ("board_pack", "Board pack (HTML)", "board", "/evaluation/reports/{published_pack}/"),
]


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=_env_int("AREAS", 43))
    parser.add_argument(
        "--data",
        choices=["scale", "demo"],
        default=os.environ.get("BENCH_DATA", "scale"),
        help="seed_scale (the default), or seed_demo for a quick try of the runner",
    )
    parser.add_argument("--concurrency", type=int, default=_env_int("BENCH_CONCURRENCY", 4))
    parser.add_argument("--workers", type=int, default=_env_int("BENCH_WORKERS", 2))
    parser.add_argument("--duration", type=float, default=_env_int("BENCH_DURATION", 10))
    parser.add_argument("--warmup", type=float, default=_env_int("BENCH_WARMUP", 5))
    parser.add_argument("--pdf-runs", type=int, default=_env_int("BENCH_PDF_RUNS", 5))
    return parser.parse_args()


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def load_data(args, env: dict[str, str], url: str, password: str) -> dict:
    """Seed unless the database already holds this data; the seed's figures either way
    (from var/bench/seed.json when this run did not seed)."""
    record_file = OUT / "seed.json"
    previous = json.loads(record_file.read_text()) if record_file.exists() else {}
    if args.data == "demo":
        say("Loading the demo data (seed_demo, safe to repeat)...")
        return {"command": "seed_demo", "areas": "demo", "ran": True, **database.seed_demo(env)}
    reseed = os.environ.get("BENCH_RESEED", "") not in ("", "0")
    if not reseed and database.holds_exactly(url, args.areas):
        say(f"The database already holds {args.areas} areas: not seeding again.")
        same = previous.get("database") == url and previous.get("areas") == args.areas
        if same and previous.get("seed_code") != database.seed_code():
            say("seed_scale has changed since this database was seeded (BENCH_RESEED=1).")
        return {
            "command": "seed_scale",
            "areas": args.areas,
            "ran": False,
            "wall_s": previous.get("wall_s") if same else None,
            "peak_rss_mib": previous.get("peak_rss_mib") if same else None,
            "measured_at": previous.get("measured_at") if same else None,
        }
    reset = bool(database.seeded_areas(url))
    say(f"Seeding {args.areas} areas (seed_scale{', emptying first' if reset else ''})...")
    figures = database.seed_scale(env, args.areas, password, reset=reset)
    record = {
        "database": url,
        "areas": args.areas,
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "seed_code": database.seed_code(),
        **figures,
    }
    record_file.write_text(json.dumps(record, indent=2))
    return {"command": "seed_scale", "areas": args.areas, "ran": True, **record}


def prepare(env: dict[str, str], accounts: dict[str, str]) -> dict:
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.prepare", json.dumps(accounts)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise BenchError(f"bench.prepare failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(pool, port: int, path: str, cookie: str, args) -> tuple[dict, list[str]]:
    """args.concurrency client processes on one path: warm-up, then the measuring window."""
    pool.map(ready, range(args.concurrency), chunksize=1)  # every client process is up
    start_at = time.time() + 0.5
    jobs = [
        Job(
            host=HOST,
            port=port,
            path=path,
            cookie=cookie,
            start_at=start_at,
            measure_from=start_at + args.warmup,
            measure_until=start_at + args.warmup + args.duration,
        )
    ] * args.concurrency
    outcomes = pool.map(client_loop, jobs, chunksize=1)
    if any(outcome.late for outcome in outcomes):
        raise BenchError(f"A client process began after the warm-up of {path}: machine stalled?")
    latencies = [ms for outcome in outcomes for ms in outcome.latencies_ms]
    errors = sum(outcome.errors for outcome in outcomes)
    first_errors = sorted({o.first_error for o in outcomes if o.first_error})
    return summarise(latencies, errors, args.duration).as_dict(), first_errors


def workers_memory(server: Gunicorn) -> list[dict]:
    found = []
    for pid in server.worker_pids():
        kib = memory_kib(pid)
        found.append(
            {
                "pid": pid,
                "rss_mib": round(kib["VmRSS"] / 1024, 1),
                "hwm_mib": round(kib["VmHWM"] / 1024, 1),
            }
        )
    return found


def check_page(port: int, path: str, cookie: str, kind: str = "text/html") -> int:
    status, content_type, body, _ = fetch(HOST, port, path, cookie)
    if status != 200 or not content_type.startswith(kind):
        raise BenchError(f"GET {path} answered {status} {content_type}: expected 200 {kind}.")
    return len(body)


def time_pdf(server: Gunicorn, path: str, cookie: str, runs: int) -> tuple[dict, dict]:
    """Draw the draft pack's PDF `runs` times, one after another; how long each took and
    how much each worker's resident memory peaked above where it stood before."""
    before = {pid: memory_kib(pid)["VmRSS"] for pid in server.worker_pids()}
    peaks_reset = all(reset_peak(pid) for pid in before)
    seconds, size = [], 0
    for _ in range(runs):
        status, content_type, body, took = fetch(HOST, server.port, path, cookie)
        if status != 200 or content_type != "application/pdf":
            raise BenchError(f"GET {path} answered {status} {content_type}, not a PDF.")
        seconds.append(round(took, 3))
        size = len(body)
    adds = None
    if peaks_reset:
        adds = max(memory_kib(pid)["VmHWM"] - rss for pid, rss in before.items()) / 1024
    pdf = {
        "path": path,
        "seconds": seconds,
        "median_s": median(seconds),
        "max_s": max(seconds),
        "bytes": size,
    }
    return pdf, {"pdf_adds_mib": None if adds is None else round(adds, 1)}


def bench(args) -> dict:
    url = os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL
    redis_url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    password = os.environ.get("BENCH_PASSWORD") or (
        "scale-bench-password"
        if args.data == "scale"
        else os.environ.get("DEMO_PASSWORD", "people-zones-demo")
    )
    accounts = ACCOUNTS[args.data]
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()

    if database.ensure_database(url):
        say(f"Created the database {url.rpartition('/')[2]}.")
    env = production_env(url, redis_url)
    say("Migrating...")
    manage(env, "migrate", "--no-input")
    seed = load_data(args, env, url, password)
    say("Collecting static files (WhiteNoise serves them hashed and compressed)...")
    if not collect_static(env, ROOT / "var"):
        say("Static files are up to date.")
    say("Finding the pages to measure (and making board packs if the data has none)...")
    found = prepare(env, accounts)

    pages = [(k, n, r, p.format(**found)) for k, n, r, p in PAGES]
    results: dict = {"pages": []}
    log = OUT / "gunicorn.log"
    say(f"Serving with gunicorn, {args.workers} sync workers (log: {log.relative_to(ROOT)})...")
    with Gunicorn(env, workers=args.workers, log=log) as server:
        cookies = {"anonymous": ""}
        for role in sorted({role for _, _, role, _ in pages} - {"anonymous"} | {"officer"}):
            cookies[role] = sign_in(HOST, server.port, accounts[role], password)
        for _, _, role, path in pages:
            check_page(server.port, path, cookies[role])
        load_measuring = os.getloadavg()[0]
        context = multiprocessing.get_context("spawn")
        with context.Pool(args.concurrency) as pool:
            say(f"Measuring /health/live ({args.warmup:g} s warm-up, {args.duration:g} s)...")
            health, health_errors = measure(pool, server.port, "/health/live", "", args)
            results["health"] = {"summary": health, "first_errors": health_errors}
            for key, name, role, path in pages:
                say(f"Measuring {name} ({path}) as {ROLE_NAMES[role]}...")
                summary, errors = measure(pool, server.port, path, cookies[role], args)
                results["pages"].append(
                    {
                        "key": key,
                        "name": name,
                        "role": ROLE_NAMES[role],
                        "path": path,
                        "summary": summary,
                        "rps_ratio": ratio(summary["rps"], health["rps"]),
                        "p50_ratio": ratio(summary["p50_ms"], health["p50_ms"]),
                        "p95_ratio": ratio(summary["p95_ms"], health["p95_ms"]),
                        "first_errors": errors,
                    }
                )
        after_pages = workers_memory(server)
        pdf_path = f"/evaluation/packs/{found['draft_pack']}/pack.pdf"
        say(f"Timing the board-pack PDF ({args.pdf_runs} renders of {pdf_path})...")
        pdf, pdf_memory = time_pdf(server, pdf_path, cookies["officer"], args.pdf_runs)
        after = workers_memory(server)
        load_end = os.getloadavg()[0]

    results.update(
        {
            "finished_at": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "setup": {
                "machine": f"{os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
                f"load average {load_measuring:.1f} when measuring began and "
                f"{load_end:.1f} at the end",
                "python": platform.python_version(),
                "workers": args.workers,
                "concurrency": args.concurrency,
                "duration_s": args.duration,
                "warmup_s": args.warmup,
                "database": url.rpartition("@")[2],
                "redis": redis_url.rpartition("@")[2] or None,
            },
            "seed": seed,
            "found": found,
            "pdf": pdf,
            "memory": {"after_pages": after_pages, "after": after, **pdf_memory},
            "total_s": round(time.monotonic() - started, 1),
        }
    )
    return results


def main() -> int:
    args = arguments()
    try:
        results = bench(args)
    except BenchError as error:
        print(f"make bench: {error}", file=sys.stderr)
        return 1
    text = report.markdown(results)
    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    (OUT / "results.md").write_text(text)
    print()
    print(text)
    errors = results["health"]["summary"]["errors"] + sum(
        page["summary"]["errors"] for page in results["pages"]
    )
    say(f"Done in {results['total_s']:,.0f} s: var/bench/results.md and results.json.")
    if errors:
        for page in [results["health"], *results["pages"]]:
            for line in page["first_errors"]:
                print(f"  error: {line}", file=sys.stderr)
        print(
            f"make bench: {errors} request(s) failed; the figures are not valid.", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
