# syntax=docker/dockerfile:1
# The production image of the Partnerships and People Zones service. One image serves every
# role: the web app (default command), the Celery worker and beat, and the one-shot migrate
# step; docker-compose.yml picks the command.

# --- Front-end assets: GOV.UK Frontend compiled with the service's styles into var/build ---
FROM node:20-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --omit=optional --no-audit --no-fund --loglevel=error
COPY static/ static/
RUN npm run build

# --- The application ---
FROM python:3.11-slim AS app

ARG UV_VERSION=0.13.9

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_LINK_MODE=copy \
    UV_COMPILE_BYTECODE=1 \
    PATH=/app/.venv/bin:$PATH

# gunicorn reads WEB_CONCURRENCY as its number of worker processes.
ENV WEB_CONCURRENCY=3

# WeasyPrint draws the printable board reports with Pango and HarfBuzz. The service font is
# Arial: fontconfig maps it to the metric-compatible Liberation Sans.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        fontconfig \
        fonts-dejavu-core \
        fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir "uv==${UV_VERSION}"

WORKDIR /app

# Dependencies first, so a change to the code alone reuses this layer.
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project --python /usr/local/bin/python3 \
    && rm -rf /root/.cache

RUN groupadd --system --gid 10001 opcc \
    && useradd --system --uid 10001 --gid opcc --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin opcc

COPY . .
COPY --from=assets /build/var/build/ var/build/

# The key and DEBUG here serve this one command only; the settings refuse to start without a
# real SECRET_KEY at run time. Loading the settings without REDIS_URL creates the filesystem
# broker's folders, which the image does not need.
RUN SECRET_KEY=collectstatic-only-not-a-secret DEBUG=false \
        python manage.py collectstatic --no-input --verbosity 0 \
    && rm -rf var/celery \
    && mkdir -p var/media \
    && chown opcc:opcc var var/media

USER opcc

EXPOSE 8000

# ALLOWED_HOSTS decides which Host headers Django answers, so the check sends the first one.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; h = (os.environ.get('ALLOWED_HOSTS') or 'localhost').split(',')[0].strip().lstrip('.'); h = 'localhost' if h in ('', '*') else h; u.urlopen(u.Request('http://127.0.0.1:8000/health/live', headers={'Host': h}), timeout=4)"]

CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "--worker-tmp-dir", "/dev/shm"]
