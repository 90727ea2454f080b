"""The deployment files agree with the code: docker compose scales web and worker and runs
exactly one beat, production settings pass Django's deployment checks, and the README
documents every setting."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCALABLE = ("web", "worker")


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _services() -> dict:
    return _compose()["services"]


def _command(service: dict) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else command


def _fixes_host_port(port) -> bool:
    """True when a `ports` entry names a host port, which a second replica could not bind."""
    if isinstance(port, dict):
        return bool(port.get("published"))
    parts = str(port).split("/")[0].rsplit(":", 2)
    return len(parts) > 1 and bool(parts[-2])


def _clean_env(**extra: str) -> dict:
    """An environment for a child process that carries none of the test settings' values."""
    env = {"PATH": os.environ.get("PATH", "")}
    for name in ("HOME", "DATABASE_URL", "REDIS_URL", "VAR_DIR"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    env.update(extra)
    return env


def _manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (this interpreter, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_compose_has_the_services_of_the_service():
    services = _services()
    for name in ("migrate", "web", "worker", "beat", "postgres", "redis"):
        assert name in services, f"docker-compose.yml has no {name} service"


@pytest.mark.parametrize("name", ["web", "worker", "postgres", "redis"])
def test_compose_service_has_a_healthcheck(name):
    healthcheck = _services()[name].get("healthcheck") or {}
    assert healthcheck.get("test"), f"{name} has no healthcheck"
    assert not healthcheck.get("disable")


def test_web_runs_gunicorn_on_the_wsgi_app_and_checks_health_live():
    web = _services()["web"]
    assert "gunicorn" in _command(web)
    assert "config.wsgi" in _command(web)
    assert "/health/live" in " ".join(web["healthcheck"]["test"])


def test_worker_runs_a_celery_worker_and_is_pinged():
    worker = _services()["worker"]
    assert re.search(r"\bcelery\b.*\bworker\b", _command(worker))
    assert "inspect ping" in " ".join(worker["healthcheck"]["test"])


def test_beat_runs_celery_beat_with_the_database_scheduler_once():
    beat = _services()["beat"]
    assert re.search(r"\bcelery\b.*\bbeat\b", _command(beat))
    assert "config.scheduler:EditableScheduler" in _command(beat)
    assert int((beat.get("deploy") or {}).get("replicas", 1)) <= 1


def test_postgres_keeps_its_data_in_a_named_volume():
    compose = _compose()
    named = set(compose.get("volumes") or {})
    mounts = compose["services"]["postgres"].get("volumes") or []
    sources = {str(m).split(":")[0] if isinstance(m, str) else m.get("source") for m in mounts}
    assert sources & named, "postgres data is not on a named volume"


def test_no_service_has_a_container_name():
    for name, service in _services().items():
        assert "container_name" not in service, f"{name} has a container_name"


@pytest.mark.parametrize("name", SCALABLE)
def test_scalable_service_publishes_no_fixed_host_port(name):
    ports = _services()[name].get("ports") or []
    fixed = [port for port in ports if _fixes_host_port(port)]
    assert not fixed, f"{name} fixes host ports {fixed}; --scale {name}=N would clash"


@pytest.mark.parametrize(
    ("port", "fixed"),
    [
        ("8000", False),
        (8000, False),
        ("127.0.0.1::8000", False),
        ("8000:8000", True),
        ("127.0.0.1:8000:8000/tcp", True),
        ({"target": 8000}, False),
        ({"target": 8000, "published": 8080}, True),
    ],
)
def test_fixed_host_ports_are_recognised(port, fixed):
    assert _fixes_host_port(port) is fixed


@pytest.mark.parametrize("name", ["web", "worker", "beat"])
def test_app_service_waits_for_migrations(name):
    depends_on = _services()[name]["depends_on"]
    assert depends_on["migrate"]["condition"] == "service_completed_successfully"
    assert "migrate" in _command(_services()["migrate"])


def test_compose_refuses_to_start_without_a_secret_key():
    environment = _services()["web"]["environment"]
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert environment["DEBUG"] == "false"


def test_production_settings_pass_the_deployment_checks():
    env = _clean_env(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="example.org",
    )
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = _clean_env(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="false")
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def _settings_variables() -> set[str]:
    source = (ROOT / "config" / "settings.py").read_text()
    pattern = r"""(?:env_(?:str|bool|int|list)|os\.environ\.get|os\.getenv)\(\s*["'](\w+)["']"""
    return set(re.findall(pattern, source))


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme
    assert "make test" in readme


def test_readme_documents_every_environment_variable_of_the_settings():
    readme = (ROOT / "README.md").read_text()
    variables = _settings_variables()
    assert len(variables) > 10, "the settings' environment variables were not found"
    missing = sorted(name for name in variables if f"`{name}`" not in readme)
    assert not missing, f"README.md does not document {missing}"
