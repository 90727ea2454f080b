"""The public toolkit: anyone, signed in or not, browses, searches and filters the methods,
reads, prints and downloads one, and tells us how it went."""

import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from config.domain import DomainError
from config.pdf import render_pdf
from toolkit import permissions, selectors
from toolkit.caching import public_page, with_cache_headers
from toolkit.forms import FeedbackForm, MethodFilterForm
from toolkit.models import EvidenceStrength, Facet, Method
from toolkit.services import feedback_submit

PER_PAGE = 20
PDF_CACHE_SECONDS = 24 * 60 * 60
PDF_TEMPLATES = ["pdf.html", "_print_body.html", "_print_doc.css"]


@functools.cache
def pdf_layout_digest() -> str:
    """A digest of the PDF's templates: a new layout never serves PDFs cached for the old."""
    folder = Path(__file__).resolve().parent.parent / "templates" / "toolkit"
    digest = hashlib.sha256()
    for name in PDF_TEMPLATES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:12]


def toolkit_trail() -> list[tuple[str, str]]:
    return [("Toolkit", reverse("toolkit"))]


@public_page
def method_list(request: HttpRequest) -> HttpResponse:
    """The library: search, filters and the matching methods (three queries)."""
    form = MethodFilterForm(request.GET or None)
    filters = form.filters()
    page = Paginator(selectors.method_list(filters=filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "filters": filters,
        "selected": form.selected(),
        "page": page,
        "query": query.urlencode(),
        "facet_fields": [form[name] for name in ("domain", "principle", "problem", "group")],
        "more_fields": [form[name] for name in ("stage", "effort", "cost")],
    }
    return render(request, "toolkit/list.html", context)


def _method_facts(method: Method) -> list[tuple[str, str]]:
    """The short facts under a method's title."""
    facts = [
        ("Resilience domains", ", ".join(method.tag_labels(Facet.DOMAIN))),
        ("Approach principles", ", ".join(method.tag_labels(Facet.PRINCIPLE))),
        ("Helps with", ", ".join(method.tag_labels(Facet.PROBLEM))),
        ("Group size", ", ".join(method.tag_labels(Facet.GROUP_SIZE))),
        ("SARA stage", ", ".join(method.tag_labels(Facet.SARA_STAGE))),
        ("Effort", method.get_effort_display()),
        ("Cost", method.get_cost_display()),
    ]
    return [(label, value) for label, value in facts if value]


def method_context(method: Method) -> dict:
    """What every rendering of a method shows (its page, the print view, the PDF, the
    officers' preview)."""
    return {
        "method": method,
        "facts": _method_facts(method),
        "strengths": list(EvidenceStrength),
    }


@public_page
def method_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One published method, where it was used and what people say about it."""
    method = selectors.method_get_published(slug)
    context = {
        **method_context(method),
        "related": selectors.related_published(method),
        "feedback": selectors.approved_feedback(method),
        "usage": selectors.method_usage(method),
        "can_edit": permissions.can_edit_methods(request.user),
        "trail": toolkit_trail(),
    }
    return render(request, "toolkit/method.html", context)


@public_page
def method_print(request: HttpRequest, slug: str) -> HttpResponse:
    """The method on one printable page."""
    method = selectors.method_get_published(slug)
    context = {
        **method_context(method),
        "trail": [*toolkit_trail(), (method.title, method.get_absolute_url())],
        "page_address": settings.SITE_URL + method.get_absolute_url(),
    }
    return render(request, "toolkit/print.html", context)


def method_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The printable page as a PDF, drawn once per version and kept in the cache."""
    method = selectors.method_get_published(slug)
    changed = f"{method.updated_at.timestamp():.0f}"
    stamp = f"{pdf_layout_digest()}-{method.pk}-{method.version}-{changed}"
    key = f"toolkit:pdf:{stamp}"
    pdf = cache.get(key)
    if pdf is None:
        context = {
            **method_context(method),
            "page_address": settings.SITE_URL + method.get_absolute_url(),
            "pdf": True,
        }
        pdf = render_pdf("toolkit/pdf.html", context, request=request)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{method.slug}.pdf"'
    return with_cache_headers(request, response, etag=f'"{stamp}"')


@never_cache
def feedback_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Tell us how a method went: anyone may, and an officer reads it before it is shown."""
    method = selectors.method_get_published(slug)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            # Robots get the same answer as people, so they learn nothing from it.
            return redirect("toolkit-feedback-sent", slug=method.slug)
        try:
            feedback_submit(method=method, details=form.details(), actor=request.user)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return redirect("toolkit-feedback-sent", slug=method.slug)
    trail = [*toolkit_trail(), (method.title, method.get_absolute_url())]
    return render(
        request, "toolkit/feedback.html", {"method": method, "form": form, "trail": trail}
    )


@public_page
def feedback_sent(request: HttpRequest, slug: str) -> HttpResponse:
    """Thanks, and what happens to the feedback next."""
    method = selectors.method_get_published(slug)
    trail = [*toolkit_trail(), (method.title, method.get_absolute_url())]
    return render(request, "toolkit/feedback_sent.html", {"method": method, "trail": trail})
