"""Dates as Thai readers expect them: Thai month names and the Buddhist era (พ.ศ.)."""

from __future__ import annotations

from datetime import date

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
BUDDHIST_ERA_OFFSET = 543
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_date(value: date | str, *, thai_digits: bool = False) -> str:
    """``2022-11-30`` → ``30 พฤศจิกายน 2565`` (Thai digits on request)."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    text = f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + BUDDHIST_ERA_OFFSET}"
    return text.translate(_THAI_DIGITS) if thai_digits else text
