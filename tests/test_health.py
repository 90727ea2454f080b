import pytest
from django.db import OperationalError, connection

from config.celery import app as celery_app


def test_live_answers_ok_without_touching_the_database(client):
    # No django_db mark: any query here would fail the test.
    response = client.get("/health/live")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_ready_answers_ok_when_database_and_broker_answer(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_ready_names_the_database_when_it_fails(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.content == b"unavailable: database"


@pytest.mark.django_db
def test_ready_names_the_broker_when_nothing_listens_there(client, monkeypatch):
    # Port 1 on loopback: a real connection attempt that is refused at once.
    monkeypatch.setitem(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")
    monkeypatch.setitem(celery_app.conf, "broker_write_url", None)
    monkeypatch.setitem(celery_app.conf, "broker_transport_options", {})
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.content == b"unavailable: broker"


def test_health_pages_are_never_cached(client):
    response = client.get("/health/live")
    assert "no-cache" in response["Cache-Control"]
