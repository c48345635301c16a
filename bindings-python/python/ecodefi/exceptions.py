"""The exceptions of ecodefi: one base class, one subclass per kind of core error.

Every error raised by ecodefi is an :class:`EcodefiError`. Its ``code`` is the
core's machine-readable kind (the same in Rust, Python and JavaScript), and
its location attributes say where in the input the problem was found (each is
``None`` when unknown). Errors about the input also derive from
:class:`ValueError`; a decimal overflow derives from :class:`ArithmeticError`.

The mapping from core codes to these classes is in the extension's
``error.rs``; a code the core adds later raises the base class with that code.
"""

from __future__ import annotations

from typing import Dict, Optional, Union

__all__ = [
    "EcodefiError",
    "ValidationError",
    "InvalidValueError",
    "UnknownNameError",
    "DuplicateError",
    "UnknownReferenceError",
    "DocumentError",
    "SchemaVersionError",
    "InsufficientDataError",
    "UnsupportedError",
    "DecimalOverflowError",
]


class EcodefiError(Exception):
    """Base class of every error raised by ecodefi.

    Attributes:
        message: the core's message, naming the problem and its place.
        code: the core's machine-readable kind, e.g. ``"invalid_value"``.
        household: the household identifier, if known.
        meter: the meter identifier, if known.
        row: the index (from 0) of the reading, bill or table row, if known.
        file: the input file or table name, if known.
        line: the line in the input file (from 1), if known.
        column: the column name in the input table, if known.
        path: the path of the value in the input document, for an option
            or a catalogue record's field (``"options.energy.gap_days"``),
            if known.
        team: the team, for an error in a team's totals, if known.
        params: the error's parameters as data (what it is about, the value
            given, the rule's own values: ``{"what": "reading value",
            "got": "-3", …}``), the same in every language.
        messages: the message in each language of the core's catalogue,
            ``{"en": …, "fr": …}``; ``message`` (and ``str(error)``) is the
            one of the ``lang`` asked for (English by default).
    """

    message: str
    code: str
    household: Optional[str]
    meter: Optional[str]
    row: Optional[int]
    file: Optional[str]
    line: Optional[int]
    column: Optional[str]
    path: Optional[str]
    team: Optional[str]
    params: Dict[str, Union[int, str]]
    messages: Dict[str, str]

    def __init__(
        self,
        message: str,
        *,
        code: str = "error",
        household: Optional[str] = None,
        meter: Optional[str] = None,
        row: Optional[int] = None,
        file: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[str] = None,
        path: Optional[str] = None,
        team: Optional[str] = None,
        params: Optional[Dict[str, Union[int, str]]] = None,
        messages: Optional[Dict[str, str]] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.household = household
        self.meter = meter
        self.row = row
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.team = team
        self.params = dict(params or {})
        self.messages = dict(messages or {"en": message})

    def __reduce__(self):  # type: ignore[no-untyped-def]
        """Pickles with the location (for multiprocessing)."""
        kwargs = {
            "code": self.code,
            "household": self.household,
            "meter": self.meter,
            "row": self.row,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "team": self.team,
            "params": self.params,
            "messages": self.messages,
        }
        return (_rebuild, (type(self), self.message, kwargs))


def _rebuild(cls: type, message: str, kwargs: dict) -> EcodefiError:  # type: ignore[type-arg]
    return cls(message, **kwargs)  # type: ignore[no-any-return]


class ValidationError(EcodefiError, ValueError):
    """The input cannot be understood: base of every input error."""


class InvalidValueError(ValidationError):
    """A value is outside what it may be (core code ``invalid_value``)."""


class UnknownNameError(ValidationError):
    """A carrier, unit, method, theme… that ecodefi does not know (``unknown_name``)."""


class DuplicateError(ValidationError):
    """Two items share an identifier that must be unique (``duplicate``)."""


class UnknownReferenceError(ValidationError):
    """An item refers to another that does not exist, e.g. a team (``unknown_reference``)."""


class DocumentError(ValidationError):
    """Input of the wrong shape: JSON text, a dict or a table (``json``)."""


class SchemaVersionError(ValidationError):
    """A document of a schema version this library does not read (``schema_version``)."""


class InsufficientDataError(ValidationError):
    """Not enough data to compute anything at all (``insufficient_data``)."""


class UnsupportedError(EcodefiError, NotImplementedError):
    """Something this build of ecodefi leaves out, by a cargo feature of the core (``unsupported``)."""


class DecimalOverflowError(EcodefiError, ArithmeticError):
    """A computation beyond the range of exact decimals, about 7.9e28 (``overflow``)."""
