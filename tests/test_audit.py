import pytest
from django.apps import apps

DOMAIN_APPS = ["governance", "peoplezones", "toolkit", "evaluation"]


def domain_models():
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models():
            if not model.__name__.startswith("Historical"):
                yield model


@pytest.mark.parametrize("model", list(domain_models()), ids=lambda m: m._meta.label)
def test_every_domain_model_keeps_its_history(model):
    assert hasattr(model, "history"), f"{model._meta.label} needs HistoricalRecords()"
    historical = model.history.model
    assert "history_user" in {field.name for field in historical._meta.fields}


def test_history_records_who_made_the_change(client_as, world):
    client = client_as("officer")
    organisation = world.organisations.x
    response = client.post(
        f"/admin/governance/organisation/{organisation.pk}/change/",
        {"name": "Renamed Fire and Rescue", "kind": "fire"},
    )
    assert response.status_code == 302
    record = organisation.history.latest()
    assert (record.name, record.history_user) == ("Renamed Fire and Rescue", world.people.officer)
    assert record.prev_record.name == "Test Fire and Rescue"
