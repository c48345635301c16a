"""Every public name has a docstring, and so do its public members."""

from __future__ import annotations

import inspect

import ecodefi
from ecodefi import exceptions, files, plot, results


def test_docstrings_everywhere() -> None:
    missing = []
    for module in (ecodefi, exceptions, results, plot, files):
        assert module.__doc__, module.__name__
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, (str, int)) or inspect.ismodule(obj):
                continue
            if not (obj.__doc__ or "").strip():
                missing.append(f"{module.__name__}.{name}")
            if inspect.isclass(obj):
                for member, value in vars(obj).items():
                    if member.startswith("_") and member not in ("_repr_html_",):
                        continue
                    if not (getattr(value, "__doc__", None) or "").strip():
                        missing.append(f"{module.__name__}.{name}.{member}")
    assert not missing, missing
