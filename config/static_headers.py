"""Headers for static files, which WhiteNoise serves before the CSP and frame-options
middleware see the response: the same frame-ancestors rule as every page, and nothing
executable if someone opens an SVG (or any other file) on its own."""

STATIC_CSP = "default-src 'none'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"


def add_static_headers(headers, path: str, url: str) -> None:
    headers["Content-Security-Policy"] = STATIC_CSP
    headers["X-Frame-Options"] = "DENY"
