"""Measures the speed of the site tooling and writes BENCHMARKS.md: run it as `python -m benchmarks`."""
