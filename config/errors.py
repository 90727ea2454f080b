"""Error pages in the service's own layout."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def _render(request: HttpRequest, template: str, status: int, context=None) -> HttpResponse:
    return HttpResponse(render_to_string(template, context or {}, request), status=status)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    reason = str(exception) if exception and str(exception) else ""
    return _render(request, "errors/403.html", 403, {"reason": reason})


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _render(request, "errors/404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request context: the failure may lie in what builds it.
    return HttpResponse(render_to_string("errors/500.html"), status=500)
