"""Canonical JSON: one spelling per value, and only our error on bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judge_app import canonical
from judge_app.errors import CanonicalError

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**53), max_value=2**53) | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)


@given(json_values)
def test_round_trip(value):
    data = canonical.dumps(value)
    assert canonical.loads(data) == value
    assert canonical.dumps(canonical.loads(data)) == data


def test_thai_is_written_as_utf8_not_escapes():
    assert canonical.dumps({"ชื่อ": "ผู้ทรงคุณวุฒิ"}) == '{"ชื่อ":"ผู้ทรงคุณวุฒิ"}'.encode()


@pytest.mark.parametrize(
    "data, phrase",
    [
        (b'{"a":1.5}', "not allowed"),
        (b'{"a":1,"a":2}', "appears twice"),
        (b'{"b":1,"a":2}', "not in canonical form"),
        (b'{"a": 1}', "not in canonical form"),
        (b'{"a":"\\u0e01"}', "not in canonical form"),
        (b"\xff", "not valid UTF-8"),
        (b"[" * 100 + b"]" * 100, "nests deeper"),
        (b'{"a":NaN}', "not allowed"),
        (b"{", "not valid JSON"),
    ],
)
def test_refusals(data, phrase):
    with pytest.raises(CanonicalError, match=phrase):
        canonical.loads(data)


@settings(max_examples=300)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_our_error(data):
    try:
        canonical.loads(data)
    except CanonicalError:
        pass


def test_floats_cannot_be_written():
    with pytest.raises(CanonicalError, match="floats"):
        canonical.dumps({"score": 3.5})
