from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from judge_app.thai_dates import thai_date


def test_known_dates():
    assert thai_date("2022-11-30") == "30 พฤศจิกายน 2565"
    assert thai_date(date(2022, 9, 2)) == "2 กันยายน 2565"
    assert thai_date("2023-01-01", thai_digits=True) == "๑ มกราคม ๒๕๖๖"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_year_is_buddhist_era(day):
    assert thai_date(day).endswith(str(day.year + 543))


def test_an_evening_in_utc_is_already_the_next_day_in_thailand():
    from judge_app.thai_dates import thai_time

    assert thai_time("2026-11-25T17:01:00Z") == "26 พฤศจิกายน 2569 เวลา 00.01 น."
    assert thai_time("2026-11-25T16:59:00") == "25 พฤศจิกายน 2569 เวลา 23.59 น."  # naive means UTC


def test_documents_are_dated_by_thailand_s_calendar():
    from datetime import datetime, timedelta, timezone

    from judge_app.thai_dates import thai_today

    before = (datetime.now(timezone.utc) + timedelta(hours=7)).date()
    today = thai_today()
    after = (datetime.now(timezone.utc) + timedelta(hours=7)).date()
    assert today in (before, after)
