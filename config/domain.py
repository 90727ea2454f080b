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


def api_exception_handler(exc, context):
    """DRF's handler, plus: a refused change answers 400 naming the field or `detail`."""
    from rest_framework.response import Response
    from rest_framework.views import exception_handler

    if isinstance(exc, DomainError):
        return Response({exc.field or "detail": [exc.message]}, status=400)
    return exception_handler(exc, context)
