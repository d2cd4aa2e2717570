"""Dates as Thai readers expect them: Thai month names and the Buddhist era (พ.ศ.)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
BUDDHIST_ERA_OFFSET = 543
#: Thailand keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
THAI_TIME = timezone(timedelta(hours=7), "ICT")
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_date(value: date | str, *, thai_digits: bool = False) -> str:
    """``2022-11-30`` → ``30 พฤศจิกายน 2565`` (Thai digits on request)."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    text = f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + BUDDHIST_ERA_OFFSET}"
    return text.translate(_THAI_DIGITS) if thai_digits else text


def thai_time(iso: str) -> str:
    """``2022-11-30T03:05:00Z`` → ``30 พฤศจิกายน 2565 เวลา 10.05 น.`` (Thailand time; a naive time is UTC)."""
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(THAI_TIME)
    return f"{thai_date(local.date())} เวลา {local:%H.%M} น."


def thai_today() -> date:
    """Today's date in Thailand, whatever the computer's time zone (documents are dated in it)."""
    return datetime.now(THAI_TIME).date()
