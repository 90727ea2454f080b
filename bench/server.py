"""The service as production runs it, on loopback: gunicorn with a fixed number of sync
workers, DEBUG off, static files collected and served by WhiteNoise."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.web import BenchError, fetch

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
# Where gunicorn's workers keep their heartbeat files (no data).
SHM = "/dev/shm"  # noqa: S108  # nosec B108


def production_env(database_url: str, redis_url: str = "") -> dict[str, str]:
    """The environment of a production run, minus TLS: loopback speaks plain HTTP, so the
    redirect to HTTPS is off (the cookies stay Secure; the clients here send them anyway)."""
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "DEBUG", "CELERY_TASK_ALWAYS_EAGER"):
        env.pop(name, None)
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",
        STATIC_MANIFEST="true",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(env: dict[str, str], *args: str, quiet: bool = True) -> None:
    """Run a management command; stop the benchmark if it fails."""
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL if quiet else None,
        check=False,
    )
    if result.returncode:
        raise BenchError(f"manage.py {' '.join(args)} failed (exit {result.returncode}).")


def _newest(paths: list[Path]) -> float:
    newest = 0.0
    for path in paths:
        if path.is_file():
            newest = max(newest, path.stat().st_mtime)
        elif path.is_dir():
            for found in path.rglob("*"):
                newest = max(newest, found.stat().st_mtime)
    return newest


def collect_static(env: dict[str, str], var_dir: Path) -> bool:
    """`manage.py collectstatic` into var_dir/staticfiles, unless its manifest is newer than
    the compiled front end, static/ and the installed packages (compressing every file
    again takes minutes on a busy machine). True when it ran."""
    manifest = var_dir / "staticfiles" / "staticfiles.json"
    sources = [ROOT / "var" / "build", ROOT / "static", ROOT / ".venv" / ".synced"]
    if manifest.exists() and manifest.stat().st_mtime > _newest(sources):
        return False
    manage(env, "collectstatic", "--no-input")
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Gunicorn:
    """gunicorn config.wsgi on a free loopback port; a context manager that stops it."""

    def __init__(self, env: dict[str, str], workers: int = 2, log: Path | None = None):
        self.env, self.workers, self.log = env, workers, log
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        out = self._log = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        command = [
            str(VENV_BIN / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            "sync",
            "--timeout",
            "120",
            "--no-control-socket",
        ]
        if Path(SHM).is_dir():
            # As in the Dockerfile: the workers' heartbeat files in memory, not on disk.
            command += ["--worker-tmp-dir", SHM]
        self.process = subprocess.Popen(  # noqa: S603 - gunicorn from our own venv
            command, cwd=ROOT, env=self.env, stdout=out, stderr=out
        )
        try:
            self._wait_ready()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_ready(self, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn stopped at start (exit {self.process.returncode}).")
            try:
                status, *_ = fetch(HOST, self.port, "/health/live")
            except OSError:
                status = 0
            if status == 200 and len(self.worker_pids()) == self.workers:
                return
            time.sleep(0.2)
        raise BenchError("gunicorn did not answer /health/live in time.")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log:
            self._log.close()

    def worker_pids(self) -> list[int]:
        """The worker processes: children of the gunicorn master."""
        master = self.process.pid
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name is in parentheses and may hold spaces: the fields follow ")".
            parent = int(stat.rpartition(")")[2].split()[1])
            if parent == master:
                pids.append(int(entry.name))
        return sorted(pids)


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (peak resident) of a process, in KiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0])
    return values


def reset_peak(pid: int) -> bool:
    """Start VmHWM afresh from the current RSS (Linux 4.0+); False where refused."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True
