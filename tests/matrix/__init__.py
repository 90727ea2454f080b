"""Outcome helpers for the permission matrix, shared by the rows of every part.

Each part of the service keeps its rows in `tests/matrix/<part>.py` as `ROWS`, keyed by
route as Django's resolver spells it; tests/permission_matrix.py merges them. Its
`populate(world)` creates the objects those rows probe (and one object of each model the
part registers in the admin) before the matrix walks the URLs.
"""

from tests.conftest import ROLES

SIGNED_IN = [role for role in ROLES if role != "anonymous"]


def everyone(outcome: str = "ok") -> dict[str, str]:
    return dict.fromkeys(ROLES, outcome)


def signed_in(outcome: str = "ok", anonymous: str = "login") -> dict[str, str]:
    return {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, outcome)}


def officers(outcome: str = "ok", anonymous: str = "login", others: str = "denied") -> dict:
    return {**signed_in(others, anonymous), "officer": outcome}


def no_args(world) -> dict:
    return {}
