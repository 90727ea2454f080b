"""HTTP caching of the public toolkit pages.

Signed-out visitors get pages any cache may keep for a few minutes, with an ETag so a
browser or proxy can ask again cheaply (304). A signed-in person's page is private: the
header and navigation are theirs, so no shared cache may keep it. `Vary: Cookie` keeps the
two apart in caches that honour it.
"""

import hashlib
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

PUBLIC_MAX_AGE = 300  # seconds: a change to a method reaches everyone within five minutes


def content_etag(request: HttpRequest, response: HttpResponse) -> str:
    """A weak ETag of the page as people see it.

    The CSP nonce differs on every response, so it is left out of the digest; otherwise the
    same page would never match its own ETag.
    """
    body = response.content
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str):
        body = body.replace(nonce.encode(), b"")
    return f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'


def with_cache_headers(
    request: HttpRequest, response: HttpResponse, *, etag: str = ""
) -> HttpResponse:
    """The response with the cache headers its audience allows, or a 304 when the client
    already holds this very page."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    patch_vary_headers(response, ["Cookie"])
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
        return response
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    response.headers["ETag"] = etag or content_etag(request, response)
    answer = get_conditional_response(request, etag=response.headers["ETag"], response=response)
    if answer is not response:
        # A 304 has no body: sending a new CSP (with a new nonce) would make the browser
        # pair it with the page it kept, whose scripts carry the old nonce.
        answer._csp_exempt = True
    return answer


def public_page(view):
    """Cache headers for a page anyone may read (see the module's docstring)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return with_cache_headers(request, view(request, *args, **kwargs))

    return wrapped
