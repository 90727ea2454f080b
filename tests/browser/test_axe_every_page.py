"""axe-core over every page for every role: no serious or critical WCAG 2.2 AA violation.

The pages come from tests/pages.py (`pages_for`), so a new route is checked as soon as it
has a row in the permission matrix. Each role signs in once (its session cookie goes into
its own browser context); the panel members' pages are checked again at phone width. The
administration's index, one list and one change form are checked for the officer too.
"""

import os
from http.cookies import SimpleCookie

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from tests.conftest import ROLES
from tests.pages import pages_for, populate

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason=(
        "axe over every page for every role takes minutes, so CI runs it only in the run on "
        "the embedded defaults (SQLite): what assistive technology meets on a page does not "
        "depend on the database"
    ),
)

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_22_AA},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}
PANEL_ROLES = ("panel_a", "panel_b")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
# Downloads and machine endpoints: not pages a person reads in the browser.
NOT_PAGES = (".pdf", ".csv", ".xlsx", ".json", ".txt", ".ics")


def is_page(path: str) -> bool:
    return not path.endswith(NOT_PAGES) and not path.startswith("/health/")


def admin_pages(world) -> list[tuple[str, str]]:
    """The administration's index, one list and one change form (Django's own templates)."""
    body = world.bodies.csp_a.pk
    return [
        ("admin/", "/admin/"),
        ("admin:governance_body_changelist", "/admin/governance/body/"),
        ("admin:governance_body_change", f"/admin/governance/body/{body}/change/"),
    ]


def session_cookie(role: str, world, server_url: str) -> list[dict]:
    """The session cookie of `role` signed in, ready for a browser context."""
    if role == "anonymous":
        return []
    client = Client()
    client.force_login(getattr(world.people, role))
    morsel: SimpleCookie = client.cookies
    value = morsel[settings.SESSION_COOKIE_NAME].value
    return [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": server_url}]


def blocking_violations(page, axe: Axe) -> list[dict]:
    results = axe.run(page, options=AXE_OPTIONS).response
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def describe(role: str, width: int, path: str, violation: dict) -> list[str]:
    lines = []
    for node in violation["nodes"]:
        if node.get("impact") not in BLOCKING and node.get("impact") is not None:
            continue
        target = " ".join(str(t) for t in node["target"])
        lines.append(
            f"{path} as {role} at {width}px: {violation['id']} ({violation['impact']}) "
            f"{violation['help']} — {target}"
        )
    return lines


def test_no_page_has_a_serious_or_critical_wcag_22_aa_violation_for_any_role(
    browser, server_url, world
):
    populate(world)
    axe = Axe()
    problems: list[str] = []
    checked = 0
    for role in ROLES:
        paths = [path for _route, path in pages_for(role, world) if is_page(path)]
        if role == "officer":
            paths += [path for _route, path in admin_pages(world)]
        assert paths, f"{role} has no pages to check"
        widths = [DESKTOP, PHONE] if role in PANEL_ROLES else [DESKTOP]
        context = browser.new_context(viewport=DESKTOP)
        context.add_cookies(session_cookie(role, world, server_url))
        page = context.new_page()
        try:
            for size in widths:
                page.set_viewport_size(size)
                for path in paths:
                    response = page.goto(server_url + path)
                    assert response is not None and response.status == 200, (
                        f"{path} as {role}: expected a page, got "
                        f"{response.status if response else 'no response'}"
                    )
                    assert response.headers["content-type"].startswith("text/html"), (
                        f"{path} as {role} is not HTML: add its suffix to NOT_PAGES"
                    )
                    for violation in blocking_violations(page, axe):
                        problems += describe(role, size["width"], path, violation)
                    checked += 1
        finally:
            context.close()
    # The walk really covered the service: every role, and more than a handful of pages.
    assert checked > 200, f"only {checked} pages were checked"
    assert not problems, (
        f"{len(problems)} serious or critical accessibility problems:\n" + "\n".join(problems)
    )
