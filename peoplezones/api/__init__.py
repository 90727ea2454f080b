"""The People Zones API, one module per part; each registers its viewsets on the router."""
