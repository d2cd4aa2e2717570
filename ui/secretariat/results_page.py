"""The secretariat's results page: choose the ranking method first, then see results and statistics.

A ranking method chosen after looking at the results could have been chosen
to favour an entry, so the page asks for the method before it shows a single
number: the choice is recorded with :func:`judge_app.decisions.choose_method`,
and the results appear only on "Show results", which records the first view
with :func:`judge_app.decisions.mark_results_viewed`. The report then says the
method was chosen before the results were seen. Changing the method later is
allowed, with a warning that it will be recorded as changed after results were seen.

The results themselves are :func:`judge_app.round_results.load_round_results`,
computed on a worker with its own connection, and shown in tabs: ranking
(every method side by side, the cut lines, unstable entries and paper-entered
scores marked), stability, judges (with the severity chart), distribution
(histogram), panel agreement, disagreements and calibration entries. Exports
(CSV, XLSX) and the printed report are made off the GUI thread too.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from judge_app.atomic import write_bytes_atomic
from judge_app.decisions import choose_method, mark_results_viewed, method_decision, results_first_viewed
from judge_app.ranking import METHODS, TIE_BREAKS_EN, TIE_BREAKS_TH
from judge_app.results import DISAGREEMENT_SPREAD
from judge_app.round_results import RoundResults, load_round_results
from judge_app.thai_dates import thai_date

from ..dialogs import big_font, message_box
from ..i18n import current_language
from ..worker import Op
from .agreement_panel import AgreementPanel
from .charts import HistogramChart, SeverityBar, SeverityChart
from .method_choice import ChangeMethodDialog, MethodChoice, method_label
from .page_tools import (
    FittingSplitter,
    button,
    button_row,
    db_op,
    open_dialog,
    remember_folder,
    start_folder,
    wrapped_label,
)
from .results_models import (
    BandsModel,
    CalibrationModel,
    CutLineTable,
    DisagreementsModel,
    JudgesModel,
    RankingModel,
    StabilityModel,
    method_name,
)
from .session import ASSIGNMENT, DECISIONS, ENTRIES, SCORES, SecretariatSession
from .tables import SortProxy, compact_table

# Changes after which the shown results are out of date.
REFRESH_ON = (SCORES, DECISIONS, ASSIGNMENT, ENTRIES)
LAST_FOLDER = "secretariat/last_results_folder"
table_view = compact_table  # the name this page's table builder had here


def tie_breaks() -> str:
    return TIE_BREAKS_TH if current_language() == "th" else TIE_BREAKS_EN


def when_text(iso_utc: str) -> str:
    """A recorded UTC time as local date and time (Buddhist era in Thai)."""
    moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone()
    if current_language() == "th":
        return f"{thai_date(moment.date())} {moment:%H:%M}\u00a0น."
    return f"{moment:%d %B %Y %H:%M}".lstrip("0")


class ResultsPage(QWidget):
    """The ranking method decision, then the round's results and statistics (see the module docstring)."""

    # The results now on screen (a RoundResults).
    results_shown = Signal(object)
    # A file was written: statistics export or the printed report (its path).
    file_saved = Signal(str)
    # Something failed; the message was shown to the officer.
    failed = Signal(str)

    def __init__(self, session: SecretariatSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.results: RoundResults | None = None
        self.last_message: QMessageBox | None = None
        self.active_dialog: QDialog | None = None
        self._loading: Op | None = None
        self._reload_pending = False
        self._revealed = False
        self._build()
        self._retranslate()
        session.changed.connect(self._session_changed)
        self._update_state()

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        self.title = QLabel(self)
        self.title.setFont(big_font(self, 1.3))
        outer.addWidget(self.title)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)

        # Page 1: the method, before any result.
        self.chooser = QWidget(self.stack)
        layout = QVBoxLayout(self.chooser)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = wrapped_label(self.chooser)
        layout.addWidget(self.intro)
        self.method_box = QGroupBox(self.chooser)
        box = QVBoxLayout(self.method_box)
        self.method_choice = MethodChoice(self.method_box)
        box.addWidget(self.method_choice)
        layout.addWidget(self.method_box)
        self.ties = wrapped_label(self.chooser)
        self.ties.setObjectName("mutedLabel")
        layout.addWidget(self.ties)
        self.decision_label = wrapped_label(self.chooser)
        layout.addWidget(self.decision_label)
        self.record_button = button(self.record_method)
        self.record_button.setEnabled(False)  # until a method is ticked: the choice must be the officer's
        self.method_choice.changed.connect(lambda _: self.record_button.setEnabled(True))
        self.show_button = button(self.show_results)
        layout.addLayout(button_row(self.record_button, self.show_button))
        layout.addStretch(1)
        self.chooser.setMaximumWidth(1000)  # lines a person can read; the page's left column
        self.stack.addWidget(self.chooser)

        # Page 2: the results.
        self.results_view = QWidget(self.stack)
        layout = QVBoxLayout(self.results_view)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.method_line = wrapped_label(self.results_view)
        top.addWidget(self.method_line, 1)
        self.change_button = button(self.change_method)
        self.export_button = button(self.export_statistics)
        self.print_button = button(self.print_report)
        for push in (self.change_button, self.export_button, self.print_button):
            top.addWidget(push, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.summary = wrapped_label(self.results_view)
        layout.addWidget(self.summary)
        self.status = wrapped_label(self.results_view)
        self.status.hide()
        layout.addWidget(self.status)
        self.tabs = QTabWidget(self.results_view)
        layout.addWidget(self.tabs, 1)
        self._build_tabs()
        self.stack.addWidget(self.results_view)

    def _tab(self, *widgets: QWidget) -> None:
        """A tab of ``widgets`` one under the other, the last taking the room left (titles come with the text).

        When the last one is hidden (no calibration entries: no table), the others stay at the top.
        """
        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        for number, widget in enumerate(widgets):
            widget.setParent(page)
            layout.addWidget(widget, 1 if number == len(widgets) - 1 else 0)
        layout.addStretch(0)
        self.tabs.addTab(page, "")

    def _build_tabs(self) -> None:
        self.ranking_model = RankingModel(self)
        self.ranking_proxy = SortProxy(self.ranking_model, self)
        self.ranking_view, _ = compact_table(self.ranking_model, self, proxy=self.ranking_proxy,
                                          view=CutLineTable(self.ranking_proxy, self))
        self.ranking_legend = wrapped_label(self)
        self._tab(self.ranking_legend, self.ranking_view)

        self.stability_model = StabilityModel(self)
        self.stability_view, _ = compact_table(self.stability_model, self)
        self.stability_intro = wrapped_label(self)
        self._tab(self.stability_intro, self.stability_view)

        self.judges_model = JudgesModel(self)
        self.judges_view, _ = compact_table(self.judges_model, self)
        self.severity_chart = SeverityChart(self)
        chart_scroll = QScrollArea(self)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        chart_scroll.setWidget(self.severity_chart)  # many judges: the bars keep a readable height and scroll
        # The table over the chart, each the whole width: side by side, the table scrolled sideways at
        # 1280 pixels (in Thai its headers are wide) and the chart had no room for the judges' names.
        self.judges_split = FittingSplitter(lambda: self.judges_split.fit_first_to(self.judges_view, 0.5))
        self.judges_split.setParent(self)
        self.judges_split.setChildrenCollapsible(False)
        self.judges_split.addWidget(self.judges_view)
        self.judges_split.addWidget(chart_scroll)
        self.judges_intro = wrapped_label(self)
        self._tab(self.judges_intro, self.judges_split)

        self.histogram = HistogramChart(self)
        self.bands_model = BandsModel(self)
        self.bands_view, _ = compact_table(self.bands_model, self)
        self.bands_view.setMaximumWidth(260)
        distribution = QWidget(self)
        row = QHBoxLayout(distribution)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.histogram, 1)
        row.addWidget(self.bands_view)
        self.distribution_intro = wrapped_label(self)
        self._tab(self.distribution_intro, distribution)

        self.agreement = AgreementPanel(self)
        self.agreement_rows = self.agreement.rows
        self._tab(self.agreement)

        self.disagreements_model = DisagreementsModel(self)
        self.disagreements_view, _ = compact_table(self.disagreements_model, self, stretch_last=True)
        self.disagreements_intro = wrapped_label(self)
        self._tab(self.disagreements_intro, self.disagreements_view)

        self.calibration_model = CalibrationModel(self)
        self.calibration_view, _ = compact_table(self.calibration_model, self)
        self.calibration_intro = wrapped_label(self)
        self._tab(self.calibration_intro, self.calibration_view)

    # ------------------------------------------------------------ text

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Results and statistics"))
        self.intro.setText(self.tr(
            "Choose how the entries will be ranked before looking at any result. The choice is recorded with its "
            "time, and the results report says whether it was made before the results were seen."))
        self.ties.setText(tie_breaks())
        self.method_box.setTitle(self.tr("Ranking method"))
        self.method_choice.retranslate()
        self.record_button.setText(self.tr("&Record this method"))
        self.show_button.setText(self.tr("&Show results"))
        self.change_button.setText(self.tr("&Change method…"))
        self.export_button.setText(self.tr("&Export statistics…"))
        self.print_button.setText(self.tr("&Print the results report…"))
        for index, text in enumerate((
                self.tr("&Ranking"), self.tr("S&tability"), self.tr("&Judges"), self.tr("&Distribution"),
                self.tr("Panel &agreement"), self.tr("Disa&greements"), self.tr("Ca&libration entries"))):
            self.tabs.setTabText(index, text)
        self.ranking_legend.setText(self.tr(
            "Top 3 (darker blue, thick line under the 3rd): put forward to the national DG Awards. Top 20 (light "
            "blue, thin line under the 20th): receive the award. ⚑ marks an entry whose side of a cut line changes "
            "when one judge is left out or another method is used: send it to more judges. Paper: scores typed in "
            "from a paper sheet. Organisations: อบต., ทต., ทม., ทน. and อบจ. stand for the kind of local "
            "government; the full name is in the tooltip."))
        self.stability_intro.setText(self.tr(
            "Each entry within 3 places of the 3rd or 20th place, and which side of the line it falls on under "
            "every other method and with each judge left out in turn. Shaded cells change side."))
        self.judges_intro.setText(self.tr(
            "Severity: how many points a judge gives on average above (more lenient) or below (harsher) the other "
            "judges on the same entries, calibration entries included. Consistency: whether the judge orders the "
            "entries as the others do (1 = exactly)."))
        self.distribution_intro.setText(self.tr("How many entries have a mean total in each band of 5 points."))
        self.disagreements_intro.setText(self.tr(
            "Entries whose judges' totals lie %1 points or more apart, widest first: for the committee to discuss.")
            .replace("%1", str(DISAGREEMENT_SPREAD)))
        for model in (self.ranking_model, self.stability_model, self.judges_model, self.bands_model,
                      self.disagreements_model, self.calibration_model):
            model.retranslate()
        self._update_state()
        if self.results is not None:
            self._fit_columns()
            self._show_texts(self.results)

    # ------------------------------------------------------------ the method decision

    def _update_state(self) -> None:
        """Show the chooser until results may be shown; say what was decided so far."""
        db, round_id = self.session.db, self.session.round_id
        decision = method_decision(db, round_id)
        first_viewed = results_first_viewed(db, round_id)
        if decision is not None:
            self.method_choice.set_method(decision.method)
            when = self.tr("before the results were seen") if not decision.results_seen_before \
                else self.tr("after the results had been seen")
            self.decision_label.setText(self.tr("Recorded: %1, chosen %2, %3.").replace("%1", method_label(decision.method))
                                        .replace("%2", when_text(decision.decided_at)).replace("%3", when))
        elif first_viewed is not None:
            self.decision_label.setText(self.tr(
                "No method has been chosen, but results were already shown on %1 (for example by the command line). "
                "A method chosen now is recorded as chosen after the results were seen.").replace(
                "%1", when_text(first_viewed)))
        else:
            self.decision_label.setText(self.tr("No method has been chosen yet."))
        self.show_button.setEnabled(decision is not None)
        (self.show_button if decision is not None else self.record_button).setDefault(True)
        if decision is not None and (self._revealed or first_viewed is not None):
            if self.stack.currentWidget() is not self.results_view:
                self.stack.setCurrentWidget(self.results_view)
                self._revealed = True
                self.load()

    def record_method(self) -> None:
        """Record the method ticked in the chooser (one core call, on a worker)."""
        method, round_id = self.method_choice.method(), self.session.round_id
        if method is not None:
            self._write(lambda db: choose_method(db, round_id, method), DECISIONS)

    def show_results(self) -> None:
        """Record that results are being seen now (first time only), then show them."""
        self._revealed = True
        round_id = self.session.round_id
        self._write(lambda db: mark_results_viewed(db, round_id), DECISIONS)

    def change_method(self) -> None:
        """Another method once results were seen: the dialog warns how it will be recorded."""
        current = self.results.method if self.results is not None else self.method_choice.method()
        dialog = ChangeMethodDialog(current or METHODS[0], self)
        round_id = self.session.round_id

        def chosen() -> None:
            method = dialog.choice.method()
            self._write(lambda db: choose_method(db, round_id, method), DECISIONS)

        dialog.accepted.connect(chosen)
        self.change_dialog = open_dialog(self, dialog)

    def _write(self, change, kind: str) -> None:
        """Run one core change on a worker's own connection, then tell every page."""
        self.record_button.setEnabled(False)
        db_op(self, self.session, lambda db, report: change(db), done=lambda _: self._written(kind),
              failed=self._failed).start()

    def _written(self, kind: str) -> None:
        self.record_button.setEnabled(self.method_choice.method() is not None)
        self.session.notify(kind)

    # ------------------------------------------------------------ loading

    def _session_changed(self, kind: str) -> None:
        showing = self.stack.currentWidget() is self.results_view
        if kind == DECISIONS:
            self._update_state()  # reveals and loads the results once they may be shown
        if kind in REFRESH_ON and showing:
            self.load()

    def load(self) -> None:
        """Compute the results on a worker; a change meanwhile computes them again afterwards."""
        if self._loading is not None:
            self._reload_pending = True
            return
        round_id = self.session.round_id
        self._say(self.tr("Computing the results…"))
        self._loading = db_op(self, self.session, lambda db, report: load_round_results(db, round_id),
                              done=self._loaded, failed=self._failed)
        self._loading.finished.connect(self._load_finished)
        self._loading.start()

    def _load_finished(self) -> None:
        self._loading = None
        if self._reload_pending:
            self._reload_pending = False
            self.load()

    def _loaded(self, rr: RoundResults) -> None:
        self.results = rr
        self._say("")
        self.ranking_model.set_results(rr)
        self.stability_model.set_results(rr)
        self.judges_model.set_results(rr)
        self.disagreements_model.set_rows(rr.disagreements)
        self.calibration_model.set_results(rr)
        self.histogram.set_values(r.mean for r in rr.results)
        self.bands_model.set_rows([(self.histogram.band_label(i), n) for i, n in enumerate(self.histogram.counts)])
        names = {j.id: j.name for j in rr.contest.judges}
        self.severity_chart.set_judges([
            SeverityBar(f"{judge} {names.get(judge, '')}".strip(),
                        rr.severity[judge].severity if judge in rr.severity else None,
                        rr.severity[judge].entries if judge in rr.severity else 0, judge)
            for judge in rr.judges])
        self._fit_columns()
        self._show_texts(rr)
        self.results_shown.emit(rr)

    def _fit_columns(self) -> None:
        """Columns as wide as what they show (again after a language change: the words changed width)."""
        for view in (self.ranking_view, self.stability_view, self.judges_view, self.disagreements_view,
                     self.calibration_view, self.bands_view):
            view.resizeColumnsToContents()
        self._fit_judges_tab()
        for view, column in ((self.ranking_view, RankingModel.COL_ORG), (self.stability_view, StabilityModel.COL_ORG),
                             (self.disagreements_view, DisagreementsModel.COL_ORG),
                             (self.calibration_view, CalibrationModel.COL_ORG)):
            # Long enough for a kind abbreviated and a long place name ("อบต.บ้านใหม่หนองไทร"); the rest elides.
            view.setColumnWidth(column, min(view.columnWidth(column), 28 * view.fontMetrics().averageCharWidth()))

    def _fit_judges_tab(self) -> None:
        """The judges' table as tall as its rows (at most half the tab), the chart under it; the name stretches."""
        self.judges_view.horizontalHeader().setStretchLastSection(True)
        self.judges_split.fit_first_to(self.judges_view, 0.5)

    def _show_texts(self, rr: RoundResults) -> None:
        decision = rr.decision
        if decision is None:
            line = self.tr("Ranked by: %1 (no method chosen; the default is used).").replace("%1", method_label(rr.method))
        else:
            when = self.tr("before the results were seen") if not decision.results_seen_before \
                else self.tr("changed after the results had been seen")
            line = self.tr("Ranked by: %1. Chosen %2, %3.").replace("%1", method_label(rr.method)) \
                .replace("%2", when_text(decision.decided_at)).replace("%3", when)
        self.method_line.setText(line)
        ranked = len(rr.ranked)
        unstable = len({c.entry_id for c in rr.stability if not c.stable})
        parts = [self.tr("%1 entries ranked").replace("%1", str(ranked))]
        if len(rr.results) > ranked:
            parts.append(self.tr("%1 not scored yet").replace("%1", str(len(rr.results) - ranked)))
        parts += [self.tr("%1 judges").replace("%1", str(len(rr.judges))),
                  self.tr("%1 near a cut line need a second look").replace("%1", str(unstable)),
                  self.tr("%1 disagreements").replace("%1", str(len(rr.disagreements)))]
        self.summary.setText(" · ".join(parts))
        self.agreement.show_results(rr)
        self.calibration_view.setVisible(bool(rr.calibration))
        self.calibration_intro.setText(self.tr(
            "Entries every judge scores first, to share a scale. They are left out of the ranking but count for "
            "judge severity and panel agreement.") if rr.calibration else self.tr("No calibration entries were marked."))

    def _say(self, text: str) -> None:
        """A line above the tabs about work under way or just done; hidden when there is nothing to say."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _failed(self, error: BaseException) -> None:
        self.record_button.setEnabled(self.method_choice.method() is not None)
        self._say("")
        text = getattr(error, "message", None) or str(error)
        self.last_message = message_box(self, QMessageBox.Icon.Critical, self.tr("Results"),
                                        self.tr("That did not work."), text)
        self.failed.emit(text)

    # ------------------------------------------------------------ exports

    def _ask_path(self, title: str, name: str, filters: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path(start_folder(LAST_FOLDER)) / name), filters)
        if not chosen:
            return None
        remember_folder(LAST_FOLDER, Path(chosen).parent)
        return Path(chosen)

    def export_statistics(self, path: str | Path | None = None) -> None:
        """Write the statistics as CSV or XLSX (by the file's suffix; asked for when not given)."""
        rr = self.results
        if rr is None:
            return
        if path is None:
            path = self._ask_path(self.tr("Export statistics"), f"statistics-{rr.round_id}.xlsx",
                                  self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
            if path is None:
                return
        path = Path(path)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_name(path.name + ".xlsx")

        def run(report) -> str:
            from judge_app.statistics_export import write_statistics_csv, write_statistics_xlsx

            (write_statistics_csv if path.suffix.lower() == ".csv" else write_statistics_xlsx)(rr, path)
            return str(path)

        self._say(self.tr("Writing %1…").replace("%1", path.name))
        Op(self, run, done=self._saved, failed=self._failed).start()

    def print_report(self, path: str | Path | None = None) -> None:
        """Make the results report PDF on a worker, save it and open it."""
        if self.results is None:
            return
        round_id = self.session.round_id
        if path is None:
            path = self._ask_path(self.tr("Save the results report"), f"results-report-{round_id}.pdf",
                                  self.tr("PDF documents (*.pdf)"))
            if path is None:
                return
        path = Path(path) if str(path).lower().endswith(".pdf") else Path(f"{path}.pdf")

        def write_report(db, report) -> str:
            from judge_app.pdf.results_report import render_results_report, report_data

            write_bytes_atomic(path, render_results_report(report_data(db, round_id)))
            return str(path)

        self._say(self.tr("Preparing the results report…"))
        db_op(self, self.session, write_report, done=lambda saved: self._saved(saved, open_it=True),
              failed=self._failed).start()

    def _saved(self, path: str, *, open_it: bool = False) -> None:
        self._say(self.tr("Saved: %1").replace("%1", path))
        if open_it:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        self.file_saved.emit(path)


__all__ = ["ChangeMethodDialog", "MethodChoice", "ResultsPage", "method_label", "method_name"]
