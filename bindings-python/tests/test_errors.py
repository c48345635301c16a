"""The exception hierarchy and its attributes."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any, Dict

import pandas as pd
import pytest

import ecodefi
from ecodefi import exceptions


def test_hierarchy() -> None:
    validation = [
        ecodefi.InvalidValueError,
        ecodefi.UnknownNameError,
        ecodefi.DuplicateError,
        ecodefi.UnknownReferenceError,
        ecodefi.DocumentError,
        ecodefi.SchemaVersionError,
        ecodefi.InsufficientDataError,
    ]
    for cls in validation:
        assert issubclass(cls, ecodefi.ValidationError)
        assert issubclass(cls, ValueError)
        assert issubclass(cls, ecodefi.EcodefiError)
    assert issubclass(ecodefi.DecimalOverflowError, ArithmeticError)
    assert issubclass(ecodefi.DecimalOverflowError, ecodefi.EcodefiError)
    assert not issubclass(ecodefi.DecimalOverflowError, ValueError)
    assert issubclass(ecodefi.UnsupportedError, NotImplementedError)
    assert issubclass(ecodefi.UnsupportedError, ecodefi.EcodefiError)
    assert set(exceptions.__all__) <= set(ecodefi.__all__)


def test_errors_pickle_with_their_location() -> None:
    e = ecodefi.InvalidValueError("bad", code="invalid_value", household="F1", row=3)
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is ecodefi.InvalidValueError
    assert (back.household, back.row, back.code, str(back)) == ("F1", 3, "invalid_value", "bad")


def _doc(sample_doc: Dict[str, Any]) -> Dict[str, Any]:
    return copy.deepcopy(sample_doc)


def test_each_core_code_raises_its_class(sample_doc: Dict[str, Any]) -> None:
    d = _doc(sample_doc)
    d["schema_version"] = 2
    with pytest.raises(ecodefi.SchemaVersionError) as e:
        ecodefi.ChallengeData.from_dict(d)
    assert e.value.code == "schema_version"
    with pytest.raises(ecodefi.SchemaVersionError):
        ecodefi.ChallengeData.from_json(json.dumps(d))

    d = _doc(sample_doc)
    d["households"].append(copy.deepcopy(d["households"][0]))
    with pytest.raises(ecodefi.DuplicateError) as e:
        ecodefi.ChallengeData.from_dict(d)
    assert e.value.code == "duplicate" and e.value.household == d["households"][0]["id"]

    d = _doc(sample_doc)
    d["households"][1]["team"] = "nowhere"
    with pytest.raises(ecodefi.UnknownReferenceError) as e:
        ecodefi.ChallengeData.from_dict(d)
    assert e.value.household == d["households"][1]["id"]

    d = _doc(sample_doc)
    d["challenge"]["themes"] = ["énergie"]
    with pytest.raises(ecodefi.DocumentError, match="unknown theme"):
        ecodefi.ChallengeData.from_dict(d)

    with pytest.raises(ecodefi.DocumentError) as e:
        ecodefi.ChallengeData.from_json("{")
    assert e.value.code == "json"

    d = _doc(sample_doc)
    d["temperatures"] = d["temperatures"][:10]
    data = ecodefi.ChallengeData.from_dict(d)
    with pytest.raises(ecodefi.InsufficientDataError):
        ecodefi.compute(data)

    with pytest.raises(ecodefi.DecimalOverflowError) as e:
        ecodefi.correct_climate("contract", "79228162514264337593543950335", 1, "0.5", 2)
    assert e.value.code == "overflow"


def test_settings_and_option_errors_carry_their_path(sample_doc: Dict[str, Any]) -> None:
    d = _doc(sample_doc)
    d["challenge"]["themes"] = []
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.ChallengeData.from_dict(d)
    assert (e.value.code, e.value.path, e.value.household) == ("invalid_value", "challenge.themes", None)
    assert str(e.value).endswith("at `challenge.themes`")
    d = _doc(sample_doc)
    d["options"] = {"energy": {"mixed_heating_share": "1.5"}}
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.ChallengeData.from_dict(d)
    assert e.value.path == "options.energy.mixed_heating_share"


def test_a_team_error_pickles_with_its_team() -> None:
    e = ecodefi.DecimalOverflowError("too big", code="overflow", team="T1", path=None)
    back = pickle.loads(pickle.dumps(e))
    assert (type(back), back.team, back.path, back.code) == (ecodefi.DecimalOverflowError, "T1", None, "overflow")


def test_a_dict_error_names_the_path(sample_doc: Dict[str, Any]) -> None:
    d = _doc(sample_doc)
    d["households"][2]["occupants"]["adults"] = "two"
    with pytest.raises(ecodefi.DocumentError, match=r"households\[2\]\.occupants\.adults"):
        ecodefi.ChallengeData.from_dict(d)
    d = _doc(sample_doc)
    d["households"][0]["colour"] = "blue"
    with pytest.raises(ecodefi.DocumentError, match="unknown field `colour`"):
        ecodefi.ChallengeData.from_dict(d)


def test_a_dataframe_error_names_table_row_and_column() -> None:
    households = pd.DataFrame({"household": ["A", "B"], "team": ["t", "t"], "adults": [1, 2]})
    readings = pd.DataFrame(
        {
            "household": ["A", "A", "B"],
            "meter": ["g", "g", "g"],
            "date": ["2025-12-01", "2025-12-02", "2025-12-03"],
            "value": ["1", "12,3,4", "5"],
        }
    )
    meters = pd.DataFrame(
        {"household": ["A", "B"], "meter": ["g", "g"], "carrier": ["natural_gas"] * 2, "unit": ["m3"] * 2, "usage": ["mixed"] * 2}
    )
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.read_frames(households, meters=meters, readings=readings)
    assert (e.value.file, e.value.row, e.value.column) == ("readings", 1, "value")

    readings["value"] = pd.Series(["1", [1, 2], "5"], dtype=object)
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.read_frames(households, meters=meters, readings=readings)
    assert (e.value.file, e.value.row, e.value.column) == ("readings", 1, "value")
    assert "list" in str(e.value)

    readings.loc[1, "value"] = None
    with pytest.raises(ecodefi.InvalidValueError, match="required") as e:
        ecodefi.read_frames(households, meters=meters, readings=readings)
    assert (e.value.row, e.value.column) == (1, "value")

    with pytest.raises(ecodefi.UnknownNameError) as e:
        ecodefi.read_frames(households.rename(columns={"adults": "adultz"}))
    assert e.value.column == "adultz" and e.value.line is None

    readings.loc[1, "value"] = "2"
    readings.loc[2, "household"] = "Z"
    with pytest.raises(ecodefi.UnknownReferenceError) as e:
        ecodefi.read_frames(households, meters=meters, readings=readings)
    assert (e.value.file, e.value.row) == ("readings", 2)
