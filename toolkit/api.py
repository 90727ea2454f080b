"""The toolkit API."""


def register(router) -> None:
    """Add the toolkit's viewsets to the API router."""


urlpatterns: list = []
