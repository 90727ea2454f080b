"""Permission matrix rows: UK GDPR requests about one person (see tests/matrix/__init__.py).

Only OPCC officers find people, download their data and erase them; everyone else signed
in gets 403. The download is a POST (a GET answers 405 to whoever may otherwise use it).
"""

from tests.matrix import officers, signed_in

person = lambda w: {"pk": w.people.panel_a.pk}  # noqa: E731

ROWS: dict[str, tuple] = {
    "people/": (lambda w: {}, officers()),
    "people/<int:pk>/": (person, officers()),
    "people/<int:pk>/export/": (person, signed_in("denied") | {"officer": "method"}),
    "people/<int:pk>/erase/": (person, officers()),
}


def populate(world) -> None:
    """Nothing beyond the world's people."""
