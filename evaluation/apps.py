from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    """Evaluation of resilience and the board reports."""

    name = "evaluation"
