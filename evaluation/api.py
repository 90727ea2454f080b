"""The evaluation API."""


def register(router) -> None:
    """Add the evaluation viewsets to the API router."""


urlpatterns: list = []
