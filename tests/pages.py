"""The concrete pages of the service, by role, for checks that walk every page.

The permission matrix (tests/permission_matrix.py) names every URL pattern, how to fill
its path arguments from the `world` fixture, and what each role gets. Checks that must
cover "every page for every role" (query budgets, security headers, accessibility, form
fuzzing) take their list from here, so a new route is covered by all of them at once.
"""

import re
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

from tests.permission_matrix import EXPECTATIONS, PARTS


def url_patterns(patterns=None, prefix="", namespace="") -> Iterator[tuple[str, str]]:
    """Every (route, name) the resolver knows, routes spelled as in the table."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace or "") if n)
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield prefix + str(pattern.pattern), name


def fill(route: str, values: dict) -> str:
    """The path a route matches with these values in its parameters."""
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), path)
    path = path.replace("/?$", "").replace("^", "").replace("$", "").replace("\\.", ".")
    return "/" + path


def populate(world):
    """Create the objects every part's matrix rows probe; returns the world."""
    for part in PARTS:
        part.populate(world)
    return world


def is_api(route: str) -> bool:
    return route.startswith("api/")


def is_admin(route: str) -> bool:
    return route.startswith("admin/")


def pages_for(role: str, world, *, api: bool = False, outcome: str = "ok") -> list[tuple]:
    """(route, path) of every service page (not the admin; the API only when asked) that
    answers `role` with `outcome` (a 200 by default), in a stable order.

    `world` must have been through `populate`. Routes whose format suffix makes them a
    second spelling of another route (`.json`) are left out.
    """
    found = []
    for route, make_values, expected in _rows():
        if is_admin(route) or (is_api(route) and not api):
            continue
        if "format" in route or expected.get(role) != outcome:
            continue
        found.append((route, fill(route, make_values(world))))
    return found


def _rows():
    seen = set()
    for route, _name in url_patterns():
        if route in seen or route not in EXPECTATIONS:
            continue
        seen.add(route)
        make_values, expected = EXPECTATIONS[route]
        yield route, make_values, expected
