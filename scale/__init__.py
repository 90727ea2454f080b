"""Synthetic data shaped like N police force areas, for measuring the service at scale.

`seed_scale --areas N` (governance/management/commands/seed_scale.py) runs `scale.run.seed`.
One module per part: people and bodies, meetings, issues and priorities, zones and plans,
activities, evaluation, toolkit, reviews. Every row is written through `scale.writer`.
"""
