"""HTTP on loopback with http.client: signing in through the sign-in form, and the client
loop each load-generating process runs.

Gunicorn's sync workers close the connection after every response; http.client then
opens a new one for the next request on its own, so health checks and pages pay the same
(loopback) connection cost."""

from __future__ import annotations

import http.client
import re
import time
import urllib.parse
from dataclasses import dataclass, field

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class BenchError(Exception):
    """Something the benchmark needs did not happen (a sign-in refused, a page not 200)."""


def _cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    found = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        found[name.strip()] = rest.split(";", 1)[0]
    return found


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def sign_in(host: str, port: int, username: str, password: str) -> str:
    """Sign in through the sign-in form as a browser would (CSRF token included) and
    return the Cookie header of the signed-in session."""
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        connection.request("GET", "/accounts/login/")
        response = connection.getresponse()
        page = response.read().decode()
        cookies = _cookies(response)
        token = CSRF_INPUT.search(page)
        if response.status != 200 or not token or "csrftoken" not in cookies:
            raise BenchError(f"The sign-in page answered {response.status} without a form.")
        body = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)}
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(cookies),
            "Referer": f"http://{host}:{port}/accounts/login/",
        }
        connection.request("POST", "/accounts/login/", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        cookies.update(_cookies(response))
        if response.status != 302 or "sessionid" not in cookies:
            raise BenchError(
                f"Signing in as {username!r} failed (HTTP {response.status}): "
                "wrong username or password?"
            )
        return cookie_header(cookies)
    finally:
        connection.close()


def fetch(host: str, port: int, path: str, cookie: str = "") -> tuple[int, str, bytes, float]:
    """One GET: status, content type, body and seconds taken."""
    connection = http.client.HTTPConnection(host, port, timeout=120)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        body = response.read()
        return (
            response.status,
            response.getheader("Content-Type", ""),
            body,
            (time.perf_counter() - started),
        )
    finally:
        connection.close()


@dataclass
class Job:
    """What one client process does: GET path again and again, measuring only the requests
    that start and end inside [measure_from, measure_until] (wall-clock seconds)."""

    host: str
    port: int
    path: str
    cookie: str
    start_at: float
    measure_from: float
    measure_until: float


@dataclass
class Outcome:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    warmup_requests: int = 0
    first_error: str = ""
    late: bool = False


def ready(_: int) -> int:
    """Keeps a pool process busy a moment, so that every process of the pool is started."""
    time.sleep(0.2)
    return 0


def client_loop(job: Job) -> Outcome:
    """Run in its own process (no GIL shared with the server or other clients)."""
    outcome = Outcome()
    headers = {"Cookie": job.cookie} if job.cookie else {}
    connection = http.client.HTTPConnection(job.host, job.port, timeout=60)
    while time.time() < job.start_at:
        time.sleep(0.001)
    outcome.late = time.time() > job.measure_from
    while True:
        started_wall = time.time()
        if started_wall >= job.measure_until:
            break
        started = time.perf_counter()
        try:
            connection.request("GET", job.path, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            status, detail = 0, f"{type(error).__name__}: {error}"
        else:
            detail = f"HTTP {status}"
        elapsed_ms = (time.perf_counter() - started) * 1000
        counted = started_wall >= job.measure_from and time.time() <= job.measure_until
        if status != 200:
            outcome.errors += counted
            outcome.first_error = outcome.first_error or f"{job.path}: {detail}"
        elif counted:
            outcome.latencies_ms.append(elapsed_ms)
        else:
            outcome.warmup_requests += 1
    connection.close()
    return outcome
