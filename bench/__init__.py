"""Benchmarks and the synthetic graph generator. Run on demand, never in the
default test run: `python -m bench.neo4j_load --help`."""
