"""Factories and helpers for activities and partner initiatives."""

import datetime
from io import BytesIO

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from peoplezones.models import Activity, ActivityDomain, Initiative, InitiativeZone
from tests.factories import UserFactory, ZoneFactory
from tests.factories_zones import CoreTeamMemberFactory, MilestoneFactory, ObjectiveFactory

__all__ = [
    "ActivityFactory",
    "CoreTeamMemberFactory",
    "InitiativeFactory",
    "MilestoneFactory",
    "ObjectiveFactory",
    "activity_post",
    "image_upload",
    "initiative_post",
]


class ActivityFactory(factory.django.DjangoModelFactory):
    """An activity; give `domains=[...]` to tick resilience domains (default: safety)."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    zone = factory.SubFactory(ZoneFactory)
    title = factory.Sequence(lambda n: f"Community activity {n}")
    occurred_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    description = "Residents met and did something good together."
    participants = 12
    volunteer_hours = 6
    logged_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def domains(obj, create, extracted, **kwargs):
        if create:
            for domain in extracted or ["safety"]:
                ActivityDomain.objects.create(activity=obj, domain=domain)


class InitiativeFactory(factory.django.DjangoModelFactory):
    """An initiative from `submitted_by`'s organisation; `zones=[...]` (default: none)."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    submitted_by = factory.SubFactory(UserFactory)
    organisation = factory.LazyAttribute(lambda i: i.submitted_by.organisation)
    title = factory.Sequence(lambda n: f"Partner initiative {n}")
    description = "Home fire safety visits and a youth engagement programme."
    audience = "Older residents living alone"
    resources_offered = "Two firefighters for a day a month"
    cost_to_zone = 0
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    contact_name = "Test Contact"
    contact_email = "contact@example.org"

    @factory.post_generation
    def zones(obj, create, extracted, **kwargs):
        if create:
            for zone in extracted or []:
                InitiativeZone.objects.create(initiative=obj, zone=zone)


def image_upload(
    fmt: str = "JPEG", *, name: str = "photo.jpg", size=(40, 30), exif: bytes | None = None
) -> SimpleUploadedFile:
    """A small real image in `fmt`, as a browser would upload it."""
    out = BytesIO()
    options = {"exif": exif} if exif else {}
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt, **options)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}.get(
        fmt, "application/octet-stream"
    )
    return SimpleUploadedFile(name, out.getvalue(), content_type=content_type)


def activity_post(**overrides) -> dict:
    """A valid log-an-activity form post (dates as the GOV.UK day, month, year fields)."""
    day = overrides.pop("day", timezone.localdate() - datetime.timedelta(days=1))
    data = {
        "title": "Litter pick on Aikman Avenue",
        "occurred_on_0": str(day.day),
        "occurred_on_1": str(day.month),
        "occurred_on_2": str(day.year),
        "description": "Twelve residents cleared the alleyways behind the shops.",
        "domains": ["safety", "resources"],
        "principles": ["community_enabled"],
        "participants": "12",
        "volunteer_hours": "24",
        "in_kind_value": "0",
    }
    data.update(overrides)
    return data


def initiative_post(zones, **overrides) -> dict:
    """A valid offer-an-initiative form post for these zones."""
    start = timezone.localdate() + datetime.timedelta(days=10)
    data = {
        "zones": [zone.pk for zone in zones],
        "title": "Safe and Well visits",
        "description": "Home fire safety checks with advice on falls and scams.",
        "audience": "Older residents living alone",
        "resources_offered": "Two firefighters one day a month",
        "cost_to_zone": "0",
        "starts_on_0": str(start.day),
        "starts_on_1": str(start.month),
        "starts_on_2": str(start.year),
        "contact_name": "Sam Station",
        "contact_email": "sam.station@example.org",
    }
    data.update(overrides)
    return data
