"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; without this Django refuses the
# ORM calls the fixtures make ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees the whole session's items, so touch only the ones in this folder.
    missing = None
    if not CHROMIUM.exists():
        missing = pytest.mark.skip(
            reason=f"Debian's chromium is not installed at {CHROMIUM}: apt-get install chromium"
        )
    for item in items:
        if not item.path.is_relative_to(HERE):
            continue
        item.add_marker(pytest.mark.browser)
        if missing:
            item.add_marker(missing)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """Launch the system Chromium: Playwright's own browser downloads are not used here."""
    return {"executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture
def server_url(live_server, transactional_db, world) -> str:
    """The live server's address, once the shared `world` of people is in its database."""
    return live_server.url
