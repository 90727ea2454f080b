"""Evaluation models, one module per part: indicators with their measurements, and the
board packs that freeze what the board saw."""

from evaluation.models.indicators import *  # noqa: F403
from evaluation.models.packs import *  # noqa: F403
