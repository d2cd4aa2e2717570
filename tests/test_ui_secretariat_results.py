"""The secretariat's results page on a real round: 7 judges' signed score files merged, one paper sheet,
two calibration entries. The method is chosen before results are shown; tables, charts and exports
are checked against the core's own results."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog

from judge_app.decisions import mark_results_viewed, method_decision, method_history, results_first_viewed
from judge_app.demo import simulated_scores
from judge_app.merge import merge_files
from judge_app.panel import set_calibration_entries
from judge_app.paper import PaperSheet, enter_paper_sheet
from judge_app.round_results import load_round_results
from judge_app.scoring import total_str
from judge_app.secretariat import ContestDatabase
from ui.secretariat.charts import BAR, HARSH, HistogramChart, histogram_bins
from ui.secretariat.org_names import ORG_KINDS, short_org_name
from ui.secretariat.results_models import TOP3_BAND, TOP20_BAND, RankingModel
from ui.secretariat.results_page import ResultsPage
from ui.secretariat.session import SecretariatSession

from conftest import IssuedRound, play_judge

TIMEOUT = 20000
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
CALIBRATION = ("E001", "E002")


@pytest.fixture(scope="session")
def merged_template(issued_template: IssuedRound, tmp_path_factory) -> Path:
    """A contest database with every judge's real signed score file merged (J07's last entry typed from
    paper instead) and two calibration entries: made once, copied per test."""
    folder = tmp_path_factory.mktemp("results-round")
    shutil.copytree(issued_template.folder, folder / "round")
    issued = IssuedRound(folder / "round", issued_template.contest, folder / "round" / "contest.db",
                         {j: folder / "round" / "bundles" / p.name for j, p in issued_template.bundles.items()},
                         issued_template.secretariat)
    round_id = issued.contest.rounds[0].id
    files = []
    with issued.open_db() as db:
        for judge in (j.id for j in issued.contest.judges):
            played = play_judge(issued, judge, folder / "played", complete=judge != "J07")
            db.enrol_key(judge, played.key.public_key, how="test")
            files.append(played.score_file)
        assert all(outcome.status == "accepted" for outcome in merge_files(db, files))
        set_calibration_entries(db, round_id, CALIBRATION)
        last = issued.contest.round(round_id).entries_of("J07")[-1]
        scores = {c: str(v) for c, v in simulated_scores(issued.contest, round_id, "J07")[last].items()}
        sheet = PaperSheet("J07", last, "scored", scores)
        scan = folder / "sheet.png"
        scan.write_bytes(PNG)
        enter_paper_sheet(db, round_id, sheet, sheet, scan, "officer")
    return issued.db_path


@pytest.fixture
def db_path(merged_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "contest.db"
    shutil.copy(merged_template, path)
    return path


def open_page(qtbot, path: Path) -> ResultsPage:
    session = SecretariatSession(path)
    page = ResultsPage(session)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    qtbot.waitExposed(page)
    return page


def show_results(qtbot, page: ResultsPage, method: str = "trimmed_mean"):
    page.method_choice.set_method(method)
    page.record_button.click()
    qtbot.waitUntil(page.show_button.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(page.results_shown, timeout=TIMEOUT) as shown:
        page.show_button.click()
    return shown.args[0]


def core_results(path: Path):
    with ContestDatabase.open(path) as db:
        return load_round_results(db, db.contest.rounds[0].id)


def cell(model, row: int, column: int) -> str:
    return model.display(model.row_object(row), column)


# ---------------------------------------------------------------- the method before the results


def test_the_method_is_chosen_and_recorded_before_any_result_is_shown(qtbot, english_app, db_path):
    page = open_page(qtbot, db_path)
    db, round_id = page.session.db, page.session.round_id
    assert page.stack.currentWidget() is page.chooser and not page.results_view.isVisible()
    assert page.results is None and page.ranking_model.rowCount() == 0 and page.judges_model.rowCount() == 0
    assert not page.show_button.isEnabled() and not page.record_button.isEnabled()  # nothing ticked for them
    assert page.decision_label.text() == "No method has been chosen yet."
    assert [b.text().split(maxsplit=1)[1] for b in page.method_choice.buttons.values()] == \
        ["Mean", "Trimmed mean", "Standardised"]
    assert "dropped when 5 or more judges" in page.method_choice.explanations["trimmed_mean"].text()

    page.method_choice.set_method("trimmed_mean")
    assert page.record_button.isEnabled() and page.record_button.isDefault()
    page.record_button.click()
    qtbot.waitUntil(page.show_button.isEnabled, timeout=TIMEOUT)
    decision = method_decision(db, round_id)
    assert decision.method == "trimmed_mean" and not decision.results_seen_before
    assert results_first_viewed(db, round_id) is None  # recording the method shows nothing yet
    assert page.stack.currentWidget() is page.chooser and page.results is None
    assert "before the results were seen" in page.decision_label.text() and page.show_button.isDefault()

    with qtbot.waitSignal(page.results_shown, timeout=TIMEOUT):
        page.show_button.click()
    first = results_first_viewed(db, round_id)
    assert first is not None and first >= decision.decided_at
    assert page.stack.currentWidget() is page.results_view and page.results.method == "trimmed_mean"
    assert "Trimmed mean" in page.method_line.text() and "before the results were seen" in page.method_line.text()

    # Opening the page again goes straight to the results: they were seen already.
    again = open_page(qtbot, db_path)
    qtbot.waitUntil(lambda: again.results is not None, timeout=TIMEOUT)
    assert again.stack.currentWidget() is again.results_view
    assert results_first_viewed(again.session.db, round_id) == first


def test_results_shown_elsewhere_first_make_a_later_choice_late(qtbot, english_app, db_path):
    with ContestDatabase.open(db_path) as db:
        seen = mark_results_viewed(db, db.contest.rounds[0].id)  # e.g. the CLI printed them
    page = open_page(qtbot, db_path)
    assert page.stack.currentWidget() is page.chooser
    assert "already shown" in page.decision_label.text()
    show_results(qtbot, page, "mean")
    decision = method_decision(page.session.db, page.session.round_id)
    assert decision.results_seen_before and results_first_viewed(page.session.db, page.session.round_id) == seen
    assert "after the results had been seen" in page.method_line.text()


def test_changing_the_method_later_warns_and_is_recorded_as_after_results(qtbot, english_app, db_path):
    page = open_page(qtbot, db_path)
    show_results(qtbot, page, "mean")
    page.change_button.click()
    dialog = page.change_dialog
    assert "recorded as changed after the results were seen" in dialog.findChildren(type(page.title))[0].text()
    assert not dialog.change_button.isEnabled()  # the method in force is no change
    dialog.choice.set_method("standardised")
    dialog.change_button.click()
    qtbot.waitUntil(lambda: page.results.method == "standardised", timeout=TIMEOUT)
    history = method_history(page.session.db, page.session.round_id)
    assert [(d.method, d.results_seen_before) for d in history] == [("mean", False), ("standardised", True)]
    assert page.results.method == "standardised" and "changed after" in page.method_line.text()
    assert page.ranking_model.method == "standardised"


# ---------------------------------------------------------------- what the tabs show


def test_the_ranking_table_is_the_cores_ranking_with_cuts_flags_and_paper_marks(qtbot, english_app, db_path):
    page = open_page(qtbot, db_path)
    shown = show_results(qtbot, page)
    rr = core_results(db_path)
    model, m = page.ranking_model, RankingModel
    assert rr.method == shown.method == "trimmed_mean"
    ranked = [r.entry.id for r in rr.ranked]
    assert model.rowCount() == len(rr.results) and len(ranked) > 100
    assert not set(CALIBRATION) & {cell(model, row, m.COL_ENTRY) for row in range(model.rowCount())}
    assert [cell(model, row, m.COL_ENTRY) for row in range(len(ranked))] == ranked
    for row, r in enumerate(rr.results[:25]):
        assert cell(model, row, m.COL_RANK) == str(row + 1)
        assert cell(model, row, m.COL_MEAN) == total_str(r.mean)
        assert cell(model, row, m.COL_TRIMMED) == total_str(r.trimmed_mean)
        assert cell(model, row, m.COL_MARK) == ("Top 3" if row < 3 else "Top 20" if row < 20 else "")
        ranks = next(t.ranks for t in rr.table if t.entry_id == r.entry.id)
        assert [cell(model, row, m.RANK_COLUMNS[k]) for k in ("mean", "trimmed_mean", "standardised")] == \
            [str(ranks[k]) for k in ("mean", "trimmed_mean", "standardised")]
    unstable = {c.entry_id for c in rr.stability if not c.stable}
    assert unstable  # the demo round has a cusp
    flagged = {cell(model, row, m.COL_ENTRY) for row in range(model.rowCount())
               if cell(model, row, m.COL_CHECK).startswith("⚑")}
    assert flagged == unstable
    (judge, paper_entry), = rr.paper_entered
    row = next(i for i in range(model.rowCount()) if cell(model, i, m.COL_ENTRY) == paper_entry)
    assert cell(model, row, m.COL_PAPER) == judge == "J07"
    # The cut lines sit under the 3rd and 20th rows in rank order, and vanish in another order.
    assert page.ranking_view.cut_rows() == {2: 3, 19: 20}
    page.ranking_view.sortByColumn(m.COL_MEAN, Qt.SortOrder.DescendingOrder)
    assert page.ranking_view.cut_rows() == {}
    page.ranking_view.sortByColumn(m.COL_RANK, Qt.SortOrder.AscendingOrder)
    assert page.ranking_view.cut_rows() == {2: 3, 19: 20}


def test_stability_judges_disagreements_and_calibration_tabs_follow_the_core(qtbot, english_app, db_path):
    page = open_page(qtbot, db_path)
    show_results(qtbot, page, "mean")
    rr = core_results(db_path)
    stability = page.stability_model
    assert stability.rowCount() == len(rr.stability)
    judges = sorted({j for r in rr.results for j in r.totals})
    assert stability.headers()[6:] == ["by trimmed mean", "by standardised", *(f"without {j}" for j in judges)]
    for row, check in enumerate(rr.stability):
        cells = [cell(stability, row, c) for c in range(stability.columnCount())]
        assert cells[2] == check.entry_id and cells[4] == ("in" if check.inside else "out")
        changed = [stability.alternatives[i] for i, text in enumerate(cells[6:]) if text != cells[4]]
        assert changed == check.flips and cells[5] == ("stable" if check.stable else "⚑ second look")

    assert [cell(page.judges_model, row, 0) for row in range(page.judges_model.rowCount())] == rr.judges
    for row, judge in enumerate(rr.judges):
        assert cell(page.judges_model, row, page.judges_model.COL_SEVERITY).lstrip("+") == \
            total_str(rr.severity[judge].severity)

    assert [cell(page.disagreements_model, row, 0) for row in range(page.disagreements_model.rowCount())] == \
        [r.entry.id for r in rr.disagreements]
    calibration = page.calibration_model
    assert [cell(calibration, row, 0) for row in range(calibration.rowCount())] == list(CALIBRATION)
    assert calibration.headers()[3:] == [j.id for j in rr.contest.judges]
    first = rr.calibration[0]
    for judge, total in first.totals.items():
        assert cell(calibration, 0, 3 + calibration.judges.index(judge)) == total_str(total)

    title, value, note = page.agreement_rows[0]
    assert value.text() == f"{rr.alpha:.3f}" and "Krippendorff" in title.text()
    assert rr.icc is None and page.agreement_rows[1][1].text() == "–"
    assert "needs every judge to have scored every entry" in page.agreement_rows[1][2].text()


def test_the_charts_paint_the_data_they_were_given(qtbot, english_app, db_path):
    page = open_page(qtbot, db_path)
    show_results(qtbot, page)
    rr = core_results(db_path)
    means = [r.mean for r in rr.results if r.mean is not None]
    expected = [sum(1 for m in means if 5 * i <= m < 5 * i + 5 or (i == 19 and m == 100)) for i in range(20)]
    histogram, severity = page.histogram, page.severity_chart
    assert histogram.counts == expected and sum(expected) == len(rr.ranked)
    assert [(page.bands_model.row_object(i)[1]) for i in range(20)] == expected
    assert "60–65: %d" % expected[12] in histogram.accessibleDescription()

    page.tabs.setCurrentIndex(3)
    qtbot.waitExposed(histogram)
    image = histogram.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert BAR.name() in colours
    tips = histogram.bar_tooltips()
    assert len(tips) == 20 and tips[12] == f"60–65 points: {expected[12]} entries"

    assert [bar.short for bar in severity.judges] == rr.judges
    page.tabs.setCurrentIndex(2)
    qtbot.waitExposed(severity)
    image = severity.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    harshest = min(rr.judges, key=lambda j: rr.severity[j].severity)
    assert rr.severity[harshest].severity < 0 and QColor(HARSH).name() in colours
    tip = next(t for t in severity.bar_tooltips() if t.startswith(harshest))
    assert f"{total_str(-rr.severity[harshest].severity)} points harsher" in tip
    assert severity.accessibleName() == "Judge severity" and harshest in severity.accessibleDescription()


def test_an_empty_histogram_says_so_instead_of_drawing_nothing(qtbot, english_app):
    chart = HistogramChart()
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.set_values([None, None])
    chart.grab()
    assert chart.counts == [0] * 20 and chart.bar_tooltips() == []
    assert "none" in chart.accessibleDescription()


@given(st.lists(st.one_of(st.none(), st.fractions(min_value=0, max_value=100),
                          st.decimals(min_value=0, max_value=100, places=2).map(Fraction))))
def test_every_value_lands_in_exactly_its_band_of_five(values):
    counts = histogram_bins(values)
    present = [v for v in values if v is not None]
    assert len(counts) == 20 and sum(counts) == len(present)
    for band, count in enumerate(counts):
        assert count == sum(1 for v in present if 5 * band <= v < 5 * band + 5 or (band == 19 and v == 100))


@pytest.mark.parametrize("value", [Fraction(-1, 100), Decimal("100.01"), 250])
def test_a_value_off_the_scale_is_refused_not_hidden(value):
    with pytest.raises(ValueError, match="outside the scale"):
        histogram_bins([50, value])


# ---------------------------------------------------------------- exports and the report


def test_statistics_export_to_csv_and_xlsx(qtbot, english_app, db_path, tmp_path, monkeypatch):
    page = open_page(qtbot, db_path)
    rr = show_results(qtbot, page)
    target = tmp_path / "statistics.csv"
    with qtbot.waitSignal(page.file_saved, timeout=TIMEOUT) as saved:
        page.export_statistics(target)
    assert saved.args == [str(target)]
    rows = list(csv.DictReader(target.read_text("utf-8-sig").splitlines()))
    assert len(rows) == len(rr.results) + len(rr.calibration)
    assert [row["entry_id"] for row in rows[:20]] == [r.entry.id for r in rr.award]
    assert rows[0]["rank_trimmed_mean"] == "1" and rows[0]["mean"] == total_str(rr.results[0].mean)

    # Through the button: the save dialog's answer without a suffix becomes a workbook.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "stats"), "")))
    with qtbot.waitSignal(page.file_saved, timeout=TIMEOUT) as saved:
        page.export_button.click()
    from openpyxl import load_workbook

    workbook = load_workbook(saved.args[0])
    assert saved.args[0].endswith("stats.xlsx") and "entries" in workbook.sheetnames
    sheet = workbook["entries"]
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, [c.value for c in sheet[2]]))
    assert first["entry_id"] == rr.results[0].entry.id and first["rank"] == 1


def test_printing_the_results_report_saves_and_opens_the_pdf(qtbot, english_app, db_path, tmp_path, monkeypatch,
                                                            no_system_viewer):
    page = open_page(qtbot, db_path)
    show_results(qtbot, page)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "report"), "")))
    with qtbot.waitSignal(page.file_saved, timeout=60000) as saved:
        page.print_button.click()
    pdf = tmp_path / "report.pdf"
    assert saved.args == [str(pdf)] and pdf.read_bytes().startswith(b"%PDF")
    assert no_system_viewer == [str(pdf)]
    assert not list(tmp_path.glob("report.pdf.*"))  # written atomically: no temporary left behind


def test_a_failed_export_is_reported_and_writes_nothing(qtbot, english_app, db_path, tmp_path):
    page = open_page(qtbot, db_path)
    show_results(qtbot, page)
    (tmp_path / "a-file").write_text("not a folder")
    target = tmp_path / "a-file" / "statistics.csv"
    with qtbot.waitSignal(page.failed, timeout=TIMEOUT):
        page.export_statistics(target)
    assert page.last_message.text() == "That did not work." and not target.exists()


def test_the_results_follow_changes_made_elsewhere(qtbot, english_app, db_path):
    page = open_page(qtbot, db_path)
    show_results(qtbot, page, "mean")
    assert page.calibration_model.rowCount() == 2
    with ContestDatabase.open(db_path) as db:
        set_calibration_entries(db, db.contest.rounds[0].id, ["E001"])
    with qtbot.waitSignal(page.results_shown, timeout=TIMEOUT):
        page.session.notify("assignment")
    assert page.calibration_model.rowCount() == 1
    assert "E002" in {cell(page.ranking_model, r, RankingModel.COL_ENTRY) for r in range(page.ranking_model.rowCount())}


# ---------------------------------------------------------------- Thai


def test_the_page_speaks_thai_and_switches_language_in_place(qtbot, thai_app, db_path, tmp_path):
    from ui.i18n import install_language

    page = open_page(qtbot, db_path)
    assert page.title.text() == "ผลการพิจารณาและสถิติ" and page.record_button.text() == "บันทึกวิธีนี้ (&R)"
    show_results(qtbot, page)
    assert page.tabs.tabText(0) == "อันดับ (&R)" and cell(page.ranking_model, 0, RankingModel.COL_MARK) == "3 อันดับแรก"
    assert "เลือกเมื่อ" in page.method_line.text() and str(date.today().year + 543) in page.method_line.text()
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert not page.grab().isNull()
    assert page.histogram.font().family() == "Sarabun" and "คะแนน" in page.histogram.bar_tooltips()[12]
    assert "เข้มงวดกว่า" in page.severity_chart.accessibleDescription()
    install_language("en")  # widgets hear of it through a posted LanguageChange event
    qtbot.waitUntil(lambda: page.title.text() == "Results and statistics", timeout=TIMEOUT)
    assert page.title.text() == "Results and statistics" and page.tabs.tabText(0) == "&Ranking"
    assert page.ranking_model.headerData(RankingModel.COL_RANK, Qt.Orientation.Horizontal) == "Rank"
    assert page.severity_chart.accessibleName() == "Judge severity"


# ---------------------------------------------------------------- what the officer can read


@pytest.mark.parametrize("name, short", [
    ("องค์การบริหารส่วนตำบลโพธิ์ชัย", "อบต.โพธิ์ชัย"), ("องค์การบริหารส่วนจังหวัดนครพนม", "อบจ.นครพนม"),
    ("เทศบาลตำบลเสนา", "ทต.เสนา"), ("เทศบาลเมืองหนองหญ้าไซ", "ทม.หนองหญ้าไซ"), ("เทศบาลนคร ขอนแก่น", "ทน.ขอนแก่น"),
    ("เทศบาลนครนครราชสีมา", "ทน.นครราชสีมา"), ("กรุงเทพมหานคร", "กรุงเทพมหานคร"), ("เทศบาลนคร", "เทศบาลนคร"),
])
def test_the_kind_of_local_government_is_abbreviated_as_officials_write_it(name, short):
    assert short_org_name(name) == short


@given(st.sampled_from([kind for kind, _ in ORG_KINDS] + [""]), st.text(min_size=1))
def test_an_abbreviated_name_keeps_every_character_that_tells_organisations_apart(kind, rest):
    name = kind + rest
    short = short_org_name(name)
    if kind and rest.strip():
        abbreviation = dict(ORG_KINDS)[kind]
        assert short == abbreviation + rest.strip() and len(short) < len(name.strip())
    elif not any(name.strip().startswith(k) for k, _ in ORG_KINDS):
        assert short == name.strip()


def test_organisations_show_the_part_that_tells_them_apart_and_the_top_3_stand_out(qtbot, thai_app, db_path):
    page = open_page(qtbot, db_path)
    page.resize(1280, 740)
    show_results(qtbot, page)
    QApplication.processEvents()
    model, view = page.ranking_model, page.ranking_view
    for row in range(model.rowCount()):
        entry = model.row_object(row).entry
        index = model.index(row, RankingModel.COL_ORG)
        assert index.data() == short_org_name(entry.org_name) and entry.org_name in index.data(Qt.ItemDataRole.ToolTipRole)
        assert view.columnWidth(RankingModel.COL_ORG) >= view.fontMetrics().horizontalAdvance(index.data()), index.data()
    top3 = model.index(0, RankingModel.COL_MARK)
    top20 = model.index(5, RankingModel.COL_MARK)
    assert top3.data(Qt.ItemDataRole.BackgroundRole).color() == TOP3_BAND
    assert top20.data(Qt.ItemDataRole.BackgroundRole).color() == TOP20_BAND
    assert TOP20_BAND.lightness() - TOP3_BAND.lightness() >= 30, "the two bands are told apart at a glance"
    assert top3.data(Qt.ItemDataRole.FontRole).bold() and top20.data(Qt.ItemDataRole.FontRole) is None


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_judges_tab_needs_no_sideways_scrolling_at_1280(qtbot, request, language, db_path):
    request.getfixturevalue("thai_app" if language == "th" else "english_app")
    page = open_page(qtbot, db_path)
    page.resize(1280, 740)
    show_results(qtbot, page)
    page.tabs.setCurrentIndex(2)
    QApplication.processEvents()
    page.grab().save(f"/tmp/results_judges_1280_{language}.png")
    view = page.judges_view
    assert view.horizontalHeader().length() <= view.viewport().width()
    assert page.severity_chart.width() >= 400, "the chart keeps room for its bars"


def test_without_calibration_entries_the_tab_says_so_at_the_top(qtbot, english_app, db_path):
    with ContestDatabase.open(db_path) as db:
        set_calibration_entries(db, db.contest.rounds[0].id, [])
    page = open_page(qtbot, db_path)
    show_results(qtbot, page)
    page.tabs.setCurrentIndex(6)
    QApplication.processEvents()
    label = page.calibration_intro
    assert label.text() == "No calibration entries were marked." and not page.calibration_view.isVisible()
    assert label.geometry().top() < 30 and label.height() < 4 * label.fontMetrics().height()
