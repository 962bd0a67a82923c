"""Benchmarks for the builder (issue 7): `make bench`, or `python -m benchmarks.run`."""
