"""Fixtures of the ledger tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ledger.ledger_helpers import VECTORS


@pytest.fixture
def vectors() -> Path:
    """The peer vectors shared by the other projects (skipped with a reason if absent)."""
    if not (VECTORS / "merkle" / "roots.json").is_file():
        pytest.skip(f"peer vectors not found at {VECTORS}")
    return VECTORS
