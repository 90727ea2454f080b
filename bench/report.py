"""The benchmark's results as JSON and as the markdown pasted into README "Performance"."""

from __future__ import annotations

MIB = 1024

# Issue 7's targets.
P95_MS = 150
PDF_S = 3
DASHBOARD_SHARE = 0.40
SEED_PEAK_MIB = 2 * 1024
WORKER_MIB = 300
PDF_ADDS_MIB = 500


def _ms(value: float) -> str:
    return "–" if value is None else f"{value:,.0f} ms"


def _x(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}×"


def _met(ok: bool | None) -> str:
    return "–" if ok is None else ("yes" if ok else "**no**")


def targets(results: dict) -> list[tuple[str, str, str, bool | None]]:
    """(what, target, measured, met) rows for issue 7's targets."""
    rows = []
    for page in results["pages"]:
        p95 = page["summary"]["p95_ms"]
        ok = page["summary"]["errors"] == 0 and p95 is not None and p95 < P95_MS
        rows.append((f"p95, {page['name']}", f"< {P95_MS} ms", _ms(p95), ok))
    pdf = results["pdf"]
    rows.append(
        (
            "Board-pack PDF, median (max) of " + str(len(pdf["seconds"])),
            f"< {PDF_S} s",
            f"{pdf['median_s']:.2f} s ({pdf['max_s']:.2f} s)",
            pdf["max_s"] < PDF_S,
        )
    )
    dashboard = next(p for p in results["pages"] if p["key"] == "dashboard")
    share = dashboard["rps_ratio"]
    rows.append(
        (
            "Officer dashboard throughput / `/health/live`'s",
            f"≥ {DASHBOARD_SHARE:.0%}",
            "–" if share is None else f"{share:.1%}",
            None if share is None else share >= DASHBOARD_SHARE,
        )
    )
    seed = results["seed"]
    if seed.get("peak_rss_mib") is not None and seed.get("command") == "seed_scale":
        rows.append(
            (
                f"seed_scale --areas {seed['areas']}, peak RSS",
                f"< {SEED_PEAK_MIB // MIB} GiB",
                f"{seed['peak_rss_mib']:,.0f} MiB ({seed['wall_s']:,.0f} s)",
                seed["peak_rss_mib"] < SEED_PEAK_MIB,
            )
        )
    else:
        rows.append(("seed_scale peak RSS", f"< {SEED_PEAK_MIB // MIB} GiB", "not run", None))
    worst = max(w["rss_mib"] for w in results["memory"]["after"])
    rows.append(
        (
            f"RSS of each of {len(results['memory']['after'])} workers after the run (largest)",
            f"< {WORKER_MIB} MiB",
            f"{worst:,.0f} MiB",
            worst < WORKER_MIB,
        )
    )
    adds = results["memory"]["pdf_adds_mib"]
    rows.append(
        (
            "Memory a PDF render adds to a worker (peak)",
            f"< {PDF_ADDS_MIB} MiB",
            "–" if adds is None else f"{adds:,.0f} MiB",
            None if adds is None else adds < PDF_ADDS_MIB,
        )
    )
    return rows


def markdown(results: dict) -> str:
    setup = results["setup"]
    lines = [
        f"Measured {results['finished_at']} on {setup['machine']}: data of "
        f"`{results['seed']['command']} --areas {results['seed']['areas']}`, gunicorn "
        f"{setup['workers']} sync workers, {setup['concurrency']} clients for "
        f"{setup['duration_s']:g} s a page after {setup['warmup_s']:g} s of warm-up.",
        "",
        "| Target | Limit | Measured | Met |",
        "| ------ | ----- | -------- | --- |",
    ]
    lines += [
        f"| {what} | {limit} | {measured} | {_met(ok)} |"
        for what, limit, measured, ok in targets(results)
    ]
    health = results["health"]["summary"]
    lines += [
        "",
        "| Page | As | Requests/s | × health | p50 | p95 | p95 × health | Errors |",
        "| ---- | -- | ---------: | -------: | --: | --: | -----------: | -----: |",
        f"| `/health/live` | anyone | {health['rps']:,.0f} | 1.00× | {_ms(health['p50_ms'])} "
        f"| {_ms(health['p95_ms'])} | 1.00× | {health['errors']} |",
    ]
    for page in results["pages"]:
        s = page["summary"]
        lines.append(
            f"| {page['name']} | {page['role']} | {s['rps']:,.1f} | {_x(page['rps_ratio'], 3)} "
            f"| {_ms(s['p50_ms'])} | {_ms(s['p95_ms'])} | {_x(page['p95_ratio'], 1)} "
            f"| {s['errors']} |"
        )
    return "\n".join(lines) + "\n"
