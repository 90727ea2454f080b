"""Benchmark and load test of the service: `make bench` (bench.run) and `make load` (bench.load)."""
