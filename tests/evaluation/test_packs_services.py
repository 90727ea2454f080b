"""Board packs: drafted from live data for a scope and a period, published (frozen, byte
for byte), withdrawn with a reason; every other move refused with its reason."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from config.domain import DomainError
from evaluation.models import BoardPack, Indicator
from evaluation.selectors.packs import pack_figures
from evaluation.services import packs as services
from governance.models import Issue
from peoplezones.models import Zone
from tests.factories import ZoneFactory
from tests.factories_activities import ActivityFactory
from tests.factories_evaluation import (
    IndicatorFactory,
    MeasurementFactory,
    approved_statement,
    days,
    draft_pack,
    pack_world,
)
from tests.factories_zones import MilestoneFactory, ObjectiveFactory


@pytest.fixture
def full(world):
    return pack_world(world)


def test_a_draft_holds_every_section_of_the_seed_report_and_every_zone(full):
    pack = draft_pack(full)
    html = pack.content_html
    for heading in (
        "1. Introduction",
        "2. Notable developments in the period",
        "3. The coming period",
        "4. Key issues for partnership working",
        "5. Issues in local areas",
        "6. Recommendations for the Board",
    ):
        assert heading in html
    assert "Zone A" in html and "Zone B" in html
    assert "Youth diversion funding ends" in html  # open at the SOG
    assert "Named family at risk" not in html  # confidential: counted, not named
    assert "1 confidential issue, not named in this pack" in html
    assert "Violence against women and girls" in html  # the priority roll-up
    assert "Community café and youth evenings" in html  # an allocation
    assert "Recruit youth leaders" in html  # a late milestone
    assert "Review attendance" in html  # due in the coming period
    assert "The Board is asked to note this paper." in html
    assert pack.generated_at is not None and pack.status == "draft"


def test_a_partnerships_pack_covers_its_zones_and_the_issues_raised_below_it(full):
    pack = draft_pack(full, scope="csp", csp=full.bodies.csp_b)
    figures = pack_figures(pack, today=timezone.localdate())
    assert [zone.name for zone in figures.zones] == ["Zone B"]
    assert figures.escalations == []  # raised at JAG A, under CSP A
    assert figures.confidential_escalations == 1  # raised at CSP B
    assert [a.purpose for a in figures.allocations] == ["Street-light audit"]
    assert "Zone A" not in pack.content_html


def test_a_partnerships_pack_lists_only_the_priorities_its_area_has_a_part_in(full):
    from tests.factories_issues import AssignmentFactory, PriorityFactory

    bodies = full.bodies
    elsewhere = PriorityFactory(title="Rural crime elsewhere", setting_body=bodies.sog)
    AssignmentFactory(priority=elsewhere, body=bodies.csp_b)
    own = PriorityFactory(title="Road safety on the estate", setting_body=bodies.csp_a)
    pack = draft_pack(full, scope="csp", csp=bodies.csp_a)
    figures = pack_figures(pack, today=timezone.localdate())
    routed_here = {"Violence against women and girls", "Road safety on the estate"}
    assert {p.title for p in figures.priorities} == routed_here
    assert own in figures.priorities_set and elsewhere not in figures.priorities_set
    assert "Rural crime elsewhere" not in pack.content_html
    every = pack_figures(draft_pack(full), today=timezone.localdate())
    assert {p.title for p in every.priorities} == routed_here | {"Rural crime elsewhere"}


def test_a_zones_pack_covers_that_zone_only(full):
    pack = draft_pack(full, scope="zone", zone=full.zones.a)
    figures = pack_figures(pack, today=timezone.localdate())
    assert [zone.name for zone in figures.zones] == ["Zone A"]
    assert [issue.title for issue in figures.escalations] == ["Youth diversion funding ends"]
    assert figures.summary.totals.activities == 1
    assert pack.scope_label == "Zone A People Zone"


@pytest.mark.parametrize(("scope", "field"), [("csp", "csp"), ("zone", "zone")])
def test_a_scope_without_its_partnership_or_zone_is_refused(full, scope, field):
    with pytest.raises(DomainError) as refused:
        draft_pack(full, scope=scope)
    assert refused.value.field == field
    assert not BoardPack.objects.exists()


def test_a_period_that_ends_before_it_starts_is_refused(full):
    with pytest.raises(DomainError, match="on or after its start"):
        draft_pack(full, period_start=days(0), period_end=days(-1))


@pytest.mark.parametrize("role", ["board", "body_member", "panel_a", "partner_x"])
def test_only_officers_draft_packs(full, role):
    with pytest.raises(PermissionDenied):
        services.board_pack_create(
            actor=getattr(full.people, role),
            title="Not mine",
            period_start=days(-30),
            period_end=days(0),
        )


def test_a_draft_is_generated_again_from_todays_figures(full):
    pack = draft_pack(full)
    assert "Fresh activity" not in pack.content_html
    ActivityFactory(zone=full.zones.a, occurred_on=days(-1), participants=1000)
    Zone.objects.filter(pk=full.zones.b.pk).update(name="Zone B renamed")
    pack = services.board_pack_regenerate(actor=full.people.officer, pack=pack)
    assert "Zone B renamed" in pack.content_html
    assert "1,037" in pack.content_html  # 30 + 7 + 1000 participants


def test_publishing_freezes_the_html_and_the_pdf_with_their_hash(full):
    pack = services.board_pack_publish(actor=full.people.officer, pack=draft_pack(full))
    assert pack.status == "published"
    assert pack.published_by == full.people.officer and pack.published_at
    assert bytes(pack.pdf).startswith(b"%PDF")
    assert pack.content_hash == pack.computed_hash() and pack.is_intact
    html, pdf, digest = pack.content_html, bytes(pack.pdf), pack.content_hash

    # The world moves on: new activity, a renamed zone, a new reading, a resolved issue.
    ActivityFactory(zone=full.zones.a, occurred_on=days(-1), participants=1000)
    Zone.objects.filter(pk=full.zones.a.pk).update(name="Zone A renamed")
    MeasurementFactory(indicator=Indicator.objects.get(), value=Decimal(59), measured_on=days(-1))
    Issue.objects.update(status="resolved", decision="Funded", decided_at=timezone.now())

    pack = BoardPack.objects.get(pk=pack.pk)
    assert pack.content_html == html
    assert bytes(pack.pdf) == pdf
    assert pack.content_hash == digest and pack.is_intact


def test_a_published_pack_cannot_be_published_again_changed_or_regenerated(full):
    pack = services.board_pack_publish(actor=full.people.officer, pack=draft_pack(full))
    html, pdf = pack.content_html, bytes(pack.pdf)
    with pytest.raises(DomainError, match="already published"):
        services.board_pack_publish(actor=full.people.officer, pack=pack)
    with pytest.raises(DomainError, match="frozen"):
        services.board_pack_regenerate(actor=full.people.officer, pack=pack)
    with pytest.raises(DomainError, match="frozen"):
        services.board_pack_update(
            actor=full.people.officer,
            pack=pack,
            title="Changed",
            period_start=days(-10),
            period_end=days(0),
            recommendations="Changed",
        )
    with pytest.raises(DomainError, match="kept for the record"):
        services.board_pack_delete(actor=full.people.officer, pack=pack)
    pack.refresh_from_db()
    assert (pack.title, pack.content_html, bytes(pack.pdf)) == ("Report to the Board", html, pdf)


def test_only_a_published_pack_is_withdrawn_and_only_with_a_reason(full):
    pack = draft_pack(full)
    with pytest.raises(DomainError, match="Only a published pack can be withdrawn"):
        services.board_pack_withdraw(actor=full.people.officer, pack=pack, reason="Wrong")
    pack = services.board_pack_publish(actor=full.people.officer, pack=pack)
    with pytest.raises(DomainError, match="Say why") as refused:
        services.board_pack_withdraw(actor=full.people.officer, pack=pack, reason="  ")
    assert refused.value.field == "reason"
    pack.refresh_from_db()
    assert pack.status == "published"
    pack = services.board_pack_withdraw(
        actor=full.people.officer, pack=pack, reason="Figures for Zone B were wrong."
    )
    assert pack.status == "withdrawn" and pack.is_intact  # kept as it was
    with pytest.raises(DomainError, match="stays withdrawn"):
        services.board_pack_publish(actor=full.people.officer, pack=pack)
    with pytest.raises(DomainError, match="already withdrawn"):
        services.board_pack_withdraw(actor=full.people.officer, pack=pack, reason="Again")


def test_publishing_needs_recommendations(full):
    pack = draft_pack(full)
    BoardPack.objects.filter(pk=pack.pk).update(recommendations=" ")
    with pytest.raises(DomainError, match="recommendations"):
        services.board_pack_publish(actor=full.people.officer, pack=pack)
    assert BoardPack.objects.get(pk=pack.pk).status == "draft"


def test_a_draft_is_deleted(full):
    pack = draft_pack(full)
    services.board_pack_delete(actor=full.people.officer, pack=pack)
    assert not BoardPack.objects.exists()


def test_generating_a_pack_reads_a_fixed_number_of_queries(full, django_assert_num_queries):
    pack = draft_pack(full)
    with django_assert_num_queries(30):
        services.generate(pack)
    for n in range(3):
        zone = ZoneFactory(csp=full.bodies.csp_a, jag=full.bodies.jag_a)
        pack_world_zone(full, zone, n)
    with django_assert_num_queries(30):
        services.generate(pack)
    assert pack.content_html.count('class="app-pack__zone"') == 5


def pack_world_zone(world, zone, n):
    indicator = IndicatorFactory(ambition_statement=approved_statement(zone))
    MeasurementFactory(indicator=indicator)
    objective = ObjectiveFactory(zone=zone)
    MilestoneFactory(objective=objective, due_on=days(-2))
    MilestoneFactory(objective=objective, due_on=days(5))
    ActivityFactory(zone=zone, objective=objective, occurred_on=days(-3 - n))
