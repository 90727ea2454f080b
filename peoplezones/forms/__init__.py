"""People Zones forms, one module per part: `peoplezones.forms.<part>`."""
