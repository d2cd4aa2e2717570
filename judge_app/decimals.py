"""Exact decimal numbers as they travel in files: plain strings, never floats.

Scores, weights and scale bounds are written as decimal strings ("3.5", "20")
so a sum never drifts; totals are computed with :class:`fractions.Fraction`.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

_DECIMAL = re.compile(r"^-?(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$")


def parse_decimal(text: object) -> Decimal:
    """Parse a plain decimal string such as ``"3.5"``; raise ValueError otherwise.

    Only the plain form is accepted (no exponent, no "+", no leading zeros, at
    most 9 integer and 6 fractional digits) so a value has one spelling.
    """
    if not isinstance(text, str) or not _DECIMAL.match(text):
        raise ValueError(f"{text!r} is not a plain decimal number such as \"3.5\"")
    return Decimal(text)


def decimal_str(value: Decimal | int) -> str:
    """The one spelling of ``value``: no exponent, no trailing zeros ("3.50" -> "3.5")."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    text = format(value.normalize(), "f")
    return text


def fraction_str(value: Fraction, places: int = 2) -> str:
    """Round an exact fraction half-up to ``places`` decimals for display and files."""
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(quantum, rounding=ROUND_HALF_UP))
