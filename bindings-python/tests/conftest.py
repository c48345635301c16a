"""Shared paths and helpers of the Python suite."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors"
SAMPLE = REPO / "core" / "examples" / "data" / "energy" / "challenge.json"
TABLE_DEMO = REPO / "core" / "examples" / "data" / "table-demo"

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def sample_json() -> str:
    """The shipped sample challenge, as JSON text."""
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_doc(sample_json: str) -> Dict[str, Any]:
    """The shipped sample challenge, as json.loads gives it."""
    return json.loads(sample_json)
