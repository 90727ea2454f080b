"""The world of the permission matrix, with people of the wrong body, zone and organisation.

tests/conftest.py gives one person per role; the object probes need, beside them, a
chair of another body, a member of a sister body and a core team member of the other
zone, so that every object has somebody who is almost, but not quite, entitled to it.
"""

import logging

import pytest
from rest_framework.authtoken.models import Token

from tests.factories import MembershipFactory, UserFactory
from tests.factories_activities import image_upload
from tests.factories_meetings import MeetingFactory
from tests.factories_zones import CoreTeamMemberFactory
from tests.pages import populate


@pytest.fixture(autouse=True)
def quiet_refusals(caplog):
    """Hundreds of refusals are the point here: no warning with a traceback for each."""
    caplog.set_level(logging.ERROR, logger="django.request")


@pytest.fixture
def access_world(world, settings, tmp_path):
    """`world`, populated for the matrix, with three more people:

    - jag_b_chair chairs JAG B (a sister of JAG A, whose meetings and issue are probed);
    - csp_a_member sits on CSP A (not CSP B, whose priority assignment is probed, nor the
      bodies the confidential issue passed through);
    - core_b is on zone B's core team (zone A's plans, activities and indicators are probed).
    """
    b, people = world.bodies, world.people
    people.jag_b_chair = UserFactory(username="jag-b-chair")
    MembershipFactory(body=b.jag_b, user=people.jag_b_chair, role="chair")
    people.csp_a_member = UserFactory(username="csp-a-member")
    MembershipFactory(body=b.csp_a, user=people.csp_a_member)
    people.core_b = UserFactory(username="core-b")
    CoreTeamMemberFactory(zone=world.zones.b, user=people.core_b, name="Zone B lead")
    populate(world)
    world.meeting_b = MeetingFactory(body=b.jag_b)  # JAG B's own, for swapped addresses
    world.activity.photo = image_upload("PNG", name="photo.png")
    world.activity.photo_type = "image/png"
    world.activity.save(update_fields=["photo", "photo_type"])
    return world


def person(world, role: str):
    return getattr(world.people, role)


@pytest.fixture
def api_as(access_world):
    """An API client authenticated with `role`'s token (no session)."""
    from rest_framework.test import APIClient

    def make(role: str) -> APIClient:
        client = APIClient(raise_request_exception=False)
        token, _ = Token.objects.get_or_create(user=person(access_world, role))
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make
