"""Setting a priority: the bodies to route it to are always on the page under the choice
(no conditional reveal, whose script puts aria-expanded on a radio), and ticks that the
choice would ignore are refused rather than dropped."""

import re

from governance.models import Priority
from tests.governance.test_priorities_pages import form_data


def test_the_bodies_show_under_the_choice_without_a_reveal(client_as, world):
    html = client_as("officer").get("/priorities/new/test-spb/").content.decode()
    for reveal in ("govuk-radios__conditional", "data-aria-controls", "aria-expanded"):
        assert reveal not in html
    choice = html.index('value="chosen"')
    bodies = [m.start() for m in re.finditer(r'name="route_to"', html)]
    assert len(bodies) == 5 and all(choice < at for at in bodies)
    assert "Only if you chose ‘Only the bodies I choose below’: tick each body." in html


def test_ticked_bodies_with_every_body_below_are_refused_next_to_the_bodies(client_as, world):
    data = form_data(world, route="all", route_to=[world.bodies.csp_a.pk])
    response = client_as("officer").post("/priorities/new/test-spb/", data)
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html
    assert response.context["form"].errors["route_to"] == [
        "You ticked bodies but chose every body below: choose ‘Only the bodies I choose "
        "below’, or untick them"
    ]
    # The message sits in the bodies' own fieldset, which names it in aria-describedby.
    error = re.search(
        r'id="(id_route_to_\w*error)" class="govuk-error-message">((?:(?!<div).)*)',
        html,
        re.S,
    )
    assert error and "You ticked bodies but chose every body below" in error.group(2)
    assert f'aria-describedby="id_route_to_hint {error.group(1)}"' in html
    assert not Priority.objects.exists()
