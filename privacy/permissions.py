"""Who may handle privacy requests: OPCC officers only."""

import rules

from governance.permissions import is_opcc_officer

NO_ACCESS = "Only OPCC officers handle subject access and erasure requests."


@rules.predicate
def can_handle_privacy_requests(user) -> bool:
    return is_opcc_officer(user)
