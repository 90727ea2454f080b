"""People Zones URLs: activities."""

urlpatterns: list = []
