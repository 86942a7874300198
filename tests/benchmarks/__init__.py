"""Speed benchmarks (not tests): ``python -m tests.benchmarks [SIZE ...]``.

Builds vaults of 1,000, 10,000 and 100,000 timeline events through the real
import path and prints each figure beside the floor measured in the same run.
"""
