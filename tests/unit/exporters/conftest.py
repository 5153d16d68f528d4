"""Fixtures for the exporter tests: the sample plans, fresh for every test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The helper modules sit next to the tests; this keeps them importable whatever
# import mode pytest runs in.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import export_samples  # noqa: E402


@pytest.fixture
def small_plan():
    return export_samples.small_plan()


@pytest.fixture
def large_plan():
    return export_samples.large_plan()


@pytest.fixture
def hostile_plan():
    return export_samples.hostile_plan()


@pytest.fixture
def empty_plan():
    return export_samples.empty_plan()


@pytest.fixture(params=sorted(export_samples.SAMPLES))
def any_plan(request):
    return export_samples.SAMPLES[request.param]()
