"""People Zones URLs: zones."""

urlpatterns: list = []
