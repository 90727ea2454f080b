"""Reads of the evaluation, one module per part: `evaluation.selectors.<part>`."""
