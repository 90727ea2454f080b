"""Objects reached without a path of their own: a calendar feed's token, a notification
marked read by its id, a confidential agenda item on a meeting page another body's
members may read, and the API's lists, which must leave out what the detail refuses."""

from governance import ical
from governance.models import Notification


def test_a_feed_token_opens_only_the_body_and_the_person_it_was_made_for(access_world, client):
    w = access_world
    token = ical.feed_token(user=w.people.body_member, body=w.bodies.jag_a)
    assert client.get(f"/bodies/jag-a/meetings.ics?token={token}").status_code == 200
    assert client.get(f"/bodies/jag-b/meetings.ics?token={token}").status_code == 403
    # A token for someone outside governance (a panel member) opens nothing.
    outsider = ical.feed_token(user=w.people.panel_a, body=w.bodies.jag_a)
    assert client.get(f"/bodies/jag-a/meetings.ics?token={outsider}").status_code == 403
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.get(f"/bodies/jag-a/meetings.ics?token={forged}").status_code == 403


def test_nobody_marks_another_persons_notification_read(access_world, client):
    w = access_world
    theirs = Notification.objects.get(recipient=w.people.body_member, subject="JAG A meets soon")
    client.force_login(w.people.jag_b_chair)
    client.post("/notifications/read/", {"id": theirs.pk})
    client.post("/notifications/read/")  # "all of them": all of mine
    theirs.refresh_from_db()
    assert theirs.read_at is None
    client.force_login(w.people.body_member)
    client.post("/notifications/read/", {"id": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.read_at is not None


def test_a_confidential_agenda_item_stays_with_its_body(access_world, client):
    w = access_world
    pages = [f"/meetings/{w.meeting.pk}/", f"/meetings/{w.meeting.pk}/agenda/print/"]
    client.force_login(w.people.body_member)  # JAG A's chair
    assert all("Secret item" in client.get(page).content.decode() for page in pages)
    for stranger in (w.people.jag_b_chair, w.people.csp_a_member):
        client.force_login(stranger)
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200
            assert "Open item" in response.content.decode()
            assert "Secret item" not in response.content.decode(), (stranger, page)
    feed = client.get("/bodies/jag-a/meetings.ics").content.decode()
    assert "Open item" in feed and "Secret item" not in feed


def listed_ids(client, path: str) -> set:
    data = client.get(path).json()
    rows = data["results"] if isinstance(data, dict) else data
    return {row.get(key) for row in rows for key in ("id", "slug")} - {None}


def test_api_lists_leave_out_the_other_zones_and_organisations_records(access_world, api_as):
    w, plans = access_world, access_world.plans
    zone_a = w.zones.a.slug
    probes = {
        ("panel_b", f"/api/v1/activities/?zone={zone_a}", w.activity.pk),
        ("core_b", f"/api/v1/activities/?zone={zone_a}", w.activity.pk),
        ("panel_b", f"/api/v1/objectives/?zone={zone_a}", plans.objective.pk),
        ("panel_b", f"/api/v1/milestones/?zone={zone_a}", plans.milestone.pk),
        ("panel_b", f"/api/v1/ambition-statements/?zone={zone_a}", plans.statement.pk),
        ("panel_b", "/api/v1/zones/", zone_a),
        ("panel_b", "/api/v1/indicators/", w.evaluation_indicator.pk),
        ("panel_b", "/api/v1/measurements/", w.evaluation_measurement.pk),
        ("partner_y", "/api/v1/initiatives/", w.initiative.pk),
        ("core_b", "/api/v1/initiatives/", w.initiative.pk),
        ("body_member", "/api/v1/issues/", w.secret_issue.pk),
        ("csp_a_member", "/api/v1/issues/", w.secret_issue.pk),
    }
    leaks = [(who, path) for who, path, hidden in probes if hidden in listed_ids(api_as(who), path)]
    assert not leaks
    # The same lists do show them to zone A's panel, partner_x and CSP B's trail.
    assert w.activity.pk in listed_ids(api_as("panel_a"), f"/api/v1/activities/?zone={zone_a}")
    assert w.initiative.pk in listed_ids(api_as("partner_x"), "/api/v1/initiatives/")
    assert w.secret_issue.pk in listed_ids(api_as("jag_b_chair"), "/api/v1/issues/")
    assert zone_a in listed_ids(api_as("panel_a"), "/api/v1/zones/")
