"""A toolkit method's PDF is kept in the cache; with the cache's Redis down it is drawn
afresh instead of failing."""

from django.test import override_settings

DOWN = {
    "default": {
        "BACKEND": "config.cache.TolerantRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


def test_method_pdf_is_served_while_the_cache_is_down(client, library):
    with override_settings(CACHES=DOWN):
        response = client.get("/toolkit/methods/street-light-audit.pdf")
        page = client.get("/toolkit/methods/street-light-audit/")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert page.status_code == 200
