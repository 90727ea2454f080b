"""Priority pages: the list, setting one, its roll-up, and each body's answer page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from governance.models import Body, Priority, PriorityAssignment
from governance.services.priorities import assignment_acknowledge, assignment_report, priority_set
from tests.factories import BodyFactory, MembershipFactory, UserFactory
from tests.factories_issues import AssignmentFactory, PriorityFactory

TODAY = timezone.localdate


def set_priority(world, **extra):
    fields = {
        "title": "Reduce serious violence",
        "description": "Night-time economy.",
        "rationale": "The strategic assessment.",
        "period_start": TODAY(),
        "period_end": TODAY() + timedelta(days=365),
        "acknowledge_by": TODAY() + timedelta(days=14),
        **extra,
    }
    return priority_set(actor=world.people.officer, setting_body=world.bodies.spb, **fields)


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def form_data(world, **extra):
    start = TODAY()
    return {
        "title": "Rural crime",
        "description": "Farm machinery theft.",
        "rationale": "Rising reports.",
        "theme": "rural",
        **date_fields("period_start", start),
        **date_fields("period_end", start + timedelta(days=180)),
        **date_fields("acknowledge_by", start + timedelta(days=21)),
        "route": "all",
        **extra,
    }


@pytest.fixture
def jag_assignment(world):
    return set_priority(world).assignments.get(body=world.bodies.jag_a)


# List -------------------------------------------------------------------------------------


def test_list_shows_each_priority_with_its_roll_up_counts(client_as, world, jag_assignment):
    assignment_acknowledge(actor=world.people.body_member, assignment=jag_assignment, response="r")
    response = client_as("body_member").get("/priorities/")
    [priority] = response.context["page"].object_list
    assert (priority.n_assigned, priority.n_acknowledged, priority.n_reporting) == (5, 1, 0)
    assert "Reduce serious violence" in response.content.decode()


def test_list_filters_active_retired_and_theme(client_as, world):
    PriorityFactory(
        setting_body=world.bodies.spb, title="Old", status="retired", retired_at=timezone.now()
    )
    PriorityFactory(setting_body=world.bodies.spb, title="Roads", theme="roads")
    client = client_as("officer")

    def titles(query):
        return {p.title for p in client.get("/priorities/?" + query).context["page"].object_list}

    assert titles("") == {"Roads"}
    assert titles("status=retired") == {"Old"}
    assert titles("status=all&theme=roads") == {"Roads"}


def test_only_those_who_may_set_priorities_see_the_button(client_as):
    assert 'href="/priorities/new/"' in client_as("officer").get("/priorities/").content.decode()
    assert 'href="/priorities/new/"' in client_as("board").get("/priorities/").content.decode()
    assert "/priorities/new/" not in client_as("body_member").get("/priorities/").content.decode()


@pytest.mark.parametrize("role", ["panel_b", "partner_y"])
def test_priorities_are_refused_to_people_without_a_seat(client_as, world, role):
    priority = set_priority(world)
    client = client_as(role)
    assert client.get("/priorities/").status_code == 403
    assert client.get(priority.get_absolute_url()).status_code == 403


# Priority list: session, user, memberships, panel seats (4); count and page of priorities
# with their counts (2); the session's idle timer (3).
PRIORITY_LIST_QUERIES = 9


def test_priority_list_queries_are_pinned_and_do_not_grow(
    client_as, world, django_assert_num_queries
):
    set_priority(world)
    client = client_as("officer")
    with django_assert_num_queries(PRIORITY_LIST_QUERIES):
        assert client.get("/priorities/").status_code == 200
    for _ in range(8):
        priority = PriorityFactory(setting_body=world.bodies.sog)
        for body in (world.bodies.csp_a, world.bodies.jag_a):
            AssignmentFactory(priority=priority, body=body)
    with django_assert_num_queries(PRIORITY_LIST_QUERIES):
        response = client.get("/priorities/")
    assert len(response.context["page"].object_list) == 9


# Setting ----------------------------------------------------------------------------------


def test_officer_chooses_the_setting_body_and_board_member_goes_straight_to_theirs(client_as):
    body = client_as("officer").get("/priorities/new/").content.decode()
    assert 'href="/priorities/new/test-spb/"' in body
    assert 'href="/priorities/new/test-sog/"' in body
    response = client_as("board").get("/priorities/new/")
    assert response.status_code == 302 and response["Location"] == "/priorities/new/test-spb/"
    assert client_as("body_member").get("/priorities/new/").status_code == 403


def test_setting_a_priority_routes_it_to_every_body_below(client_as, world):
    client = client_as("officer")
    assert client.get("/priorities/new/test-spb/").status_code == 200
    response = client.post("/priorities/new/test-spb/", form_data(world))
    priority = Priority.objects.get()
    assert response.status_code == 302 and response["Location"] == priority.get_absolute_url()
    assert (priority.theme, priority.setting_body, priority.set_by) == (
        "rural",
        world.bodies.spb,
        world.people.officer,
    )
    assert priority.assignments.count() == 5
    assert (
        "Priority set and routed to 5 bodies." in client.get(response["Location"]).content.decode()
    )


def test_setting_a_priority_for_chosen_bodies(client_as, world):
    b = world.bodies
    data = form_data(world, route="chosen", route_to=[b.csp_a.pk, b.jag_a.pk])
    client_as("board").post("/priorities/new/test-spb/", data)
    assert {a.body for a in PriorityAssignment.objects.all()} == {b.csp_a, b.jag_a}


def test_the_form_explains_what_is_missing_or_wrong(client_as, world):
    data = form_data(
        world,
        title="",
        route="chosen",
        **date_fields("period_end", TODAY() - timedelta(days=400)),
        **date_fields("acknowledge_by", TODAY() - timedelta(days=1)),
    )
    response = client_as("officer").post("/priorities/new/test-spb/", data)
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "Enter a title for the priority" in body
    assert "The end of the period must be after its start" in body
    assert "Choose at least one body to route the priority to" in body
    assert not Priority.objects.exists()


def test_a_refused_date_is_shown_next_to_its_field(client_as, world):
    data = form_data(world, **date_fields("acknowledge_by", TODAY() - timedelta(days=1)))
    response = client_as("officer").post("/priorities/new/test-spb/", data)
    assert "The acknowledge-by date must be today or later." in response.content.decode()
    assert response.context["form"].errors["acknowledge_by"]
    assert not Priority.objects.exists()


def test_only_the_setting_body_and_officers_may_set_there(client_as, world):
    assert client_as("board").get("/priorities/new/test-sog/").status_code == 403
    assert client_as("officer").get("/priorities/new/csp-a/").status_code == 403
    response = client_as("body_member").post("/priorities/new/test-spb/", form_data(world))
    assert response.status_code == 403 and not Priority.objects.exists()


# The priority page ------------------------------------------------------------------------


def test_the_roll_up_counts_each_answer(client_as, world, jag_assignment):
    chair = world.people.body_member
    assignment_acknowledge(actor=chair, assignment=jag_assignment, response="Patrols")
    assignment_report(actor=chair, assignment=jag_assignment, rag="amber", text="Started")
    Priority.objects.update(acknowledge_by=TODAY() - timedelta(days=2))
    response = client_as("officer").get(jag_assignment.priority.get_absolute_url())
    rollup = response.context["rollup"]
    assert (rollup.total, rollup.acknowledged, rollup.reporting, rollup.silent) == (5, 1, 1, 4)
    body = response.content.decode()
    assert "silent past the deadline" in body and "Patrols" in body and "Amber" in body


def test_the_setting_body_sees_the_roll_up_and_receiving_bodies_see_their_own(
    client_as, world, jag_assignment
):
    url = jag_assignment.priority.get_absolute_url()
    assert client_as("board").get(url).context["sees_all"]
    response = client_as("body_member").get(url)
    assert not response.context["sees_all"]
    assert response.context["own_assignments"] == [jag_assignment]
    assert "Roll-up" not in response.content.decode()


def test_retiring_from_the_page(client_as, world, jag_assignment):
    priority = jag_assignment.priority
    assert "Retire priority" in client_as("board").get(priority.get_absolute_url()).content.decode()
    assert "Retire priority" not in (
        client_as("body_member").get(priority.get_absolute_url()).content.decode()
    )
    assert client_as("body_member").post(f"/priorities/{priority.pk}/retire/").status_code == 403
    response = client_as("officer").post(f"/priorities/{priority.pk}/retire/")
    assert response.status_code == 302
    priority.refresh_from_db()
    assert not priority.is_active
    again = client_as("officer").post(f"/priorities/{priority.pk}/retire/", follow=True)
    assert "This priority is already retired." in again.content.decode()


# Priority page: session, user, memberships, panel seats (4); the priority with its counts;
# every assignment with its body; the session's idle timer (3).
PRIORITY_PAGE_QUERIES = 9


def test_priority_page_queries_are_pinned_and_do_not_grow(
    client_as, world, jag_assignment, django_assert_num_queries
):
    client = client_as("officer")
    url = jag_assignment.priority.get_absolute_url()
    with django_assert_num_queries(PRIORITY_PAGE_QUERIES):
        assert client.get(url).status_code == 200
    for _ in range(10):
        body = BodyFactory(level=Body.Level.JAG, parent=world.bodies.csp_a)
        assignment = AssignmentFactory(priority=jag_assignment.priority, body=body)
        member = UserFactory()
        MembershipFactory(body=body, user=member)
        assignment_acknowledge(actor=member, assignment=assignment, response="r")
    with django_assert_num_queries(PRIORITY_PAGE_QUERIES):
        response = client.get(url)
    assert response.context["rollup"].total == 15


# A body's answer --------------------------------------------------------------------------


def test_the_body_acknowledges_and_reports_from_its_page(client_as, world, jag_assignment):
    client = client_as("body_member")
    url = jag_assignment.get_absolute_url()
    assert "Acknowledge priority" in client.get(url).content.decode()
    response = client.post(f"{url}acknowledge/", {"response": "Friday patrols"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Friday patrols" in page and "Send report" in page
    response = client.post(f"{url}report/", {"rag": "green", "text": "Two patrols done"})
    assert response.status_code == 302
    jag_assignment.refresh_from_db()
    assert (jag_assignment.status, jag_assignment.last_rag) == ("reporting", "green")
    assert "Two patrols done" in client.get(url).content.decode()


def test_reporting_before_acknowledging_is_refused_on_the_page(client_as, jag_assignment):
    url = jag_assignment.get_absolute_url()
    response = client_as("body_member").post(f"{url}report/", {"rag": "red", "text": "t"})
    assert response.status_code == 400
    assert "Acknowledge the priority before reporting progress on it." in response.content.decode()
    assert not jag_assignment.reports.exists()


def test_acknowledging_twice_is_refused_on_the_page(client_as, world, jag_assignment):
    client = client_as("body_member")
    url = jag_assignment.get_absolute_url()
    client.post(f"{url}acknowledge/", {"response": "First"})
    response = client.post(f"{url}acknowledge/", {"response": "Second"})
    assert response.status_code == 400
    assert "JAG A acknowledged this priority on" in response.content.decode()
    jag_assignment.refresh_from_db()
    assert jag_assignment.response == "First"


def test_an_empty_answer_shows_the_error_summary(client_as, jag_assignment):
    url = jag_assignment.get_absolute_url()
    response = client_as("body_member").post(f"{url}acknowledge/", {"response": ""})
    body = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in body
    assert "Enter what your body will do about this priority" in body


def test_readers_who_do_not_sit_on_the_body_get_no_forms_and_are_refused(
    client_as, world, jag_assignment
):
    url = jag_assignment.get_absolute_url()
    client = client_as("officer")
    assert "Acknowledge priority" not in client.get(url).content.decode()
    response = client.post(f"{url}acknowledge/", {"response": "On their behalf"})
    assert response.status_code == 403
    assert "Only members of JAG A can act on its priorities." in response.content.decode()
    jag_assignment.refresh_from_db()
    assert jag_assignment.status == "awaiting"


def test_another_body_s_answer_is_open_to_read_but_not_to_act_on(client_as, world):
    csp_b = set_priority(world).assignments.get(body=world.bodies.csp_b)
    client = client_as("body_member")
    page = client.get(csp_b.get_absolute_url())
    assert page.status_code == 200
    assert "/acknowledge/" not in page.content.decode()
    response = client.post(f"{csp_b.get_absolute_url()}acknowledge/", {"response": "r"})
    assert response.status_code == 403
    assert "members of CSP B" in response.content.decode()
    csp_b.refresh_from_db()
    assert csp_b.acknowledged_at is None
    assert client_as("board").get(csp_b.get_absolute_url()).status_code == 200
    assert client_as("panel_a").get(csp_b.get_absolute_url()).status_code == 403


def test_the_assignment_must_belong_to_the_priority_in_the_address(
    client_as, world, jag_assignment
):
    other = PriorityFactory(setting_body=world.bodies.spb)
    url = f"/priorities/{other.pk}/assignments/{jag_assignment.pk}/"
    assert client_as("officer").get(url).status_code == 404
