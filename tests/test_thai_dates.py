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
