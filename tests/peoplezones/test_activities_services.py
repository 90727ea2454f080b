"""Services of activities: logging, the edit window, verification and photo checks."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from PIL import Image

from config.domain import DomainError
from peoplezones.models import Activity, ActivityDomain, ResilienceDomain
from peoplezones.selectors.activities import activity_counts_by_domain
from peoplezones.services.activities import (
    ActivityDetails,
    activity_edit_refusal,
    activity_log,
    activity_update,
    activity_verify,
    photo_checked,
)
from tests.factories_activities import (
    ActivityFactory,
    CoreTeamMemberFactory,
    ObjectiveFactory,
    image_upload,
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def details(**overrides) -> ActivityDetails:
    values = {
        "title": "Community café",
        "occurred_on": timezone.localdate(),
        "description": "Thirty residents came to the first café at the community centre.",
        "domains": ["health", "skills"],
        "principles": ["community_enabled", "resilience_building"],
        "participants": 30,
        "volunteer_hours": Decimal("12.5"),
    }
    values.update(overrides)
    return ActivityDetails(**values)


def test_panel_member_logs_an_activity_with_its_domains_and_principles(world):
    activity = activity_log(actor=world.people.panel_a, zone=world.zones.a, details=details())
    activity = Activity.objects.get(pk=activity.pk)
    assert activity.zone == world.zones.a and activity.logged_by == world.people.panel_a
    assert sorted(activity.domain_values) == ["health", "skills"]
    assert activity.domain_labels == ["Skills", "Health and well-being"]
    assert activity.principle_labels == ["Community enabled", "Resilience building"]
    assert activity.volunteer_hours == Decimal("12.5")
    assert not activity.is_verified
    assert activity.history.latest().history_user == world.people.panel_a


def test_new_parks_panel_member_cannot_log_in_another_zone(world):
    with pytest.raises(PermissionDenied):
        activity_log(actor=world.people.panel_a, zone=world.zones.b, details=details())
    assert not Activity.objects.exists()


@pytest.mark.parametrize("status", ["closed", "proposed"])
def test_a_zone_that_is_not_active_takes_no_new_activities(world, status):
    world.zones.a.status = status
    world.zones.a.save()
    with pytest.raises(DomainError, match=f"Zone A is {status}: it takes no new activities"):
        activity_log(actor=world.people.panel_a, zone=world.zones.a, details=details())
    assert not Activity.objects.exists()


def test_at_least_one_domain_is_needed(world):
    with pytest.raises(DomainError) as refused:
        activity_log(actor=world.people.panel_a, zone=world.zones.a, details=details(domains=[]))
    assert refused.value.field == "domains"
    assert not Activity.objects.exists()


def test_an_objective_of_another_zone_is_refused(world):
    other = ObjectiveFactory(zone=world.zones.b)
    with pytest.raises(DomainError) as refused:
        activity_log(
            actor=world.people.panel_a, zone=world.zones.a, details=details(objective=other)
        )
    assert refused.value.field == "objective"
    own = ObjectiveFactory(zone=world.zones.a)
    activity = activity_log(
        actor=world.people.panel_a, zone=world.zones.a, details=details(objective=own)
    )
    assert activity.objective == own


def test_a_future_date_is_refused(world):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(DomainError, match="today or in the past"):
        activity_log(
            actor=world.people.panel_a, zone=world.zones.a, details=details(occurred_on=tomorrow)
        )


def test_in_kind_value_needs_a_description(world):
    with pytest.raises(DomainError) as refused:
        activity_log(
            actor=world.people.panel_a,
            zone=world.zones.a,
            details=details(in_kind_value=Decimal(200)),
        )
    assert refused.value.field == "in_kind_description"


def test_author_changes_their_entry_within_the_window_and_domains_follow(world):
    activity = ActivityFactory(zone=world.zones.a, logged_by=world.people.panel_a)
    changed = activity_update(
        actor=world.people.panel_a,
        activity=activity,
        details=details(title="Café, corrected", domains=["resources"]),
    )
    assert changed.title == "Café, corrected"
    kept = ActivityDomain.objects.filter(activity=activity).values_list("domain", flat=True)
    assert list(kept) == ["resources"]


def test_after_the_edit_window_the_author_is_refused_with_the_reason(world, settings):
    settings.ACTIVITY_EDIT_HOURS = 72
    activity = ActivityFactory(
        zone=world.zones.a,
        logged_by=world.people.panel_a,
        logged_at=timezone.now() - datetime.timedelta(hours=73),
    )
    with pytest.raises(DomainError, match="changed for 72 hours after they are logged"):
        activity_update(actor=world.people.panel_a, activity=activity, details=details())
    assert Activity.objects.get(pk=activity.pk).title == activity.title


def test_just_inside_the_edit_window_the_author_may_change_it(world, settings):
    settings.ACTIVITY_EDIT_HOURS = 2
    activity = ActivityFactory(
        zone=world.zones.a,
        logged_by=world.people.panel_a,
        logged_at=timezone.now() - datetime.timedelta(minutes=119),
    )
    assert activity_edit_refusal(world.people.panel_a, activity) == ""
    activity.logged_at -= datetime.timedelta(minutes=2)
    assert "changed for 2 hours" in activity_edit_refusal(world.people.panel_a, activity)


def test_nobody_else_changes_an_entry(world):
    other_member = ActivityFactory(zone=world.zones.a)  # logged by someone else
    for person in (world.people.officer, world.people.panel_a, world.people.panel_b):
        with pytest.raises(DomainError, match="Only the panel member who logged"):
            activity_update(actor=person, activity=other_member, details=details())


def test_officer_verifies_and_the_author_can_no_longer_edit(world):
    activity = ActivityFactory(zone=world.zones.a, logged_by=world.people.panel_a)
    activity_verify(actor=world.people.officer, activity=activity)
    activity.refresh_from_db()
    assert activity.verified_by == world.people.officer and activity.verified_at
    with pytest.raises(DomainError, match="verified on .*so it can no longer be changed"):
        activity_update(actor=world.people.panel_a, activity=activity, details=details())


def test_verifying_twice_is_refused_and_keeps_the_first_verifier(world):
    core = CoreTeamMemberFactory(zone=world.zones.a, user=world.people.partner_x).user
    activity = ActivityFactory(zone=world.zones.a)
    activity_verify(actor=core, activity=activity)
    with pytest.raises(DomainError, match="already verified by"):
        activity_verify(actor=world.people.officer, activity=activity)
    activity.refresh_from_db()
    assert activity.verified_by == core


def test_core_team_of_another_zone_and_panel_members_cannot_verify(world):
    CoreTeamMemberFactory(zone=world.zones.b, user=world.people.partner_x)
    activity = ActivityFactory(zone=world.zones.a)
    for person in (world.people.partner_x, world.people.panel_a, world.people.board):
        with pytest.raises(PermissionDenied):
            activity_verify(actor=person, activity=activity)
    assert not Activity.objects.get(pk=activity.pk).is_verified


def test_nobody_verifies_their_own_entry(world):
    CoreTeamMemberFactory(zone=world.zones.a, user=world.people.panel_a)
    activity = ActivityFactory(zone=world.zones.a, logged_by=world.people.panel_a)
    with pytest.raises(DomainError, match="cannot verify an activity you logged yourself"):
        activity_verify(actor=world.people.panel_a, activity=activity)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_photos_in_the_three_formats_are_accepted_by_content(fmt):
    checked = photo_checked(image_upload(fmt, name="anything.bin"))
    assert checked.content_type == {"JPEG": "image/jpeg", "PNG": "image/png"}.get(fmt, "image/webp")


def test_a_file_named_like_a_photo_but_not_one_is_refused():
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("holiday.jpg", b"<html>not an image</html>", "image/jpeg")
    with pytest.raises(DomainError, match="must be a JPEG, PNG or WebP image"):
        photo_checked(fake)


def test_other_image_types_are_refused_whatever_their_name():
    with pytest.raises(DomainError, match="must be a JPEG, PNG or WebP image"):
        photo_checked(image_upload("GIF", name="photo.jpg"))
    with pytest.raises(DomainError, match="must be a JPEG, PNG or WebP image"):
        photo_checked(image_upload("BMP", name="photo.png"))


def test_a_photo_over_the_size_limit_is_refused(settings):
    settings.ACTIVITY_PHOTO_MAX_MB = 1
    big = image_upload("PNG", size=(1, 1))
    big.size = 1024 * 1024 + 1
    with pytest.raises(DomainError, match="smaller than 1 MB"):
        photo_checked(big)


def test_photo_loses_its_location_data_and_is_scaled_down():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {2: (52.0, 38.0, 0.0)}  # GPS latitude
    checked = photo_checked(image_upload("JPEG", size=(4000, 3000), exif=exif.tobytes()))
    from io import BytesIO

    with Image.open(BytesIO(checked.content)) as kept:
        assert not kept.getexif()
        assert max(kept.size) == 2048


def test_a_photo_is_kept_privately_under_a_name_that_says_nothing(world):
    photo = photo_checked(image_upload("PNG", name="Jane Smith at 4 Elm Road.png"))
    activity = activity_log(
        actor=world.people.panel_a, zone=world.zones.a, details=details(), photo=photo
    )
    assert activity.photo_type == "image/png"
    assert "Jane" not in activity.photo.name and activity.photo.name.endswith(".png")
    assert activity.photo.name.startswith("activity-photos/")


def test_counts_by_domain_list_every_domain(world):
    ActivityFactory(zone=world.zones.a, domains=["safety", "health"])
    ActivityFactory(zone=world.zones.a, domains=["safety"])
    ActivityFactory(zone=world.zones.b, domains=["skills"])
    counts = activity_counts_by_domain(zones=[world.zones.a])
    assert counts == {"skills": 0, "resources": 0, "health": 1, "safety": 2}
    assert list(counts) == ResilienceDomain.values
    assert activity_counts_by_domain()["skills"] == 1
