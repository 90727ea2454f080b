"""People Zones models: initiatives."""

__all__: list[str] = []
