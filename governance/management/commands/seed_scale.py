from dataclasses import fields

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from governance.models import Body, User
from peoplezones.models import Zone
from scale.knobs import PREFIX, Knobs
from scale.people import ACCOUNTS
from scale.run import seed

DEFAULT_PASSWORD = "scale-bench-password"  # noqa: S105 (synthetic accounts, documented)
DEFAULTS = Knobs()


class Command(BaseCommand):
    help = (
        "Add synthetic data shaped like N police force areas (43 = England and Wales) for "
        "measuring speed at scale. Areas already there are kept, so it is safe to run again; "
        "it refuses a database holding other (real or demo) data unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--areas", type=int, required=True, help="How many areas (1 to 99).")
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=f"Password of the sign-in accounts (default {DEFAULT_PASSWORD!r}).",
        )
        parser.add_argument("--force", action="store_true", help="Seed beside other data.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Empty the database first (only when it holds synthetic data alone).",
        )
        for name, help_text in [
            ("years", "Years of history"),
            ("csps", "CSPs per area"),
            ("jags", "JAGs per CSP"),
            ("zones", "People Zones per area"),
            ("issues_per_jag_year", "Issues per JAG per year"),
            ("priorities_per_year", "Priorities per area per year"),
            ("methods", "Toolkit methods"),
        ]:
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                dest=name,
                type=int,
                default=getattr(DEFAULTS, name),
                help=f"{help_text} (default {getattr(DEFAULTS, name)}).",
            )
        parser.add_argument(
            "--activities-per-zone-day",
            dest="activities_per_zone_day",
            type=float,
            default=DEFAULTS.activities_per_zone_day,
            help="Activities per zone per day, at most 1 (default 1).",
        )

    def handle(self, *args, **options):
        if not 1 <= options["areas"] <= 99:
            raise CommandError("--areas must be between 1 and 99.")
        if not 0 < options["activities_per_zone_day"] <= 1:
            raise CommandError("--activities-per-zone-day must be above 0 and at most 1.")
        if min(options[f.name] for f in fields(Knobs) if f.name in options) <= 0:
            raise CommandError("Every size must be at least 1.")
        foreign = self._foreign_data()
        if foreign and not options["force"]:
            raise CommandError(
                f"This database holds data that is not synthetic ({foreign}). Seed an empty "
                "database, or pass --force to add the synthetic areas beside it."
            )
        if options["reset"]:
            if foreign:
                raise CommandError("--reset empties only a database of synthetic data.")
            self.stdout.write("Emptying the database (synthetic data only)...")
            call_command("flush", interactive=False, verbosity=0)
        knobs = Knobs(**{f.name: options[f.name] for f in fields(Knobs) if f.name in options})
        result = seed(knobs, options["password"], say=self._progress)
        # The accounts get the password asked for, whether new or already there.
        usernames = [username for username, _ in ACCOUNTS]
        User.objects.filter(username__in=usernames).update(
            password=make_password(options["password"])
        )
        added = knobs.areas - result["skipped"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {added} area(s) ({result['skipped']} already there): "
                f"{result['rows']:,} rows in {result['seconds']:,.0f} s, "
                f"peak memory {result['peak_mib']:,.0f} MiB."
            )
        )
        for label, count in result["counts"].items():
            self.stdout.write(f"  {label:<36} {count:>10,}")
        self.stdout.write("Sign-in accounts (password given by --password):")
        for username, description in ACCOUNTS:
            self.stdout.write(f"  {username:<14} {description}")

    def _progress(self, line: str) -> None:
        self.stdout.write(line)
        self.stdout.flush()

    @staticmethod
    def _foreign_data() -> str:
        """What non-synthetic data the database holds, if any, in words."""
        found = []
        bodies = Body.objects.exclude(slug__startswith=PREFIX).count()
        if bodies:
            found.append(f"{bodies} bodies")
        zones = Zone.objects.exclude(slug__startswith=PREFIX).count()
        if zones:
            found.append(f"{zones} zones")
        users = User.objects.exclude(username__startswith=PREFIX).filter(is_superuser=False)
        if users.exists():
            found.append(f"{users.count()} people")
        return ", ".join(found)
