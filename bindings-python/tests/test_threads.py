"""compute(threads=...): the core's households shared among threads
(ecodefi::parallel::with_threads); the report is the same on any number."""

from __future__ import annotations

import pytest

import ecodefi

# Above the core's 1 000 households per thread: two threads do share them.
HOUSEHOLDS = 2_500


@pytest.fixture(scope="module")
def data() -> ecodefi.ChallengeData:
    return ecodefi.synthetic_challenge(HOUSEHOLDS, seed=7)


def test_one_and_two_threads_same_report(data: ecodefi.ChallengeData) -> None:
    one = ecodefi.compute(data, threads=1).to_dict()
    two = ecodefi.compute(data, threads=2).to_dict()
    assert one == two
    assert len(one["energy"]["households"]) == HOUSEHOLDS
    assert data.compute(threads=2, lang="fr").to_dict() == ecodefi.compute(data, lang="fr").to_dict()


def test_threads_with_as_of_and_a_dict(data: ecodefi.ChallengeData) -> None:
    as_dict = data.to_dict()
    one = ecodefi.compute(as_dict, as_of="last_data", threads=1).to_dict()
    assert one == data.compute(as_of="last_data", threads=2).to_dict()


def test_zero_threads_is_a_value_error_naming_the_argument(data: ecodefi.ChallengeData) -> None:
    with pytest.raises(ecodefi.InvalidValueError, match="threads") as e:
        ecodefi.compute(data, threads=0)
    assert isinstance(e.value, ValueError) and e.value.path == "threads"
    # core's text, the same as regression_fit_many's (parallel::asked_threads)
    assert "must be at least 1" in str(e.value)
    with pytest.raises(ecodefi.InvalidValueError) as fr:
        data.compute(threads=0, lang="fr")
    assert fr.value.path == "threads" and "doit valoir au moins 1" in str(fr.value)
    with pytest.raises(OverflowError):
        ecodefi.compute(data, threads=-1)
