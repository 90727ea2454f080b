"""Settings of the OPCC partnerships service.

Every deployment knob is read from the environment (see README, "Configuration").
Without any variable set, the service runs on embedded defaults: an SQLite file and a
filesystem Celery broker under var/, and e-mail printed to the console.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str
from config.static_headers import add_static_headers

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-never-used-with-debug-off"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "config.apps.OfficerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "django_tables2",
    "django_filters",
    "django_celery_beat",
    "django_celery_results",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "csp",
    "template_partials",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "governance",
    "peoplezones",
    "toolkit",
    "evaluation",
    "privacy",
    "outbox",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last: it turns a lockout raised by authentication into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "governance.context_processors.navigation",
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://…) selects PostgreSQL; otherwise an SQLite file.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
    if not env_bool("DB_JIT", False):
        # PostgreSQL's just-in-time compilation costs more than it saves on this service's
        # queries: at 43 areas it spent 300-700 ms compiling the evaluation summary's
        # monthly aggregate (2.2 s with it, 1.5 s without), and no page was slower without.
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            # The web process, the worker and beat share the file: WAL lets readers go on
            # while one writes, and IMMEDIATE takes the write lock up front instead of
            # failing half-way through a transaction.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "opcc",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# People and roles
AUTH_USER_MODEL = "governance.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "governance.backends.OfficerBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "people-zones-demo")

SERVICE_NAME = env_str("SERVICE_NAME", "Partnerships and People Zones")
ORGANISATION_NAME = env_str(
    "ORGANISATION_NAME", "Office of the Police and Crime Commissioner for Leicestershire"
)
# Where people ask for another format or report an accessibility problem (the statement).
ACCESSIBILITY_CONTACT_EMAIL = env_str("ACCESSIBILITY_CONTACT_EMAIL")

# Sessions end after SESSION_IDLE_MINUTES without a request.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login throttling: after AXES_FAILURE_LIMIT failures for one username from one address,
# that pair is locked out for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = True
# Lockout warnings name the username and address (for the officer who lifts it); the
# password is always masked, whatever this list says.
AXES_SENSITIVE_PARAMETERS: list[str] = []

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
# static/img ships as it is; static/scss is compiled by `npm run build` into var/build,
# with GOV.UK Frontend's script and the images its styles refer to.
STATICFILES_DIRS = [("img", BASE_DIR / "static" / "img"), VAR_DIR / "build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or not env_bool("STATIC_MANIFEST", True)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# E-mail: the console unless EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# Links in e-mail are absolute: the address people reach the service at.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "OPCC Partnerships <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Production (DEBUG off) passes `check --deploy --fail-level WARNING`.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Static files get the same framing rule and a policy that runs nothing (WhiteNoise serves
# them before the CSP middleware sees the response).
WHITENOISE_ADD_HEADERS_FUNCTION = add_static_headers

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Forms in the GOV.UK Design System style.
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
CRISPY_GDS_FRONTEND_VERSION = "5.8.0"
DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"

REST_FRAMEWORK = {
    # Token first, so a request without credentials gets 401 with WWW-Authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "config.domain.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "OPCC Partnerships API",
    "DESCRIPTION": "Partnership governance and People Zones. Authenticate with a session "
    "or with `Authorization: Token …` from `POST /api/v1/auth/token/`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# People Zones' choice sets keep their own names in the schema.
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {}).update(
    {
        "ResilienceThemeEnum": "peoplezones.models.plans.Theme",
        "MilestoneStatusEnum": "peoplezones.models.plans.Milestone.Status",
        "AmbitionStatusEnum": "peoplezones.models.plans.AmbitionStatement.Status",
        "ZoneStatusEnum": "peoplezones.models.zones.Zone.Status",
    }
)
# Meetings' choice sets too.
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "MeetingStatusEnum": "governance.models.meetings.Meeting.Status",
        "ActionStatusEnum": "governance.models.meetings.Action.Status",
        "AgendaItemKindEnum": "governance.models.meetings.AgendaItem.Kind",
    }
)
# Priorities' choice sets.
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "RagEnum": "governance.models.priorities.PriorityAssignment.Rag",
        "PriorityThemeEnum": "governance.models.priorities.Priority.Theme",
    }
)
# Review events' choice sets.
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "ReviewEventStatusEnum": "governance.models.reviews.ReviewEvent.Status",
        "FundingSourceEnum": "governance.models.reviews.Allocation.FundingSource",
    }
)
# Activities' and initiatives' choice sets (the toolkit and evaluation share the first two).
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "ResilienceDomainEnum": "peoplezones.models.activities.ResilienceDomain",
        "ApproachPrincipleEnum": "peoplezones.models.activities.ApproachPrinciple",
        "InitiativeStatusEnum": "peoplezones.models.initiatives.InitiativeStatus",
    }
)

# Celery: REDIS_URL when set; otherwise kombu's filesystem transport, which needs no server.
CELERY_BROKER_URL = REDIS_URL or "filesystem://"
CELERY_BROKER_FOLDER = VAR_DIR / "celery" / "broker"
if not REDIS_URL:
    # The filesystem transport needs its folders to exist before a worker or producer starts.
    CELERY_BROKER_FOLDER.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_FOLDER),
        "data_folder_out": str(CELERY_BROKER_FOLDER),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # A task taken by a worker that dies before finishing it (acks_late) goes back on
        # the queue for another worker this many seconds after it was taken.
        "visibility_timeout": env_int("BROKER_VISIBILITY_TIMEOUT", 3600),
        # A broker that is down is noticed quickly: requests that queue work do not hang
        # (their work waits in the outbox; see outbox.services).
        "socket_connect_timeout": 2,
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "config.scheduler:EditableScheduler"

# Governance: an issue waiting at one body longer than this is flagged as stale.
ISSUE_STALE_DAYS = env_int("ISSUE_STALE_DAYS", 28)

# People Zones activities: how long a panel member may change an entry after logging it
# (until it is verified), and the largest photo accepted with one.
ACTIVITY_EDIT_HOURS = env_int("ACTIVITY_EDIT_HOURS", 72)
ACTIVITY_PHOTO_MAX_MB = env_int("ACTIVITY_PHOTO_MAX_MB", 10)

# Daily jobs; django-celery-beat copies them into its database, where officers can edit them.
CELERY_BEAT_SCHEDULE: dict = {}
CELERY_BEAT_SCHEDULE["flag-overdue-governance"] = {
    "task": "governance.tasks.flag_overdue_governance",
    "schedule": crontab(minute=30, hour=6),
}
# Members of a body are reminded (in the service and by e-mail) this many days before each
# of its meetings; the reminder job runs every morning.
MEETING_REMINDER_DAYS = env_int("MEETING_REMINDER_DAYS", 7)
CELERY_BEAT_SCHEDULE["send-meeting-reminders"] = {
    "task": "governance.tasks.send_meeting_reminders",
    "schedule": crontab(minute=0, hour=7),
}
CELERY_BEAT_SCHEDULE["flag-late-milestones"] = {
    "task": "peoplezones.tasks.flag_late_milestones",
    "schedule": crontab(minute=15, hour=6),
}


def _whole_numbers(name: str, raw: list[str], low: int, high: int) -> list[int]:
    """The setting's whole numbers, sorted, each from low to high; refused otherwise."""
    try:
        values = sorted({int(item) for item in raw})
    except ValueError:
        values = []
    if not values or values[0] < low or values[-1] > high:
        raise ImproperlyConfigured(f"{name} must list whole numbers from {low} to {high}.")
    return values


# Bi-annual review events: the months they fall in, the lead times (in days before the
# event) of the invitation, the reminders and the pre-read pack.
REVIEW_EVENT_MONTHS = _whole_numbers(
    "REVIEW_EVENT_MONTHS", env_list("REVIEW_EVENT_MONTHS", "1,7"), 1, 12
)
REVIEW_INVITATION_DAYS = env_int("REVIEW_INVITATION_DAYS", 42)
REVIEW_REMINDER_DAYS = _whole_numbers(
    "REVIEW_REMINDER_DAYS", env_list("REVIEW_REMINDER_DAYS", "28,7"), 1, 365
)
REVIEW_PACK_DAYS = env_int("REVIEW_PACK_DAYS", 14)
CELERY_BEAT_SCHEDULE["ensure-review-events"] = {
    "task": "governance.tasks.ensure_review_events",
    "schedule": crontab(minute=15, hour=6),
}
# Every minute: send again the background work the broker could not take when it was asked
# for (see outbox.services).
CELERY_BEAT_SCHEDULE["drain-outbox"] = {
    "task": "outbox.tasks.drain_outbox",
    "schedule": 60.0,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Axes reports each lockout at WARNING; its start-up chatter at INFO is left out, as is
    # WeasyPrint's and fontTools' step-by-step account of every PDF they make.
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
