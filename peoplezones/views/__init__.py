"""People Zones pages, one module per part: `peoplezones.views.<part>`."""
