"""`make run`: migrate, load the demo data, then serve the web app with a Celery worker and
beat on the embedded defaults. Prints the address and the demo accounts once the web app
answers; Ctrl-C stops everything it started."""

import os
import signal
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def manage(*args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def start(*args: str) -> subprocess.Popen:
    # Each child leads its own process group, so stopping it stops what it forked too.
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, start_new_session=True)


def wait_until_live(url: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            # The launcher builds this http:// loopback address itself; no other scheme gets here.
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310  # nosec B310
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def stop(children: list[subprocess.Popen]) -> None:
    for child in children:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
    for child in children:
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)


def interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    # Ctrl-C, a closed terminal or a plain kill all stop everything. Installed explicitly,
    # because a shell that starts us in the background would have SIGINT ignored.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupt)
    port = os.environ.get("PORT", "8000")
    address = f"http://127.0.0.1:{port}"
    manage("migrate", "--no-input", "-v0")
    accounts = manage("seed_demo", capture=True)
    children = [
        start("manage.py", "runserver", f"127.0.0.1:{port}"),
        start("-m", "celery", "-A", "config", "worker", "--loglevel=INFO", "--pool=solo"),
        start("-m", "celery", "-A", "config", "beat", "--loglevel=INFO", "--pidfile="),
    ]
    try:
        if not wait_until_live(f"{address}/health/live"):
            print("The web app did not start; see the messages above.", file=sys.stderr)
            return 1
        print(f"\n  {address} is ready (Ctrl-C stops the web app, worker and beat).\n")
        print("  " + accounts.strip().replace("\n", "\n  ") + "\n", flush=True)
        while all(child.poll() is None for child in children):
            time.sleep(1)
        print("A process stopped; stopping the others.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop(children)


if __name__ == "__main__":
    sys.exit(main())
