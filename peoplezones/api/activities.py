"""The People Zones API: activities."""


def register(router) -> None:
    """Add this part's viewsets to the API router."""


urlpatterns: list = []
