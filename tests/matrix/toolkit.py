"""Permission matrix rows: the toolkit (see tests/matrix/__init__.py).

The library, a published method's pages, its PDF and the feedback form are public: every
role, signed in or not, gets them. A draft's public address is missing for everyone, officers
included (they see it on the officers' pages). The officers' pages are for OPCC officers only;
the API reads published methods for anyone and takes writes (POST) only.
"""

from types import SimpleNamespace

from tests.factories_toolkit import draft_method, feedback_on, published_method, toolkit_officer
from tests.matrix import everyone, no_args, officers

M = "toolkit/methods/<slug:slug>/"
MANAGE = "toolkit/manage/<int:pk>/"
API = "api/v1/^toolkit/methods/(?P<slug>[^/.]+)"
FORMAT = "\\.(?P<format>[a-z0-9]+)/?$"


def published(w) -> dict:
    return {"slug": w.toolkit.published.slug}


def draft(w) -> dict:
    return {"slug": w.toolkit.draft.slug}


def draft_pk(w) -> dict:
    return {"pk": w.toolkit.draft.pk}


def published_api(w) -> dict:
    return {"slug": w.toolkit.published.slug, "format": "json"}


ROWS: dict[str, tuple] = {
    # Public pages: a published method for everyone; a draft for nobody.
    "toolkit/": (no_args, everyone()),
    M: (published, everyone()),
    M + "print/": (published, everyone()),
    "toolkit/methods/<slug:slug>.pdf": (published, everyone()),
    M + "feedback/": (published, everyone()),
    M + "feedback/sent/": (published, everyone()),
    # Officers' pages.
    "toolkit/manage/": (no_args, officers()),
    "toolkit/manage/new/": (no_args, officers()),
    MANAGE: (draft_pk, officers()),
    MANAGE + "edit/": (draft_pk, officers()),
    MANAGE + "workflow/": (draft_pk, officers("method")),
    MANAGE + "revise/": (draft_pk, officers("method")),
    MANAGE + "discard/": (draft_pk, officers("method")),
    MANAGE + "versions/<int:number>/": (
        lambda w: {"pk": w.toolkit.published.pk, "number": 1},
        officers(),
    ),
    "toolkit/manage/feedback/": (no_args, officers()),
    "toolkit/manage/feedback/<int:pk>/": (
        lambda w: {"pk": w.toolkit.feedback.pk},
        officers("method"),
    ),
    # API: reading is public; actions and feedback take POST only.
    "api/v1/^toolkit/methods/$": (no_args, everyone()),
    "api/v1/^toolkit/methods" + FORMAT: (lambda w: {"format": "json"}, everyone()),
    API + "/$": (published, everyone()),
    API + FORMAT: (published_api, everyone()),
    "api/v1/^toolkit/feedback/$": (no_args, everyone("method")),
    "api/v1/^toolkit/feedback" + FORMAT: (lambda w: {"format": "json"}, everyone("method")),
}
for action in ("publish", "return", "submit", "unpublish"):
    ROWS[f"{API}/{action}/$"] = (published, everyone("method"))
    ROWS[f"{API}/{action}{FORMAT}"] = (published_api, everyone("method"))


def populate(world) -> None:
    """A published method (with version 1 and feedback), and a draft."""
    officer = toolkit_officer()
    method = published_method(officer, title="Matrix method")
    world.toolkit = SimpleNamespace(
        published=method,
        draft=draft_method(officer, title="Matrix draft"),
        feedback=feedback_on(method),
    )
