"""The one exception type for refused state changes, shared by every app's services."""


class DomainError(Exception):
    """A change the rules do not allow: nothing was changed, and `message` says why.

    `field` names the form or API field the problem belongs to, when there is one. Views
    show the message next to that field (or at the top of the page); the API answers 400
    with `{field or "detail": [message]}`.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
