"""Printable documents as PDF: a template rendered to HTML, then drawn by WeasyPrint.

Nothing is fetched while drawing: stylesheets belong inside the template, fonts come from
the machine (Arial maps to Liberation Sans through fontconfig), and any other address is
refused, so a document never waits on, or leaks to, the network.

Every PDF is a tagged PDF/UA-1 document: its headings, paragraphs, lists, tables (with
their header cells) and figures (a chart's alternative text is its SVG title) are marked
in a structure tree that screen readers follow, its language is the template's
`<html lang>` and a reader's window shows its `<title>`, not the file name.
"""

from django.template.loader import render_to_string

# PDF/UA-1 tags the document (StructTreeRoot, MarkInfo Marked true) and writes its title
# and language into the XMP metadata as the standard asks.
VARIANT = "pdf/ua-1"


def _refuse_fetch(url: str, *args, **kwargs):
    raise ValueError(f"PDF documents load nothing from outside: {url}")


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    """The tagged PDF of `template` rendered with `context`."""
    from weasyprint import HTML  # imported here: loading Pango is slow and pages rarely need it

    html = render_to_string(template, context, request=request)
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(pdf_variant=VARIANT)
