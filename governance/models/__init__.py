"""Governance models, one module per part of the partnership's work.

Each module lists its models in `__all__`; importing them here registers them with Django.
"""

from governance.models.issues import *  # noqa: F403
from governance.models.meetings import *  # noqa: F403
from governance.models.notifications import *  # noqa: F403
from governance.models.people import Body, Membership, Organisation, PersonManager, User
from governance.models.priorities import *  # noqa: F403
from governance.models.reviews import *  # noqa: F403

__all__ = ["Body", "Membership", "Organisation", "PersonManager", "User"]
