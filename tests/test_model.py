"""The contest file: every rule is checked, every problem names its field, all at once."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judge_app.errors import ValidationError
from judge_app.contest_json import (
    CONTEST_FORMAT,
    contest_from_json,
    contest_to_json,
    load_contest,
    rubric_from_json,
    save_contest,
)


def criterion(ident: str, weight: str, **changes: Any) -> dict[str, Any]:
    data = {
        "id": ident,
        "title_th": f"เกณฑ์ {ident}",
        "title_en": f"Criterion {ident}",
        "guidance_th": "พิจารณาจากหลักฐานที่หน่วยงานส่งมา",
        "guidance_en": "Judge from the evidence submitted.",
        "weight": weight,
        "scale": {"min": "1", "max": "5", "step": "0.5"},
        "levels": [
            {"score": "1", "th": "ยังไม่มีหลักฐาน", "en": "No evidence yet"},
            {"score": "3", "th": "มีหลักฐานบางส่วน", "en": "Some evidence"},
            {"score": "5", "th": "มีหลักฐานครบถ้วน", "en": "Full evidence"},
        ],
    }
    data.update(changes)
    return data


def entry(ident: str, **changes: Any) -> dict[str, Any]:
    data = {
        "id": ident,
        "org_name": "องค์การบริหารส่วนตำบลหนองบัว",
        "org_type": "sao",
        "province": "ขอนแก่น",
        "project_title": "ระบบรับเรื่องร้องเรียนผ่าน LINE Official Account",
        "summary": "ลดเวลารอจาก 7 วันเหลือ 1 วัน",
        "contact": {"name": "นางสาวกาญจนา ศรีสวัสดิ์", "phone": "081-234-5678", "email": "it.nongbua@example.org"},
        "attachments": [
            {
                "name": "project-summary.pdf",
                "file": f"attachments/{ident}/project-summary.pdf",
                "media_type": "application/pdf",
                "size": 1234,
                "sha256": "ab" * 32,
            }
        ],
    }
    data.update(changes)
    return data


def judge(ident: str, province: str = "กรุงเทพมหานคร") -> dict[str, Any]:
    return {
        "id": ident,
        "name": "ดร.ณัฐพงศ์ ปั้นทองคำ",
        "affiliation": "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)",
        "province": province,
        "position": "ผู้อำนวยการฝ่าย",
    }


def valid_contest() -> dict[str, Any]:
    return {
        "format": CONTEST_FORMAT,
        "id": "dlg-test",
        "title_th": "ประกวดนวัตกรรมท้องถิ่นดิจิทัล ประจำปี 2565",
        "title_en": "Digital Local Government Innovation Award 2022",
        "organiser_th": "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)",
        "organiser_en": "DGA",
        "year_be": 2565,
        "rounds": [
            {
                "id": "r1",
                "title_th": "รอบพิจารณาผลงาน",
                "title_en": "Entry assessment round",
                "deadline": "2022-11-30",
                "rubric": {"criteria": [criterion("C1", "60"), criterion("C2", "40")]},
                "assignments": {"J01": ["E001", "E002"], "J02": ["E002"]},
            }
        ],
        "entries": [entry("E001"), entry("E002", org_type="city_municipality", province="เชียงใหม่")],
        "judges": [judge("J01"), judge("J02", "ขอนแก่น")],
    }


def problems_of(data: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        contest_from_json(data)
    return str(caught.value)


def test_a_valid_contest_loads():
    contest = contest_from_json(valid_contest())
    assert contest.round("r1").rubric.criterion("C2").weight == Decimal(40)
    assert contest.round("r1").entries_of("J01") == ("E001", "E002")
    assert contest.entry("E002").org_type_th == "เทศบาลนคร"


# ---------------------------------------------------------------- one problem, named


def test_weights_must_sum_to_100():
    data = valid_contest()
    data["rounds"][0]["rubric"]["criteria"][1]["weight"] = "35"
    message = problems_of(data)
    assert "rounds[0].rubric.criteria: weights sum to 95, they must sum to 100" in message


def test_step_must_divide_the_scale():
    data = valid_contest()
    data["rounds"][0]["rubric"]["criteria"][0]["scale"]["step"] = "0.3"
    message = problems_of(data)
    assert "rounds[0].rubric.criteria[0].scale.step: 0.3 does not divide the scale 1–5" in message


def test_duplicate_criterion_ids_are_named():
    data = valid_contest()
    data["rounds"][0]["rubric"]["criteria"][1]["id"] = "C1"
    assert "rounds[0].rubric.criteria[1].id: duplicate id 'C1'" in problems_of(data)


def test_duplicate_entry_ids_are_named():
    data = valid_contest()
    data["entries"].append(entry("E001"))
    assert "entries[2].id: duplicate id 'E001'" in problems_of(data)


def test_missing_thai_title_is_named():
    data = valid_contest()
    del data["rounds"][0]["rubric"]["criteria"][0]["title_th"]
    data["title_th"] = "   "
    message = problems_of(data)
    assert "rounds[0].rubric.criteria[0].title_th: is missing or empty" in message
    assert "contest.title_th:" in message


def test_level_outside_the_scale_is_named():
    data = valid_contest()
    data["rounds"][0]["rubric"]["criteria"][0]["levels"][2]["score"] = "7"
    assert "rounds[0].rubric.criteria[0].levels[2].score: 7 is outside the scale" in problems_of(data)


def test_level_off_the_steps_is_named():
    data = valid_contest()
    data["rounds"][0]["rubric"]["criteria"][0]["levels"][1]["score"] = "3.25"
    assert "rounds[0].rubric.criteria[0].levels[1].score: 3.25 is not on the scale's steps" in problems_of(data)


def test_unknown_org_type_is_named():
    data = valid_contest()
    data["entries"][0]["org_type"] = "village"
    message = problems_of(data)
    assert "entries[0].org_type: 'village' is not one of sao, subdistrict_municipality" in message


def test_assignment_naming_an_unknown_entry_is_named():
    data = valid_contest()
    data["rounds"][0]["assignments"]["J01"].append("E999")
    assert "rounds[0].assignments.J01: entry 'E999' is not in the contest's entries" in problems_of(data)


def test_assignment_naming_an_unknown_judge_is_named():
    data = valid_contest()
    data["rounds"][0]["assignments"]["J99"] = ["E001"]
    assert "rounds[0].assignments.J99: judge 'J99' is not in the contest's judges" in problems_of(data)


def test_bad_decimal_is_named_with_the_spelling_we_accept():
    data = valid_contest()
    data["rounds"][0]["rubric"]["criteria"][0]["weight"] = 60  # a JSON number, not a decimal string
    assert "rounds[0].rubric.criteria[0].weight: 60 is not a plain decimal number" in problems_of(data)


def test_wrong_format_marker_is_named():
    data = valid_contest()
    data["format"] = "something-else/9"
    assert "format: must be 'dlg-contest/1'" in problems_of(data)


def test_rubric_alone_is_checked_with_its_own_field_names():
    with pytest.raises(ValidationError, match=r"rubric\.criteria: weights sum to 60"):
        rubric_from_json({"criteria": [criterion("C1", "60")]})


# ---------------------------------------------------------------- all problems at once


def test_several_problems_are_reported_together():
    data = valid_contest()
    data["rounds"][0]["rubric"]["criteria"][1]["weight"] = "35"
    data["entries"].append(entry("E001"))
    data["entries"][0]["org_type"] = "village"
    data["judges"][0]["name"] = ""
    message = problems_of(data)
    assert "contest file has 4 problems" in message
    for field in ("rounds[0].rubric.criteria:", "entries[2].id:", "entries[0].org_type:", "judges[0].name:"):
        assert field in message


def test_many_problems_are_capped_but_counted():
    data = valid_contest()
    data["entries"] = [entry("E001", org_type="village") for _ in range(60)]
    message = problems_of(data)
    assert "(and " in message and "more problems)" in message


# ---------------------------------------------------------------- round trip


def test_json_round_trip_gives_an_equal_contest():
    contest = contest_from_json(valid_contest())
    again = contest_from_json(json.loads(json.dumps(contest_to_json(contest))))
    assert again == contest
    assert contest_to_json(again) == contest_to_json(contest)


def test_save_and_load_round_trip_keeps_thai_readable(tmp_path: Path):
    contest = contest_from_json(valid_contest())
    path = tmp_path / "contest.json"
    save_contest(contest, path)
    text = path.read_text(encoding="utf-8")
    assert "ประกวดนวัตกรรมท้องถิ่นดิจิทัล" in text, "Thai is written as text, not \\u escapes"
    assert load_contest(path) == contest


# ---------------------------------------------------------------- files


def test_missing_file_names_the_file(tmp_path: Path):
    path = tmp_path / "nowhere" / "contest.json"
    with pytest.raises(ValidationError) as caught:
        load_contest(path)
    assert caught.value.path == path
    assert str(caught.value) == f"{path}: file not found"


def test_invalid_json_names_the_file_and_the_place(tmp_path: Path):
    path = tmp_path / "contest.json"
    path.write_text('{"format": "dlg-contest/1",\n  "id": }', encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_contest(path)
    assert caught.value.path == path
    assert str(caught.value).startswith(f"{path}: not valid JSON")
    assert "line 2" in str(caught.value)


def test_non_utf8_file_names_the_file(tmp_path: Path):
    path = tmp_path / "contest.json"
    path.write_bytes('{"title_th": "ท้องถิ่น"}'.encode("cp874"))  # Thai Windows code page, as Excel may save
    with pytest.raises(ValidationError) as caught:
        load_contest(path)
    assert caught.value.path == path
    assert "not UTF-8" in str(caught.value)


def test_invalid_contents_name_the_file(tmp_path: Path):
    path = tmp_path / "contest.json"
    data = valid_contest()
    data["entries"].append(entry("E001"))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_contest(path)
    assert caught.value.path == path
    assert str(caught.value).startswith(f"{path}: contest file has 1 problem")


# ---------------------------------------------------------------- anything at all


json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_arbitrary_json_values_raise_only_validation_errors(value):
    try:
        contest_from_json(value)
    except ValidationError:
        pass


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place inside a JSON value (as a key path), including the root."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, prefix + (index,))
    return found


_VALID_PATHS = _paths(valid_contest())


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_VALID_PATHS), json_values), min_size=1, max_size=3))
def test_a_valid_contest_with_any_part_replaced_raises_only_validation_errors(replacements):
    """Arbitrary values reach deep into the reader only if the rest of the file is right."""
    data = valid_contest()
    for path, replacement in replacements:
        if not path:
            data = copy.deepcopy(replacement)
            continue
        target = data
        try:
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = copy.deepcopy(replacement)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier replacement removed this place
    try:
        contest_from_json(data)
    except ValidationError:
        pass


# ---------------------------------------------------------------- attachments and scales


def test_attachments_that_are_not_a_list_are_reported():
    data = valid_contest()
    data["entries"][0]["attachments"] = "project-summary.pdf"
    assert "entries[0].attachments" in problems_of(data)


@pytest.mark.parametrize("file", ["../../etc/passwd", "/etc/passwd", "attachments\\..\\..\\secret.pdf"])
def test_attachment_file_must_stay_inside_the_contest_folder(file):
    data = valid_contest()
    data["entries"][0]["attachments"][0]["file"] = file
    assert "entries[0].attachments[0].file" in problems_of(data)


def test_a_scale_with_too_many_values_is_refused():
    data = valid_contest()
    data["rounds"][0]["rubric"]["criteria"][0]["scale"] = {"min": "0", "max": "999999999", "step": "0.000001"}
    assert "has more than 1000 values" in problems_of(data)


def test_hostile_values_are_cut_short_in_messages():
    data = valid_contest()
    data["format"] = "x" * 100_000
    message = problems_of(data)
    assert len(message) < 2000 and "…" in message
