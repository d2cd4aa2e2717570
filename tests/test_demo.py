"""The demo contest: realistic, valid, reproducible byte for byte, and readable back from its PDFs."""

from __future__ import annotations

import hashlib
import re
import subprocess
import unicodedata
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path, PurePosixPath

import pytest
from conftest import require_tool
from PIL import Image

from judge_app import demo_text
from judge_app.assignment import is_eligible
from judge_app.demo import (
    build_demo_contest,
    is_simulated_conflict,
    simulated_comments,
    simulated_scores,
)
from judge_app.contest_json import load_contest
from judge_app.model import ORG_TYPES, Contest
from judge_app.pdf.fonts import glyph_name_text

THAI = re.compile(r"[\u0e01-\u0e5b]")


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def comparable(text: str) -> str:
    """Text as extracted from a PDF compares with what was typed after NFKC and without whitespace.

    NFKC because the font draws SARA AM (ำ) as nikhahit + SARA AA and the Latin "fi"
    as a ligature; whitespace because lines wrap (and poppler puts a space after a
    lowered tone mark).
    """
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="session")
def rebuilt(tmp_path_factory) -> Path:
    """The demo built a second time with the same seed, into another folder."""
    folder = tmp_path_factory.mktemp("demo-again")
    build_demo_contest(folder)
    return folder


# ---------------------------------------------------------------- the contest


def test_contest_identity_and_round(demo):
    _, contest = demo
    assert contest.id == "dlg-2565"
    assert contest.title_th == "ประกวดนวัตกรรมท้องถิ่นดิจิทัล ประจำปี 2565"
    assert contest.title_en == "Digital Local Government Innovation Award 2022"
    assert contest.organiser_th == "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)"
    assert "DGA" in contest.organiser_en
    assert contest.year_be == 2565
    (round_,) = contest.rounds
    assert (round_.id, round_.title_th, round_.title_en, round_.deadline) == (
        "r1", "รอบพิจารณาผลงาน", "Entry assessment round", "2022-11-30"
    )


def test_contest_file_on_disk_is_the_returned_contest(demo):
    folder, contest = demo
    assert load_contest(folder / "contest.json") == contest


def test_rubric_has_seven_weighted_criteria_with_levels_in_both_languages(demo):
    _, contest = demo
    criteria = contest.rounds[0].rubric.criteria
    assert [c.id for c in criteria] == [f"C{i}" for i in range(1, 8)]
    assert sum(c.weight for c in criteria) == 100
    assert len({c.weight for c in criteria}) > 1, "weights are not all equal"
    for c in criteria:
        assert (c.scale_min, c.scale_max, c.step) == (Decimal(1), Decimal(5), Decimal("0.5"))
        assert [level.score for level in c.levels] == [1, 3, 5]
        for thai in (c.title_th, c.guidance_th, *(level.description_th for level in c.levels)):
            assert THAI.search(thai)
        for english in (c.title_en, c.guidance_en, *(level.description_en for level in c.levels)):
            assert english.isascii() and len(english) > 10
    assert len({level.description_th for c in criteria for level in c.levels}) == 21, "every descriptor is its own"


# ---------------------------------------------------------------- entries


def test_entries_cover_every_org_type_and_many_provinces(demo):
    _, contest = demo
    entries = contest.entries
    assert len(entries) >= 120
    assert [e.id for e in entries] == [f"E{i:03d}" for i in range(1, len(entries) + 1)]
    types = Counter(e.org_type for e in entries)
    assert set(types) == set(ORG_TYPES)
    assert types["sao"] + types["subdistrict_municipality"] > len(entries) / 2, "mostly small organisations"
    assert types["city_municipality"] < types["town_municipality"] < types["subdistrict_municipality"]
    assert len({e.province for e in entries}) >= 40
    all_provinces = {thai for thai, _ in demo_text.PROVINCES}
    assert len(all_provinces) == 77
    assert {e.province for e in entries} <= all_provinces - {demo_text.BANGKOK}


def test_organisation_names_fit_their_type_and_province(demo):
    _, contest = demo
    cities = {("เทศบาลนคร" + name, province) for name, _, province in demo_text.CITY_MUNICIPALITIES}
    for e in contest.entries:
        prefix = demo_text.ORG_PREFIXES[e.org_type][0]
        assert e.org_name.startswith(prefix) and len(e.org_name) > len(prefix)
        if e.org_type == "city_municipality":
            assert (e.org_name, e.province) in cities, "only real city municipalities, in their province"
        if e.org_type == "pao":
            assert e.org_name == f"องค์การบริหารส่วนจังหวัด{e.province}"
    assert len({(e.org_name, e.province) for e in contest.entries}) == len(contest.entries)


def test_titles_and_summaries_are_varied_thai_with_some_english_and_numbers(demo):
    _, contest = demo
    entries = contest.entries
    assert len({e.summary for e in entries}) == len(entries)
    assert len({e.project_title for e in entries}) >= 0.9 * len(entries)
    assert all(THAI.search(e.project_title) and THAI.search(e.summary) for e in entries)
    mixed = [e for e in entries if re.search(r"[A-Za-z]{3}", e.summary) and re.search(r"\d", e.summary)]
    assert len(mixed) > len(entries) / 2
    long_ones = [e for e in entries if len(e.summary) > 700]
    assert len(long_ones) >= 5, "some summaries are long enough to wrap over many lines"
    assert all(len(e.summary) > 150 for e in entries)


def test_contacts_look_real(demo):
    _, contest = demo
    for e in contest.entries:
        assert re.fullmatch(r"(นาย|นาง|นางสาว)\S+ \S+", e.contact.name)
        assert re.fullmatch(r"0\d{2}-\d{3}-\d{4}", e.contact.phone)
        assert e.contact.email.isascii() and e.contact.email.endswith("@example.org")


# ---------------------------------------------------------------- attachments


def test_every_entry_has_a_pdf_whose_record_matches_the_file(demo):
    folder, contest = demo
    images = 0
    for e in contest.entries:
        assert any(a.media_type == "application/pdf" for a in e.attachments)
        for a in e.attachments:
            relative = PurePosixPath(a.file)
            assert relative.parts[:2] == ("attachments", e.id) and not relative.is_absolute()
            data = (folder / relative).read_bytes()
            assert a.size == len(data)
            assert a.sha256 == hashlib.sha256(data).hexdigest()
            if a.media_type == "application/pdf":
                assert data.startswith(b"%PDF-")
            else:
                assert a.media_type == "image/png"
                with Image.open(folder / relative) as image:
                    image.verify()
                images += 1
    assert abs(images - len(contest.entries) / 3) <= 2, "about a third of entries carry an image"


def test_pdf_text_reads_back_as_the_entry(demo):
    """The PDFs are shaped (tone marks placed properly) and still extract as the Thai typed."""
    pdftotext = require_tool("pdftotext")
    folder, contest = demo
    for e in contest.entries:
        pdf = next(a for a in e.attachments if a.media_type == "application/pdf")
        # -raw keeps content-stream order: marks drawn with a text rise stay with their letters
        extracted = subprocess.run(
            [pdftotext, "-raw", "-enc", "UTF-8", str(folder / pdf.file), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        for field in (e.project_title, e.org_name, e.province, e.summary):
            assert comparable(field) in comparable(extracted), f"{e.id}: {field!r} not in its PDF"


def test_stacked_thai_marks_survive_extraction(tmp_path):
    """Words whose marks HarfBuzz substitutes (ที่ ปั้น น้ำ ญี่ปุ่น ฎุ) read back from the PDF."""
    pdftotext = require_tool("pdftotext")
    from judge_app.demo import EntryDraft
    from judge_app.demo_attachments import summary_pdf

    words = "ที่ ปั้น น้ำ ญี่ปุ่น ฎุ ฐิ ปี่ ฝั่ง ฟื้นฟู ป่าไม้ กุ้ง ปู่ ลิ้ม ฤๅษี ตำบล Official"
    draft = EntryDraft("E999", "เทศบาลตำบลท่าช้าง", "ทต.ท่าช้าง", "subdistrict_municipality", "น่าน",
                       words, words, "นายสมชาย ใจดี", "081-234-5678", "it@example.org", "cctv", "screen")
    pdf = tmp_path / "marks.pdf"
    pdf.write_bytes(summary_pdf(draft))
    extracted = subprocess.run([pdftotext, "-raw", "-enc", "UTF-8", str(pdf), "-"],
                               capture_output=True, text=True, check=True).stdout
    assert "\ue000" not in extracted and not re.search(r"[\ue000-\uf8ff]", extracted), "no private-use codes"
    assert comparable(words) in comparable(extracted)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("uni0E48.small", "\u0e48"),
        ("uni0E31.narrow", "\u0e31"),
        ("uni0E4D0E49", "\u0e49\u0e4d"),  # tone first, as typed before SARA AM
        ("uni0E4D0E48.narrow", "\u0e48\u0e4d"),
        ("doChadathai.short", "\u0e0e"),
        ("yoYingthai.less", "\u0e0d"),
        ("a.sc", "a"),
        ("nothing.known", None),
    ],
)
def test_glyph_names_map_to_the_text_they_show(name, expected):
    assert glyph_name_text(name, {"a": "a"}) == expected


def test_demo_folder_stays_small(demo):
    folder, _ = demo
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert total < 10 * 1024 * 1024


# ---------------------------------------------------------------- judges and assignments


def test_judges_are_a_realistic_committee(demo):
    _, contest = demo
    judges = contest.judges
    assert [j.id for j in judges] == [f"J0{i}" for i in range(1, 8)]
    assert all(re.match(r"(ดร\.|รศ\.ดร\.|ผศ\.ดร\.|ผศ\.|นาย|นาง|นางสาว)", j.name) for j in judges)
    assert all(j.affiliation and j.position and j.province for j in judges)
    assert len({j.province for j in judges}) >= 4
    words = " ".join(f"{j.name} {j.affiliation}" for j in judges)
    for stacked in ("ปั้น", "ญี่ปุ่น", "น้ำ", "ลิ้ม"):
        assert stacked in words, f"{stacked} (stacked Thai marks) appears in a judge's name or affiliation"


def test_every_entry_gets_three_distinct_judges_from_other_provinces(demo):
    _, contest = demo
    round_ = contest.rounds[0]
    panels: dict[str, list[str]] = {e.id: [] for e in contest.entries}
    for judge_id, entry_ids in round_.assignments.items():
        for entry_id in entry_ids:
            panels[entry_id].append(judge_id)
    for entry_id, panel in panels.items():
        assert len(panel) == len(set(panel)) == 3
        for judge_id in panel:
            assert is_eligible(contest.judge(judge_id), contest.entry(entry_id))
            assert contest.judge(judge_id).province != contest.entry(entry_id).province
    loads = [len(ids) for ids in round_.assignments.values()]
    assert max(loads) - min(loads) <= 1


# ---------------------------------------------------------------- reproducible


def test_same_seed_gives_identical_bytes(demo, rebuilt):
    folder, _ = demo
    first, again = files_under(folder), files_under(rebuilt)
    assert first.keys() == again.keys()
    assert "contest.json" in first
    for name in first:
        assert first[name] == again[name], f"{name} differs between two builds with the same seed"


def test_different_seed_gives_a_different_contest(demo, tmp_path):
    folder, contest = demo
    other = build_demo_contest(tmp_path, seed=2566)
    assert (tmp_path / "contest.json").read_bytes() != (folder / "contest.json").read_bytes()
    assert [e.project_title for e in other.entries] != [e.project_title for e in contest.entries]
    pdf = "attachments/E001/project-summary.pdf"
    assert (tmp_path / pdf).read_bytes() != (folder / pdf).read_bytes()


def test_smaller_demo_still_has_every_org_type(tmp_path):
    contest = build_demo_contest(tmp_path, seed=7, entry_count=12)
    assert len(contest.entries) == 12
    assert {e.org_type for e in contest.entries} == set(ORG_TYPES)


def test_entry_count_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        build_demo_contest(tmp_path, entry_count=0)


# ---------------------------------------------------------------- simulated judges


def all_simulated(contest: Contest, seed: int = 2565) -> dict[str, dict]:
    return {j.id: simulated_scores(contest, "r1", j.id, seed=seed) for j in contest.judges}


def test_simulated_scores_are_allowed_and_cover_each_assignment(demo):
    _, contest = demo
    round_ = contest.rounds[0]
    allowed = {c.id: set(c.allowed_scores()) for c in round_.rubric.criteria}
    conflicts = 0
    for judge_id, scores in all_simulated(contest).items():
        assert list(scores) == list(round_.entries_of(judge_id))
        for entry_id, entry_scores in scores.items():
            if entry_scores is None:
                conflicts += 1
                assert is_simulated_conflict(judge_id, entry_id)
                continue
            assert set(entry_scores) == set(allowed)
            for criterion_id, score in entry_scores.items():
                assert isinstance(score, Decimal) and score in allowed[criterion_id]
    assignments = sum(len(ids) for ids in round_.assignments.values())
    assert 1 <= conflicts <= assignments / 20, "about one assignment in 60 is a conflict"


def test_simulated_scores_are_deterministic_and_plausibly_spread(demo):
    _, contest = demo
    first = all_simulated(contest)
    assert all_simulated(contest) == first
    assert all_simulated(contest, seed=1) != first
    values = Counter(s for scores in first.values() for e in scores.values() if e for s in e.values())
    assert len(values) >= 7, "judges use most of the scale"
    assert Decimal(3) in values.keys() and values[Decimal(3)] > values[Decimal(5)]


def test_a_judge_scores_the_same_from_a_bundle_that_holds_only_their_entries(demo):
    """Judges play from their bundle, which carries only their own entries and themselves."""
    _, contest = demo
    judge = contest.judges[2]
    mine = contest.rounds[0].entries_of(judge.id)
    partial = replace(
        contest,
        entries=tuple(e for e in contest.entries if e.id in mine),
        judges=(judge,),
        rounds=(replace(contest.rounds[0], assignments={judge.id: mine}),),
    )
    assert simulated_scores(partial, "r1", judge.id) == simulated_scores(contest, "r1", judge.id)
    assert simulated_comments(partial, "r1", judge.id) == simulated_comments(contest, "r1", judge.id)


def test_simulated_comments_are_thai_some_long_and_none_for_conflicts(demo):
    _, contest = demo
    lengths = []
    for judge in contest.judges:
        scores = simulated_scores(contest, "r1", judge.id)
        comments = simulated_comments(contest, "r1", judge.id)
        assert comments == simulated_comments(contest, "r1", judge.id)
        assert set(comments) == {entry_id for entry_id, s in scores.items() if s is not None}
        assert all(THAI.search(c) for c in comments.values())
        lengths += [len(c) for c in comments.values()]
    assert max(lengths) > 250, "some comments wrap over several lines"
