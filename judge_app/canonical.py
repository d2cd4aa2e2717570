"""One canonical JSON form for everything we sign.

A signed payload must have exactly one byte representation, so a verifier can
re-serialise what it parsed and demand the same bytes: sorted keys, no spaces,
UTF-8 (not ``\\u`` escapes), no floats (scores are decimal strings), no duplicate
keys, bounded nesting.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from .errors import CanonicalError

MAX_DEPTH = 32


def dumps(value: Any) -> bytes:
    """Serialise ``value`` to canonical UTF-8 JSON bytes."""
    _check_value(value, depth=0)
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        # A lone surrogate (from a "\ud800" escape, or text pasted from a broken source) is not text.
        raise CanonicalError(f"text contains a lone surrogate (U+{ord(exc.object[exc.start]):04X}), which is "
                             "not a character") from None


def loads(data: bytes, *, what: str = "payload") -> Any:
    """Parse canonical JSON; anything else raises :class:`CanonicalError`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CanonicalError(f"{what} is not valid UTF-8 (byte {exc.start})") from None
    _check_nesting(text, what)
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_float=_no_float,
            parse_constant=_no_float,
        )
    except CanonicalError as exc:
        raise CanonicalError(f"{what}: {exc.message}") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise CanonicalError(f"{what} is not valid JSON ({exc})") from None
    except ValueError:
        # The parser's own refusal of a number over Python's int conversion limit.
        raise CanonicalError(f"{what} holds a number with more than {sys.get_int_max_str_digits()} digits") from None
    try:
        again = dumps(value)
    except CanonicalError as exc:
        raise CanonicalError(f"{what}: {exc.message}") from None
    if again != data:
        raise CanonicalError(f"{what} is not in canonical form (it was edited or re-saved)")
    return value


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise CanonicalError(f"key {key!r} appears twice")
        result[key] = value
    return result


def _no_float(token: str) -> Any:
    raise CanonicalError(f"number {token} is not allowed; decimals are written as strings")


def _check_nesting(text: str, what: str) -> None:
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise CanonicalError(f"{what} nests deeper than {MAX_DEPTH} levels")
        elif char in "]}":
            depth -= 1


def _check_value(value: Any, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise CanonicalError(f"value nests deeper than {MAX_DEPTH} levels")
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int):
        return
    if isinstance(value, float):
        raise CanonicalError("floats are not allowed; write decimals as strings")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise CanonicalError(f"object key {key!r} is not a string")
            _check_value(item, depth + 1)
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            _check_value(item, depth + 1)
        return
    raise CanonicalError(f"value of type {type(value).__name__} cannot be written")
