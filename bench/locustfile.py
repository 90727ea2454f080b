"""Mixed roles against the demo data (`make load`; see README, "Performance").

    locust -f bench/locustfile.py --headless -u 20 -r 5 -t 60s --host http://127.0.0.1:PORT

Anonymous readers search the toolkit; community panel members log an activity from the
form (GET, then POST with its CSRF token); officers go through their dashboard, the
alignment view and issues; partner staff look at initiatives and offer one; board
members read the published board packs. Every user signs in through the sign-in form.
A request fails when it does not answer as a person would expect (a form posted must
redirect to what it saved; a page must answer 200), and any failure fails the run."""

from __future__ import annotations

import datetime
import itertools
import os
import random
import re

from locust import HttpUser, between, task

from bench.forms import form_with

PASSWORD = os.environ.get("DEMO_PASSWORD", "people-zones-demo")
SEARCHES = ["community", "walkabout", "young people", "safety", "budgeting", "problem"]
LINK = re.compile(r'href="(/[^"#?]*)"')
_run = itertools.count(1)


def links(html: str, prefix: str) -> list[str]:
    """Links on the page to addresses under prefix that end in a number or slug page."""
    return sorted({href for href in LINK.findall(html) if href.startswith(prefix)})


class Person(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    usernames: tuple[str, ...] = ()

    def on_start(self):
        if self.usernames:
            self.username = random.choice(self.usernames)  # noqa: S311 - not for security
            self.sign_in()

    def plain_cookies(self):
        """The service marks its cookies Secure (DEBUG is off); the load test speaks plain
        HTTP to 127.0.0.1, where a browser behind the TLS proxy would speak HTTPS: keep
        sending them (requests would not send a Secure cookie over HTTP)."""
        for cookie in self.client.cookies:
            cookie.secure = False

    def sign_in(self):
        page = self.client.get("/accounts/login/", name="sign in (form)")
        self.plain_cookies()
        form = form_with(page.text, "username")
        with self.client.post(
            "/accounts/login/",
            data=form.data(username=self.username, password=PASSWORD),
            allow_redirects=False,
            name="sign in",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"{self.username} could not sign in ({response.status_code})")
        self.plain_cookies()

    def page(self, path: str, name: str | None = None) -> str:
        """GET a page; anything but 200 (a redirect to sign in, say) is a failure."""
        with self.client.get(
            path, name=name or path, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"GET {path} answered {response.status_code}")
        self.plain_cookies()
        return response.text

    def post_form(self, path: str, form_page: str, field: str, name: str, **changes) -> None:
        """POST a form as read from its page, with changes; it must redirect (saved)."""
        form = form_with(form_page, field)
        with self.client.post(
            path,
            data=form.data(**changes),
            allow_redirects=False,
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                errors = re.findall(r'govuk-error-message">(?:<[^>]+>)*([^<]+)', response.text)
                response.failure(f"POST {path} answered {response.status_code}: {errors[:3]}")
        self.plain_cookies()
        if response.status_code == 302:
            self.page(response.headers["Location"], name=f"{name} (result)")


class ToolkitReader(Person):
    """Anyone, not signed in: the public toolkit."""

    @task(2)
    def browse(self):
        page = self.page("/toolkit/")
        methods = links(page, "/toolkit/methods/")
        if methods:
            self.page(random.choice(methods), name="/toolkit/methods/[slug]/")  # noqa: S311

    @task(3)
    def search(self):
        self.page(f"/toolkit/?q={random.choice(SEARCHES)}", name="/toolkit/?q=[words]")  # noqa: S311


class PanelMember(Person):
    """A community panel member logging what happened, often from a phone."""

    usernames = ("newparks-panel", "coalville-panel")
    zones = {"newparks-panel": "new-parks", "coalville-panel": "coalville"}

    @task(3)
    def log_activity(self):
        path = f"/zones/{self.zones[self.username]}/activities/new/"
        form_page = self.page(path, name="/zones/[slug]/activities/new/")
        today = datetime.date.today()
        self.post_form(
            path,
            form_page,
            "title",
            name="log an activity",
            title=f"Load test litter pick {next(_run)}",
            description="Residents and the council cleared the alley behind the shops.",
            occurred_on_0=str(today.day),
            occurred_on_1=str(today.month),
            occurred_on_2=str(today.year),
            domains=["safety", "resources"],
            participants="12",
            volunteer_hours="6",
        )

    @task(1)
    def read_activities(self):
        # A panel member's activity list is their zone's (/activities/ takes them there).
        zone = self.zones[self.username]
        self.page(f"/zones/{zone}/activities/", name="/zones/[slug]/activities/")
        self.page(f"/zones/{zone}/", name="/zones/[slug]/")


class Officer(Person):
    """An OPCC officer going through what needs attention."""

    usernames = ("officer",)

    @task(2)
    def dashboard(self):
        self.page("/")

    @task(1)
    def alignment(self):
        self.page("/alignment/")

    @task(2)
    def issues(self):
        page = self.page("/issues/")
        issues = [href for href in links(page, "/issues/") if href.rstrip("/")[-1].isdigit()]
        if issues:
            self.page(random.choice(issues), name="/issues/[id]/")  # noqa: S311


class Partner(Person):
    """Staff of a partner agency offering an initiative to the zones."""

    usernames = ("fire-partner",)

    @task(2)
    def look(self):
        page = self.page("/initiatives/")
        found = [href for href in links(page, "/initiatives/") if href.rstrip("/")[-1].isdigit()]
        if found:
            self.page(random.choice(found), name="/initiatives/[id]/")  # noqa: S311

    @task(1)
    def offer(self):
        form_page = self.page("/initiatives/new/")
        form = form_with(form_page, "title")
        start = datetime.date.today() + datetime.timedelta(days=14)
        self.post_form(
            "/initiatives/new/",
            form_page,
            "title",
            name="offer an initiative",
            zones=form.choices.get("zones", [])[:1],
            title=f"Load test home fire safety visits {next(_run)}",
            description="Free home fire safety visits for residents who ask.",
            audience="Older residents living alone",
            resources_offered="Two fire safety officers, one day a week",
            cost_to_zone="0",
            starts_on_0=str(start.day),
            starts_on_1=str(start.month),
            starts_on_2=str(start.year),
            contact_name="Demo Fire Partner",
            contact_email="fire-partner@example.invalid",
        )


class BoardMember(Person):
    """A member of the Strategic Partnership Board reading the published packs."""

    usernames = ("board",)

    @task
    def read_packs(self):
        page = self.page("/evaluation/reports/")
        packs = [h for h in links(page, "/evaluation/reports/") if h.rstrip("/")[-1].isdigit()]
        if packs:
            self.page(random.choice(packs), name="/evaluation/reports/[id]/")  # noqa: S311
        self.page("/")
