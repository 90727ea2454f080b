"""People Zones models: plans."""

__all__: list[str] = []
