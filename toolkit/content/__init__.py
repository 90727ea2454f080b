"""The toolkit's own content: the methods named in the seed report, written out in full."""

from toolkit.content.community import METHODS as COMMUNITY_METHODS
from toolkit.content.problem_solving import DRAFT_COMMUNITY_CAFE
from toolkit.content.problem_solving import METHODS as PROBLEM_SOLVING_METHODS

METHODS = [*COMMUNITY_METHODS, *PROBLEM_SOLVING_METHODS]
DRAFTS = [DRAFT_COMMUNITY_CAFE]

__all__ = ["DRAFTS", "METHODS"]
