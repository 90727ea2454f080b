"""Run inside Django (`python -m bench.prepare ACCOUNTS_JSON`) before the benchmark: find
what each page is measured on, and make the two board packs it needs if the data has none
(one published for board members to read, one draft whose PDF is drawn on each request).
Prints one JSON object on its last line."""

from __future__ import annotations

import datetime
import json
import os
import sys
import time


def main(accounts: dict[str, str]) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()

    from django.utils import timezone

    from evaluation.models import BoardPack
    from evaluation.services.packs import board_pack_create, board_pack_publish
    from governance.models import Body, Issue, Meeting, Membership, User
    from peoplezones.models import Activity, PanelMembership

    users = {role: User.objects.get(username=username) for role, username in accounts.items()}
    membership = (
        Membership.objects.filter(user=users["jag"], body__level=Body.Level.JAG)
        .select_related("body")
        .first()
    )
    if membership is None:
        raise SystemExit(f"{accounts['jag']} is a member of no JAG.")
    panel = PanelMembership.objects.filter(user=users["panel"]).select_related("zone").first()
    if panel is None:
        raise SystemExit(f"{accounts['panel']} sits on no community panel.")

    # A board pack as a Community Safety Partnership's board would get it: the JAG's CSP,
    # over the last six whole months. (A pack of every area at once grows with the number
    # of areas, which no real partnership has: the scope is one force area's.)
    csp = membership.body.parent
    made = {}
    today = timezone.localdate()
    end = today.replace(day=1) - datetime.timedelta(days=1)
    start = (end - datetime.timedelta(days=182)).replace(day=1)
    packs = BoardPack.objects.filter(scope=BoardPack.Scope.CSP, csp=csp)
    published = packs.exclude(status=BoardPack.Status.DRAFT).order_by("-pk").first()
    if published is None:
        started = time.monotonic()
        published = board_pack_create(
            actor=users["officer"],
            title=f"Benchmark: report to the Board ({csp.name})",
            scope=BoardPack.Scope.CSP,
            csp=csp,
            period_start=start,
            period_end=end,
            recommendations="The Board is asked to note this paper.",
        )
        made["generate_s"] = round(time.monotonic() - started, 2)
        started = time.monotonic()
        board_pack_publish(actor=users["officer"], pack=published)
        made["publish_s"] = round(time.monotonic() - started, 2)
    draft = packs.filter(status=BoardPack.Status.DRAFT).order_by("-pk").first()
    if draft is None:
        draft = board_pack_create(
            actor=users["officer"],
            title=f"Benchmark: draft report to the Board ({csp.name})",
            scope=BoardPack.Scope.CSP,
            csp=csp,
            period_start=start,
            period_end=end,
        )
    return {
        "body": membership.body.slug,
        "body_upcoming_meetings": membership.body.meetings.filter(
            starts_at__gte=timezone.now()
        ).count(),
        "zone": panel.zone.slug,
        "published_pack": published.pk,
        "pack_scope": csp.name,
        "published_pack_html_kib": round(len(published.content_html) / 1024),
        "draft_pack": draft.pk,
        "packs_made": made,
        "counts": {
            "bodies": Body.objects.count(),
            "people": User.objects.count(),
            "activities": Activity.objects.count(),
            "issues": Issue.objects.count(),
            "meetings": Meeting.objects.count(),
        },
    }


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
