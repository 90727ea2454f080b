"""Periods the evaluation reports on: from a start date to an end date, both included."""

import datetime
from dataclasses import dataclass

from django.utils import timezone


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` after `day`'s month (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def one_year_before(day: datetime.date) -> datetime.date:
    """The same date a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("A period ends on or after its start.")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def months(self) -> list[datetime.date]:
        """The first day of each calendar month the period touches, oldest first."""
        months, month = [], month_start(self.start)
        while month <= self.end:
            months.append(month)
            month = add_months(month, 1)
        return months

    @property
    def label(self) -> str:
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    def year_before(self) -> "Period":
        """The twelve months before this period's start (for a period of a year)."""
        end = self.start - datetime.timedelta(days=1)
        return Period(one_year_before(end) + datetime.timedelta(days=1), end)

    def following(self) -> "Period":
        """A period of the same length straight after this one."""
        start = self.end + datetime.timedelta(days=1)
        return Period(start, start + datetime.timedelta(days=self.days - 1))


def last_twelve_months(today: datetime.date | None = None) -> Period:
    """The year up to and including today."""
    today = today or timezone.localdate()
    return Period(one_year_before(today) + datetime.timedelta(days=1), today)
