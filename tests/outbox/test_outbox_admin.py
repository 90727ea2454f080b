"""The outbox in the admin: OPCC officers read what background work waits and why sending
failed, and send waiting messages now; nobody adds, changes or deletes a message there;
everyone else is kept out as from every other admin page."""

import pytest

from governance.services.notifications import notify_users
from outbox.models import Message

pytestmark = pytest.mark.django_db

LIST = "/admin/outbox/message/"
LIST_QUERIES = 10


@pytest.fixture
def waiting(world):
    """A notification e-mail asked for and not yet sent (its commit never ran here), and one
    that failed twice; and one sent long ago."""
    notify_users(users=[world.people.board], kind="issue", subject="Hello", message="Hi")
    message = Message.objects.get()
    failing = Message.objects.create(
        task="governance.tasks.send_notification_emails",
        args=[[0]],
        attempts=2,
        last_error="Error 111 connecting to 127.0.0.1:6379. Connection refused.",
    )
    sent = Message.objects.create(task="outbox.tasks.drain_outbox")
    Message.objects.filter(pk=sent.pk).update(sent_at=sent.created_at, attempts=1)
    return message, failing, sent


def test_officer_reads_the_outbox_with_state_attempts_and_error(client_as, waiting):
    message, failing, _sent = waiting
    body = client_as("officer").get(LIST).content.decode()
    assert message.task in body and "outbox.tasks.drain_outbox" in body
    assert "Error 111 connecting" in body
    for heading in ["State", "Created at", "Attempts", "Last error"]:
        assert heading in body
    failing_only = client_as("officer").get(LIST, {"state": "failing"}).content.decode()
    assert "Error 111" in failing_only and failing_only.count('class="field-state"') == 1
    found = client_as("officer").get(LIST, {"q": "drain_outbox"}).content.decode()
    assert found.count('class="field-state"') == 1


def test_the_outbox_list_reads_the_same_queries_however_long_it_is(
    client_as, waiting, django_assert_num_queries
):
    # The session and the person; the page of messages, its count, the tasks to filter by;
    # the admin's own reads (its recent actions, the apps in its menu).
    client = client_as("officer")
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(LIST).status_code == 200
    Message.objects.bulk_create(Message(task="outbox.tasks.drain_outbox") for _ in range(150))
    for page in (1, 2):
        with django_assert_num_queries(LIST_QUERIES):
            assert client.get(LIST, {"p": page}).status_code == 200


def test_a_message_is_read_only_and_cannot_be_added_or_deleted(client_as, waiting):
    message = waiting[0]
    client = client_as("officer")
    page = client.get(f"{LIST}{message.pk}/change/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'name="_save"' not in body and "send_notification_emails" in body
    assert client.get(f"{LIST}add/").status_code == 403
    assert client.get(f"{LIST}{message.pk}/delete/").status_code == 403
    client.post(f"{LIST}{message.pk}/change/", {"task": "outbox.tasks.drain_outbox"})
    message.refresh_from_db()
    assert message.task == "governance.tasks.send_notification_emails"
    assert "delete_selected" not in client.get(LIST).content.decode()


def test_officer_sends_the_selected_waiting_messages_now(client_as, waiting, mailoutbox):
    message, failing, sent = waiting
    response = client_as("officer").post(
        LIST,
        {"action": "send_now", "_selected_action": [str(message.pk), str(sent.pk)]},
        follow=True,
    )
    assert "Sent 1 message." in response.content.decode()
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 1
    assert [mail.subject for mail in mailoutbox] == ["Hello"]
    failing.refresh_from_db()
    assert failing.sent_at is None  # not selected: left for the job that runs every minute


def test_selecting_only_sent_messages_sends_nothing(client_as, waiting, mailoutbox):
    sent = waiting[2]
    response = client_as("officer").post(
        LIST, {"action": "send_now", "_selected_action": [str(sent.pk)]}, follow=True
    )
    assert "None of the selected messages is waiting." in response.content.decode()
    assert mailoutbox == []


@pytest.mark.parametrize("role", ["board", "body_member", "panel_a", "partner_x"])
def test_only_officers_reach_the_outbox_admin(client_as, waiting, role):
    response = client_as(role).get(LIST, follow=True)
    assert response.status_code == 403
    assert "Only OPCC officers" in response.content.decode()


def test_signed_out_people_are_sent_to_sign_in(client_as, waiting):
    response = client_as("anonymous").get(LIST, follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
