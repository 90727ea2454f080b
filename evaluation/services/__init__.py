"""Writes of the evaluation, one module per part: `evaluation.services.<part>`."""

from django.core.exceptions import ValidationError
from django.db.models import Model

from config.domain import DomainError


def save_checked(obj: Model, actor) -> None:
    """Validate (the database's constraints included) and save, recording who did it; a
    failed check becomes a DomainError naming the field."""
    obj._history_user = actor
    try:
        obj.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(messages[0], field=None if field == "__all__" else field) from error
    obj.save()
