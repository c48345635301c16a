"""Every Python block of the project README runs (from the repository root)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import List

import pytest

from conftest import REPO


def blocks() -> List[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_the_readme_has_python_blocks() -> None:
    assert len(blocks()) >= 2


@pytest.mark.parametrize("i", range(len(blocks())))
def test_readme_block(i: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.chdir(REPO)
    exec(compile(blocks()[i], f"README.md python block {i}", "exec"), {"__name__": "__readme__"})
