"""The service navigation: each role sees the parts of the service it can use.

Each app adds its entries to NAVIGATION as its pages land; an entry shows when its
predicate holds for the signed-in user.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from governance.selectors import Roles


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    shown_to: Callable[[Roles], bool]
    # The item counts as current for any path under this prefix (default: its own URL).
    prefix: str | None = None


NAVIGATION: list[NavItem] = [
    NavItem("Home", "dashboard", lambda roles: roles.is_authenticated),
    NavItem("Administration", "admin:index", lambda roles: roles.is_officer, prefix="/admin/"),
]
NAVIGATION.insert(
    -1,
    NavItem(
        "Review events",
        "review-event-list",
        lambda roles: roles.is_officer or roles.is_body_member,
        prefix="/reviews/",
    ),
)

# People Zones, before Administration: officers and board members see every zone, panel
# members their own, partner staff the active ones.
NAVIGATION.insert(
    -1,
    NavItem(
        "People Zones",
        "zone-list",
        lambda roles: (
            roles.is_officer or roles.is_board_member or roles.is_panel_member or roles.is_partner
        ),
        prefix="/zones/",
    ),
)

# Bodies and their meetings, before Administration.
NAVIGATION[-1:-1] = [
    NavItem("Bodies", "body_list", lambda roles: roles.is_officer or roles.is_body_member),
    NavItem("Meetings", "meeting_list", lambda roles: roles.is_officer or roles.is_body_member),
]

# Issues, priorities and the alignment view, straight after Home.
NAVIGATION[1:1] = [
    NavItem("Alignment", "alignment", lambda roles: roles.is_officer or roles.is_board_member),
    NavItem("Issues", "issue_list", lambda roles: roles.is_officer or roles.is_body_member),
    NavItem("Priorities", "priority_list", lambda roles: roles.is_officer or roles.is_body_member),
]

# Activities (community panels, officers, board) and initiatives (partners, officers),
# before Administration.
NAVIGATION[-1:-1] = [
    NavItem(
        "Activities",
        "activity-list",
        lambda roles: roles.is_panel_member or roles.is_officer or roles.is_board_member,
        prefix="/activities/",
    ),
    NavItem(
        "Initiatives",
        "initiative-list",
        lambda roles: roles.is_partner or roles.is_officer,
        prefix="/initiatives/",
    ),
]


# Evaluation for officers (its pages hold the board packs and the reports too, so one
# entry is current there), and the board's reports for board members, before Administration.
NAVIGATION[-1:-1] = [
    NavItem("Evaluation", "evaluation-home", lambda roles: roles.is_officer),
    NavItem(
        "Reports",
        "board-report-list",
        lambda roles: roles.is_board_member and not roles.is_officer,
        prefix="/evaluation/reports/",
    ),
]

# The toolkit is public: everyone sees it (a menu of one item is not shown, so signed-out
# visitors find it from the start page instead).
NAVIGATION.insert(-1, NavItem("Toolkit", "toolkit", lambda roles: True, prefix="/toolkit/"))


def items_for(roles: Roles, path: str) -> list[dict]:
    """The navigation entries this person sees, with the current one marked."""
    items = []
    for item in NAVIGATION:
        if not item.shown_to(roles):
            continue
        url = reverse(item.url_name)
        prefix = item.prefix or url
        current = path == url if prefix == "/" else path.startswith(prefix)
        items.append({"label": item.label, "url": url, "current": current})
    return items
