"""People Zones models: activities."""

__all__: list[str] = []
