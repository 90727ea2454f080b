"""How big the synthetic data set is: one place for every size, and the names of areas."""

from dataclasses import dataclass

# The 43 territorial police force areas of England and Wales.
FORCE_AREAS = [
    "Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "City of London",
    "Cleveland", "Cumbria", "Derbyshire", "Devon and Cornwall", "Dorset", "Durham",
    "Dyfed-Powys", "Essex", "Gloucestershire", "Greater Manchester", "Gwent", "Hampshire",
    "Hertfordshire", "Humberside", "Kent", "Lancashire", "Leicestershire", "Lincolnshire",
    "Merseyside", "Metropolitan", "Norfolk", "North Wales", "North Yorkshire",
    "Northamptonshire", "Northumbria", "Nottinghamshire", "South Wales", "South Yorkshire",
    "Staffordshire", "Suffolk", "Surrey", "Sussex", "Thames Valley", "Warwickshire",
    "West Mercia", "West Midlands", "West Yorkshire", "Wiltshire",
]  # fmt: skip

# Every synthetic body, zone, method and account has a slug or username starting so.
PREFIX = "scale-"


@dataclass(frozen=True)
class Knobs:
    areas: int = 43
    years: int = 5
    csps: int = 10  # per area
    jags: int = 5  # per CSP
    zones: int = 10  # per area
    issues_per_jag_year: int = 25
    priorities_per_year: int = 6
    activities_per_zone_day: float = 1.0
    methods: int = 300
    members_per_body: int = 6
    panel_size: int = 8
    indicators_per_zone: int = 4
    seed: int = 43

    @property
    def months(self) -> int:
        return 12 * self.years


def area_name(k: int) -> str:
    """The k-th area's name (k from 1)."""
    if k <= len(FORCE_AREAS):
        return FORCE_AREAS[k - 1]
    return f"Area {k}"


def area_prefix(k: int) -> str:
    return f"{PREFIX}a{k:02d}"
