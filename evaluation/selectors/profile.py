"""A zone's resilience profile: the four domains side by side, in the last twelve months
and in the year before, by the activity logged and by the progress of the ambition
statement's indicators in each domain (three queries)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from evaluation.periods import Period, last_twelve_months
from evaluation.progress import mean, percent
from evaluation.selectors.activity import DomainProfile, domain_profile
from evaluation.selectors.indicators import ThenAndNow, current_statements, indicators_then_and_now
from peoplezones.models import AmbitionStatement, Zone


@dataclass
class DomainColumn:
    activity: DomainProfile
    indicators: list[ThenAndNow] = field(default_factory=list)

    def _mean(self, when: str) -> Decimal | None:
        progress = [getattr(row, when) for row in self.indicators]
        return mean(p.share for p in progress if p.is_measured)

    @property
    def progress_now(self) -> int | None:
        return percent(self._mean("now"))

    @property
    def progress_then(self) -> int | None:
        return percent(self._mean("then"))


@dataclass
class Profile:
    zone: Zone
    now: Period
    before: Period
    statement: AmbitionStatement | None
    columns: list[DomainColumn]

    @property
    def activity(self) -> list[DomainProfile]:
        return [column.activity for column in self.columns]


def resilience_profile(zone: Zone, *, today: datetime.date | None = None) -> Profile:
    """The zone's profile as of `today` (default: today)."""
    today = today or timezone.localdate()
    now = last_twelve_months(today)
    before = now.year_before()
    statement = current_statements([zone]).get(zone.pk)
    rows = indicators_then_and_now(statement, now=today, then=before.end)
    columns = [DomainColumn(activity) for activity in domain_profile(zone, now)]
    by_domain = {column.activity.domain: column for column in columns}
    for row in rows:
        by_domain[row.indicator.domain].indicators.append(row)
    return Profile(zone, now, before, statement, columns)
