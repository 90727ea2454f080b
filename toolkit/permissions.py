"""Who may do what in the toolkit: anyone reads published methods and gives feedback;
OPCC officers write, review, publish and moderate."""

import rules

from governance.selectors import roles_for


@rules.predicate
def can_edit_methods(user) -> bool:
    """Drafting, reviewing, publishing and unpublishing methods: OPCC officers."""
    return roles_for(user).is_officer


@rules.predicate
def can_moderate_feedback(user) -> bool:
    """Approving or rejecting feedback before it is public: OPCC officers."""
    return roles_for(user).is_officer
