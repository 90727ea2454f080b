"""Printable documents as PDF: a template rendered to HTML, then drawn by WeasyPrint.

Nothing is fetched while drawing: stylesheets belong inside the template, fonts come from
the machine (Arial maps to Liberation Sans through fontconfig), and any other address is
refused, so a document never waits on, or leaks to, the network.
"""

from django.template.loader import render_to_string


def _refuse_fetch(url: str, *args, **kwargs):
    raise ValueError(f"PDF documents load nothing from outside: {url}")


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    """The PDF of `template` rendered with `context`."""
    from weasyprint import HTML  # imported here: loading Pango is slow and pages rarely need it

    html = render_to_string(template, context, request=request)
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()
