"""Redis stops: every page still answers without a server error, readiness names the broker,
and work asked for meanwhile (e-mails of notifications) waits in the outbox until Redis is
back, then reaches the queue, once.

Celery in this process sends to a private redis-server that the test stops and starts; the
machine's Redis is not touched. Requests run on the real PostgreSQL test database."""

import pytest
from django.core.management import call_command

from governance.models import Notification, ReviewEvent
from governance.services.issues import issue_raise
from outbox.models import Message
from tests.factories import MembershipFactory, UserFactory
from tests.factories_reviews import ReviewEventFactory
from tests.faults.conftest import needs_services, queued
from tests.pages import pages_for, populate

pytestmark = needs_services

ROLES = ["anonymous", "officer", "body_member", "panel_a"]


def _every_page_answers(client_as, world) -> int:
    walked = 0
    for role in ROLES:
        client = client_as(role)
        for route, path in pages_for(role, world, api=True):
            if route == "health/ready":
                continue  # reports the broker down: checked below
            response = client.get(path)
            assert response.status_code < 500, (role, route, path, response.status_code)
            walked += 1
    return walked


def test_with_redis_down_pages_answer_and_work_waits_in_the_outbox_until_it_is_back(
    client_as, world, celery_on, private_redis, django_capture_on_commit_callbacks
):
    populate(world)
    csp_member = UserFactory(username="csp-a-member", email="csp@example.org")
    MembershipFactory(body=world.bodies.csp_a, user=csp_member)
    issue = issue_raise(
        actor=world.people.body_member,
        body=world.bodies.jag_a,
        title="Dumped waste",
        description="Every week.",
        category="asb",
    )
    event = ReviewEventFactory()
    Message.objects.all().delete()  # what the set-up itself queued
    before = Notification.objects.order_by("pk").last().pk

    private_redis.stop()

    assert _every_page_answers(client_as, world) > 100
    ready = client_as("anonymous").get("/health/ready")
    assert (ready.status_code, ready.content) == (503, b"unavailable: broker")

    # Two actions that tell people, each committing while the broker is down.
    with django_capture_on_commit_callbacks(execute=True):
        escalated = client_as("body_member").post(
            f"/issues/{issue.pk}/escalate/", {"escalate-reason": "Too big for us"}
        )
    assert escalated.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        invited = client_as("officer").post(f"/reviews/{event.pk}/status/send-invitations/")
    assert invited.status_code == 302
    assert ReviewEvent.objects.get(pk=event.pk).status == ReviewEvent.Status.INVITATIONS_SENT
    told = Notification.objects.filter(pk__gt=before, emailed_at__isnull=True)
    assert told.filter(recipient=csp_member).exists()
    waiting = list(Message.objects.filter(sent_at__isnull=True))
    assert len(waiting) == 2
    assert all(m.task == "governance.tasks.send_notification_emails" for m in waiting)
    assert all(m.attempts == 1 and "connect" in m.last_error.lower() for m in waiting)
    queued_ids = sorted(pk for m in waiting for pk in m.args[0])
    assert queued_ids == sorted(told.values_list("pk", flat=True))

    # Still down: draining sends nothing and says so.
    with pytest.raises(Exception, match="still waiting|did not take"):
        call_command("drain_outbox")
    assert Message.objects.filter(sent_at__isnull=True).count() == 2

    private_redis.start()
    assert client_as("anonymous").get("/health/ready").status_code == 200
    call_command("drain_outbox")
    assert not Message.objects.filter(sent_at__isnull=True).exists()
    # Each message is on the queue once, under its outbox id.
    on_queue = queued(private_redis)
    assert sorted(h["id"] for h in on_queue) == sorted(str(m.pk) for m in waiting)
    assert {h["task"] for h in on_queue} == {"governance.tasks.send_notification_emails"}
    # A second drain has nothing left to send.
    call_command("drain_outbox")
    assert len(queued(private_redis)) == 2
