import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from governance.models import Body
from governance.services import body_upsert


def test_a_body_must_report_to_a_higher_level(world):
    with pytest.raises(ValidationError) as error:
        body_upsert(slug="x", name="X", level=Body.Level.CSP, parent=world.bodies.jag_a, area="A")
    assert "higher level" in str(error.value.message_dict["parent"])
    assert not Body.objects.filter(slug="x").exists()


def test_a_body_cannot_report_to_its_own_level(world):
    with pytest.raises(ValidationError):
        body_upsert(slug="x", name="X", level=Body.Level.CSP, parent=world.bodies.csp_b, area="A")


def test_a_county_board_can_sit_between_district_csps_and_the_sog(world):
    county = body_upsert(
        slug="county",
        name="County board",
        level=Body.Level.COUNTY,
        parent=world.bodies.sog,
        area="County",
    )
    csp = body_upsert(
        slug="district", name="District CSP", level=Body.Level.CSP, parent=county, area="District"
    )
    assert csp.parent.parent == world.bodies.sog


def test_a_csp_may_skip_a_tier_and_report_straight_to_the_spb(world):
    csp = body_upsert(
        slug="skip", name="Skip CSP", level=Body.Level.CSP, parent=world.bodies.spb, area="A"
    )
    assert csp.parent == world.bodies.spb


def test_moving_a_body_under_its_own_descendant_is_refused(world):
    # Demoting the SOG to JAG level under CSP A would pass the level rule, but CSP A
    # reports to the SOG: the tree would turn into a loop.
    sog = world.bodies.sog
    sog.level, sog.parent = Body.Level.JAG, world.bodies.csp_a
    with pytest.raises(ValidationError) as error:
        sog.full_clean()
    assert "cannot report to itself or below" in str(error.value.message_dict["parent"])


def test_the_database_refuses_a_board_with_a_parent_or_a_lower_body_without_one(world):
    with transaction.atomic(), pytest.raises(IntegrityError):
        Body.objects.create(name="Orphan", slug="orphan", level=Body.Level.JAG, area="A")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Body.objects.create(
            name="Sub board", slug="sub", level=Body.Level.SPB, parent=world.bodies.spb, area="A"
        )


def test_changes_to_a_body_keep_their_history_with_the_person(client_as, world):
    client = client_as("officer")
    jag = world.bodies.jag_a
    response = client.post(
        f"/admin/governance/body/{jag.pk}/change/",
        {
            "name": "JAG A renamed",
            "slug": jag.slug,
            "level": jag.level,
            "parent": jag.parent_id,
            "area": jag.area,
            "terms_of_reference": "",
            "is_active": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = jag.history.latest()
    assert latest.name == "JAG A renamed"
    assert latest.history_user == world.people.officer


def test_the_admin_refuses_a_parent_below_the_body_with_the_reason(client_as, world):
    client = client_as("officer")
    response = client.post(
        "/admin/governance/body/add/",
        {
            "name": "Upside down",
            "slug": "upside-down",
            "level": Body.Level.SOG,
            "parent": world.bodies.jag_a.pk,
            "area": "A",
            "is_active": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "A body must report to a body at a higher level" in response.content.decode()
    assert not Body.objects.filter(slug="upside-down").exists()
