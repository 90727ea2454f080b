"""People Zones models, one module per part of a zone's programme.

Each module lists its models in `__all__`; importing them here registers them with Django.
"""

from peoplezones.models.activities import *  # noqa: F403
from peoplezones.models.initiatives import *  # noqa: F403
from peoplezones.models.plans import *  # noqa: F403
from peoplezones.models.zones import PanelMembership, Zone

__all__ = ["PanelMembership", "Zone"]
