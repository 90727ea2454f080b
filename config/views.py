"""Pages that belong to the whole service rather than to one app."""

import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config.celery import app as celery_app

logger = logging.getLogger(__name__)


@require_GET
@never_cache
def health_live(request: HttpRequest) -> HttpResponse:
    """The process answers. Touches neither the database nor the broker."""
    return HttpResponse("ok", content_type="text/plain")


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Readiness: the database did not answer")
        return False


def _broker_answers() -> bool:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
        return True
    except Exception:
        logger.exception("Readiness: the Celery broker did not answer")
        return False


@require_GET
@never_cache
def health_ready(request: HttpRequest) -> HttpResponse:
    """200 when the database and the broker answer; 503 naming each part that does not."""
    failing = [
        name
        for name, answers in (("database", _database_answers), ("broker", _broker_answers))
        if not answers()
    ]
    if failing:
        body = "unavailable: " + ", ".join(failing)
        return HttpResponse(body, status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's)."""
    return redirect(static("img/favicon.svg"))


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The accessibility statement, in the form the 2018 accessibility regulations ask for."""
    return render(
        request,
        "pages/accessibility.html",
        {"contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL},
    )


def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/cookies.html")
