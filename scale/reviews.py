"""Bi-annual review events (shared by every area) and the money each allocated to the
CSPs and zones of an area, with what was spent."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from governance.models import Allocation, ReviewEvent, Spend
from scale.knobs import PREFIX
from scale.people import Area
from scale.writer import Writer


def events(w: Writer, years: int) -> list[tuple[int, date]]:
    """Review events every January and July for the years covered, and the next one;
    (id, date) of those held, which allocate money. Events already there are kept."""
    today = timezone.localdate()
    existing = dict(ReviewEvent.objects.values_list("period", "pk"))
    held = []
    for year in range(today.year - years, today.year + 1):
        for month in (1, 7):
            day = date(year, month, 20)
            if day < today - timedelta(days=365 * years):
                continue
            period = f"{year}-{month:02d}"
            past = day < today
            moment = timezone.make_aware(timezone.datetime(year, month, 20, 10))
            pk = existing.get(period) or w.add(
                ReviewEvent, period=period, title=f"Partnership review, {day:%B %Y}",
                date=day, venue="County Hall", status="held" if past else "planned",
                direction="Keep the focus on violence and neighbourhood crime." if past else "",
                invitations_sent_at=moment - timedelta(days=30) if past else None,
                held_at=moment if past else None,
                created_at=moment - timedelta(days=60),
            )  # fmt: skip
            if past:
                held.append((pk, day))
    # Next event, if the year has none left.
    return held


def build(w: Writer, area: Area, held: list[tuple[int, date]]) -> None:
    rng = area.rng
    today = timezone.localdate()
    recorder = area.officers[0]
    for event, day in held:
        recipients = [("body_id", csp) for csp in area.csps]
        recipients += [("zone_id", zone["id"]) for zone in area.zones]
        for key, pk in recipients:
            amount = Decimal(rng.randrange(20, 200) * 100)
            allocation = w.add(
                Allocation, event_id=event, amount=amount, funding_source="community_safety_fund",
                purpose="Local problem-solving and community activities", **{key: pk},
            )  # fmt: skip
            for n in range(2):
                spent_on = day + timedelta(days=40 + 60 * n)
                if spent_on >= today:
                    break
                w.add(
                    Spend, allocation_id=allocation, date=spent_on,
                    amount=(amount * Decimal("0.4")).quantize(Decimal("0.01")),
                    description="Activities and materials", recorded_by_id=recorder,
                )  # fmt: skip


__all__ = ["PREFIX", "build", "events"]
