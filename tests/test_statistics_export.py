"""The statistics exports read back (csv module, openpyxl) carry the numbers of RoundResults."""

from __future__ import annotations

import csv
import io
import re
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli
from judge_app.decisions import results_first_viewed
from judge_app.ranking import METHODS
from judge_app.round_results import criterion_averages, load_round_results
from judge_app.scoring import total_str
from judge_app.secretariat import ContestDatabase
from judge_app.statistics_export import statistics_csv, write_statistics_csv, write_statistics_xlsx

from test_decisions import fresh_copy
from test_results import CALIBRATION, build_merged_round, expected_paper_rows, round_results_for


@pytest.fixture(scope="module")
def merged(issued_template, tmp_path_factory):
    merged = build_merged_round(issued_template, tmp_path_factory.mktemp("export") / "round")
    with merged.open_db() as db:
        return merged, load_round_results(db, "r1")


def csv_rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel in Thailand reads it as UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def two(value) -> str:
    return total_str(Fraction(value)) if value is not None else ""


def test_csv_reads_back_with_the_numbers_of_round_results(merged, tmp_path):
    _, rr = merged
    path = tmp_path / "stats.csv"
    write_statistics_csv(rr, path)
    rows = csv_rows(path)
    everything = [*rr.results, *rr.calibration]
    assert [row["entry_id"] for row in rows] == [r.entry.id for r in everything]
    ranks = {row.entry_id: row.ranks for row in rr.table}
    criteria = rr.round.rubric.criterion_ids
    for row, r in zip(rows, everything):
        assert row["role"] == ("calibration" if r.entry.id in CALIBRATION else "ranked")
        assert row["rank"] == (str(r.rank) if r.rank else "")
        assert row["org_name"] == r.entry.org_name and row["judges"] == str(r.judge_count)
        for column, value in (("mean", r.mean), ("median", r.median), ("min", r.minimum), ("max", r.maximum),
                              ("trimmed_mean", r.trimmed_mean), ("spread", r.spread)):
            assert row[column] == two(value), (r.entry.id, column)
        assert row["sd"] == (f"{r.sd:.2f}" if r.sd is not None else "")
        assert row["standardised_mean"] == (f"{r.standardised_mean:.3f}" if r.standardised_mean is not None else "")
        for method in METHODS:
            rank = ranks.get(r.entry.id, {}).get(method)
            assert row[f"rank_{method}"] == (str(rank) if rank else "")
        for c in criteria:
            assert row[f"mean_{c}"] == two(r.criterion_mean(c))
        for judge_id, total in r.totals.items():
            expected = two(total) + (" (paper)" if judge_id in r.paper else "")
            assert row[judge_id] == expected
        for judge_id in r.conflicts:
            assert row[judge_id].startswith("conflict")
        assert row["paper_judges"] == " ".join(sorted(r.paper))
        assert row["disagreement"] == ("yes" if r in rr.disagreements else "")
    marked = {(j, row["entry_id"]) for row in rows for j in rr.judges if row[j].endswith("(paper)")}
    assert marked == rr.paper_entered == expected_paper_rows(rr.contest)


def test_xlsx_reads_back_with_the_numbers_of_round_results(merged, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    _, rr = merged
    path = tmp_path / "stats.xlsx"
    write_statistics_xlsx(rr, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["entries", "criteria", "judges", "stability", "shortlist", "summary"]
    assert book["entries"].freeze_panes == "A2"  # the header stays in view

    sheet = book["entries"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c for c in row))) for row in sheet.iter_rows(min_row=2)]
    everything = [*rr.results, *rr.calibration]
    assert [row["entry_id"].value for row in rows] == [r.entry.id for r in everything]
    for row, r in zip(rows, everything):
        assert row["rank"].value == r.rank
        if r.totals:
            assert row["mean"].value == pytest.approx(float(r.mean))
            assert row["trimmed_mean"].value == pytest.approx(float(r.trimmed_mean))
            assert row["max"].value == pytest.approx(float(r.maximum))
            assert row["mean"].number_format == "0.00"
        for judge_id, total in r.totals.items():
            cell = row[judge_id]
            assert cell.value == pytest.approx(float(total))
            paper = judge_id in r.paper
            assert (cell.comment is not None) == paper
            if paper:
                assert "typed from a paper sheet by the secretariat, not signed by the judge" in cell.comment.text
        if r.standardised_mean is not None:
            assert row["standardised_mean"].value == pytest.approx(r.standardised_mean)

    judges = {row[0]: row for row in book["judges"].iter_rows(min_row=2, values_only=True)}
    for judge_id, severity in rr.severity.items():
        assert judges[judge_id][5] == pytest.approx(float(severity.severity))
        assert judges[judge_id][8] == sum(1 for j, _ in rr.paper_entered if j == judge_id)
        assert judges[judge_id][9] == rr.notable_judges.get(judge_id)  # an empty cell reads back as None

    stability = list(book["stability"].iter_rows(min_row=2, values_only=True))
    assert [(cut, rank, entry, stable == "stable") for cut, rank, entry, _, _, stable, _ in stability] == [
        (c.cut, c.rank, c.entry_id, c.stable) for c in rr.stability]
    shortlist = [row[2] for row in book["shortlist"].iter_rows(min_row=2, values_only=True)]
    assert shortlist == [r.entry.id for r in rr.award] and len(shortlist) == 20

    averages = criterion_averages(rr.ranked, rr.round.rubric.criterion_ids)
    for row in book["criteria"].iter_rows(min_row=2, values_only=True):
        assert row[7] == pytest.approx(float(averages[row[0]]))
    summary = dict(book["summary"].iter_rows(min_row=2, values_only=True))
    assert summary["Krippendorff's alpha (interval)"] == f"{rr.alpha:.3f}"
    assert summary["ranking method"].startswith("mean: ")
    assert summary["calibration entries (not ranked)"] == " ".join(CALIBRATION)


def test_the_statistics_command_writes_both_files_and_counts_as_viewing(merged, tmp_path):
    merged_round, rr = merged
    db = fresh_copy(merged_round.db_path, tmp_path)
    out = run_cli("secretariat", "statistics", str(db), "--csv", str(tmp_path / "s.csv"),
                  "--xlsx", str(tmp_path / "s.xlsx"))
    assert f"Krippendorff's alpha (interval): {rr.alpha:.3f}" in out.stdout
    assert "no ranking method has been chosen; the default (mean) is used" in out.stdout
    assert f"calibration entries (not ranked): {' '.join(CALIBRATION)}" in out.stdout
    assert f"wrote {tmp_path / 's.csv'}" in out.stdout and f"wrote {tmp_path / 's.xlsx'}" in out.stdout
    for judge_id in rr.judges:
        assert f"  {judge_id}: severity {float(rr.severity[judge_id].severity):+.2f} points" in out.stdout
    assert rr.notable_judges == {"J07": "lenient"}  # the demo's lenient judge, about 16 points above the rest
    assert re.search(r"J07: severity \+1\d\.\d\d points .* <- much more lenient than the others", out.stdout)
    assert out.stdout.count("<- much") == 1
    assert [row["entry_id"] for row in csv_rows(tmp_path / "s.csv")] == [
        r.entry.id for r in (*rr.results, *rr.calibration)]
    with ContestDatabase.open(db) as opened:
        assert results_first_viewed(opened, "r1") is not None


panels = st.dictionaries(
    st.tuples(st.sampled_from(["E1", "E2", "E3", "E4", "E5"]), st.sampled_from(["J1", "J2", "J3", "J4", "J5"])),
    st.integers(min_value=0, max_value=100) | st.none(),
    min_size=1,
)


@settings(max_examples=60, deadline=None)
@given(panels)
def test_csv_round_trips_any_panel(scores):
    rr = round_results_for(scores)
    rows = list(csv.DictReader(io.StringIO(statistics_csv(rr), newline="")))
    assert [row["entry_id"] for row in rows] == [r.entry.id for r in rr.results]
    for row, r in zip(rows, rr.results):
        assert row["rank"] == (str(r.rank) if r.rank else "")
        assert row["mean"] == two(r.mean) and row["trimmed_mean"] == two(r.trimmed_mean)
        assert {j: row[j] for j in r.totals} == {j: two(t) for j, t in r.totals.items()}
        assert all(row[j] == "conflict" for j in r.conflicts)
