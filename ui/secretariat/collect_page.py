"""The collect page: drop the judges' score files, see what became of each, and follow the round's progress.

Files dropped on the page (or picked with "Add score files…" / "Add a folder…";
a folder is searched for ``.dlgscores`` files) are merged by
:func:`judge_app.merge.merge_files` on a worker with its own connection: every
file is merged whole or not at all, and each gets a row saying accepted,
duplicate, superseded or rejected, with the core's reason. Every file ever
imported is listed under "All files received". The dashboard shows
:func:`judge_app.progress.round_progress`: per judge scored / conflict /
missing / paper-entered and the last file received, per entry how many of its
judges have scored it. Scores typed in from a paper sheet go through the paper
dialog (:mod:`ui.secretariat.paper_dialog`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from judge_app.merge import MergeOutcome, merge_files
from judge_app.paths import SCORE_FILE_SUFFIX
from judge_app.progress import RoundProgress, round_progress

from ..dialogs import big_font, documents_folder, message_box
from ..worker import Op
from .progress_models import (
    EntryProgressModel,
    EntryProgressProxy,
    FilesModel,
    JudgeProgressModel,
    OutcomesModel,
)
from .page_tools import button, button_row, db_op, fill, open_dialog, search_box, show_message, wrapped_label
from .session import SCORES, SecretariatSession
from .tables import SortProxy, fit_columns, make_table

MUTED = "#5b626c"
#: Kinds of change after which the dashboard is counted again.
REFRESH_ON = ("entries", "judges", "assignment", "bundles", "scores")


def score_file_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """The score files among what was dropped (folders searched, any case of the suffix), and what was left aside."""
    found: list[Path] = []
    others: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == SCORE_FILE_SUFFIX))
        elif path.suffix.lower() == SCORE_FILE_SUFFIX:
            found.append(path)
        else:
            others.append(path)
    unique = list(dict.fromkeys(found))
    return unique, others


def local_paths_of(mime) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


class CollectPage(QWidget):
    """Drop score files, see each file's outcome, every file received, and the progress dashboard."""

    #: A merge finished; the list of MergeOutcome (already shown in the table).
    merge_finished = Signal(list)
    #: A merge could not run at all; the message (already shown).
    merge_failed = Signal(str)
    #: The tabs: the dashboard, the last drop's outcome, every file received.
    DASHBOARD_TAB, OUTCOME_TAB, FILES_TAB = range(3)

    def __init__(self, session: SecretariatSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.progress: RoundProgress | None = None
        self._merging: Op | None = None
        self._last_outcomes: list[MergeOutcome] = []
        self._left_aside = 0  # dropped files that were not score files, in the last drop
        self._status_shows_outcome = False  # so a language change rewrites the status line in the new language
        self._stale = False  # something changed while the page was hidden
        self.active_dialog: QDialog | None = None
        self.setAcceptDrops(True)
        self._build()
        self._retranslate()
        session.changed.connect(self._session_changed)
        self.refresh()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.judge_names = {j.id: j.name for j in self.session.db.contest.judges}
        layout.addWidget(self._build_drop_zone())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_dashboard(), "")
        self.tabs.addTab(self._build_outcomes(), "")
        self.files_model = FilesModel(self.judge_names, self)
        self.files_table = make_table(SortProxy(self.files_model, self), "files received")
        self.tabs.addTab(self.files_table, "")

    def _build_drop_zone(self) -> QFrame:
        """Where files are dropped, with the buttons that do the same, the progress bar and the status line."""
        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setStyleSheet(
            "#dropZone { border: 2px dashed #9aa1ab; border-radius: 8px; background: palette(base); }"
            "#dropZone[dragging=\"true\"] { border-color: #2f6fdf; background: #eef4ff; }")
        zone = QVBoxLayout(self.drop_zone)
        zone.setContentsMargins(14, 10, 14, 10)
        self.drop_label = QLabel()
        self.drop_label.setFont(big_font(self, 1.15))
        self.drop_label.setWordWrap(True)
        zone.addWidget(self.drop_label)
        self.drop_hint = QLabel()
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet(f"color: {MUTED};")
        zone.addWidget(self.drop_hint)
        self.add_files_button = button(self.choose_files)
        self.add_files_button.setDefault(True)
        self.add_folder_button = button(self.choose_folder)
        self.paper_button = button(self.open_paper_entry)
        zone.addLayout(button_row(self.add_files_button, self.add_folder_button, None, self.paper_button))
        self.merge_bar = QProgressBar()
        self.merge_bar.setAccessibleName("merge progress")
        self.merge_bar.hide()
        zone.addWidget(self.merge_bar)
        self.status = wrapped_label()
        self.status.hide()
        zone.addWidget(self.status)
        return self.drop_zone

    def _build_dashboard(self) -> QWidget:
        """The summary, the judges' table, and the entries' table with its filter."""
        dashboard = QWidget()
        dash = QVBoxLayout(dashboard)
        dash.setContentsMargins(0, 8, 0, 0)
        self.summary = QLabel()
        self.summary.setFont(big_font(self, 1.1))
        self.summary.setWordWrap(True)
        dash.addWidget(self.summary)
        self.summary_detail = QLabel()
        self.summary_detail.setWordWrap(True)
        dash.addWidget(self.summary_detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.judges_model = JudgeProgressModel(self)
        self.judges_proxy = SortProxy(self.judges_model, self)
        self.judges_table = make_table(self.judges_proxy, "judges progress")
        splitter.addWidget(self.judges_table)
        entries_box = QWidget()
        entries_layout = QVBoxLayout(entries_box)
        entries_layout.setContentsMargins(0, 6, 0, 0)
        filters = QHBoxLayout()
        self.entries_heading = QLabel()
        self.entries_heading.setFont(big_font(self, 1.0))
        filters.addWidget(self.entries_heading)
        filters.addStretch(1)
        self.short_only = QCheckBox()
        self.short_only.setChecked(True)
        filters.addWidget(self.short_only)
        self.entry_search = search_box("search entries")
        self.entry_search.setAcceptDrops(False)
        filters.addWidget(self.entry_search, 1)
        entries_layout.addLayout(filters)
        self.entries_model = EntryProgressModel(self)
        self.entries_proxy = EntryProgressProxy(self.entries_model, self)
        self.entries_proxy.set_short_only(True)
        self.short_only.toggled.connect(self.entries_proxy.set_short_only)
        self.short_only.toggled.connect(lambda _: self._show_entry_count())
        self.entry_search.textChanged.connect(self.entries_proxy.set_text_filter)
        self.entry_search.textChanged.connect(lambda _: self._show_entry_count())
        self.entries_table = make_table(self.entries_proxy, "entries progress")
        entries_layout.addWidget(self.entries_table, 1)
        splitter.addWidget(entries_box)
        splitter.setSizes([300, 300])
        dash.addWidget(splitter, 1)
        widths = self.fontMetrics()
        for column, sample in ((EntryProgressModel.COL_ENTRY, "E00000000"),
                               (EntryProgressModel.COL_ORG, "องค์การบริหารส่วนตำบลหนองบัวแดง"),
                               (EntryProgressModel.COL_STILL, "J01 J02 J03")):
            self.entries_table.setColumnWidth(column, widths.horizontalAdvance(sample) + 36)
        return dashboard

    def _build_outcomes(self) -> QWidget:
        """The last drop: a summary line and a row per file."""
        outcome_page = QWidget()
        outcome_layout = QVBoxLayout(outcome_page)
        outcome_layout.setContentsMargins(0, 8, 0, 0)
        self.outcome_summary = QLabel()
        self.outcome_summary.setFont(big_font(self, 1.05))
        self.outcome_summary.setWordWrap(True)
        outcome_layout.addWidget(self.outcome_summary)
        self.outcomes_model = OutcomesModel(self.judge_names, self)
        self.outcomes_table = make_table(SortProxy(self.outcomes_model, self), "file outcomes")
        outcome_layout.addWidget(self.outcomes_table, 1)
        return outcome_page

    def _retranslate(self) -> None:
        self.drop_label.setText(self.tr("Drop the judges' score files (.dlgscores) or a folder of them here"))
        self.drop_hint.setText(self.tr(
            "Each file is checked and merged whole or not at all; the same file dropped twice changes nothing."))
        self.add_files_button.setText(self.tr("Add &score files…"))
        self.add_folder_button.setText(self.tr("Add a &folder…"))
        self.paper_button.setText(self.tr("Enter a &paper sheet…"))
        self.paper_button.setToolTip(self.tr(
            "Type in the scores of a judge who scored on the printed sheet (typed twice, with the scan)"))
        self.merge_bar.setFormat(self.tr("%v of %m files checked"))
        self.short_only.setText(self.tr("Only entries s&hort of judges"))
        self.entry_search.setPlaceholderText(self.tr("Search entry, organisation or judge…"))
        self.tabs.setTabText(self.DASHBOARD_TAB, self.tr("&Progress"))
        self.tabs.setTabText(self.OUTCOME_TAB, self.tr("&Last import"))
        self.tabs.setTabText(self.FILES_TAB, self.tr("&All files received"))
        for model in (self.judges_model, self.entries_model, self.outcomes_model, self.files_model):
            model.retranslate()
        self._show_summary()
        self._show_outcome_summary()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tabs"):
            self._retranslate()

    # ------------------------------------------------------------ the dashboard

    def refresh(self) -> None:
        """Count the round again and reread the files received (quick reads on the GUI thread)."""
        self._stale = False
        db = self.session.db
        self.judge_names.clear()
        self.judge_names.update({j.id: j.name for j in db.contest.judges})
        self.progress = round_progress(db, self.session.round_id)
        self.judges_model.set_rows(self.progress.judges)
        self.entries_model.set_rows(self.progress.entries)
        self.files_model.set_rows(list(reversed(db.score_files())))
        fit_columns(self.judges_table)
        fit_columns(self.files_table, cap=320)
        self._show_summary()

    def _session_changed(self, kind: str) -> None:
        if kind not in REFRESH_ON:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # counted when the page is shown again: a national round takes a few tenths of a second

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show_summary(self) -> None:
        progress = self.progress
        if progress is None:
            return
        self.summary.setText(fill(
            self.tr("%1 of %2 judges have sent a file · %3 of %4 entry scores in"),
            progress.judges_sent, len(progress.judges), progress.scored + progress.conflict, progress.assigned))
        detail = fill(
            self.tr("%1 scored, %2 conflict of interest, %3 missing, %4 typed in from paper · "
                    "%5 of %6 judges complete · %7 of %8 entries short of judges"),
            progress.scored, progress.conflict, progress.missing, progress.paper, progress.judges_complete,
            len(progress.judges), progress.entries_short, len(progress.entries))
        if progress.unattributed_files:
            detail += "\n" + fill(self.tr(
                "Rejected files that name no judge of this contest: %1 (see All files received)."),
                progress.unattributed_files)
        self.summary_detail.setText(detail)
        self.tabs.setTabText(self.FILES_TAB, fill(self.tr("&All files received (%1)"), self.files_model.rowCount()))
        self._show_entry_count()

    def _show_entry_count(self) -> None:
        if self.progress is None:
            return
        self.entries_heading.setText(fill(self.tr("Entries: %1 shown of %2"), self.entries_proxy.rowCount(),
                                          len(self.progress.entries)))

    # ------------------------------------------------------------ merging

    @property
    def merging(self) -> bool:
        return self._merging is not None

    def merge_paths(self, paths: Iterable[str | Path]) -> Op | None:
        """Merge the score files among ``paths`` (folders searched) off the GUI thread; None if nothing to do."""
        if self._merging is not None:
            self._say(self.tr("Files are being merged; wait until that is done."), problem=True)
            return None
        files, others = score_file_paths(paths)
        if not files:
            self._say(self.tr("No score files (.dlgscores) among what was given; nothing was imported."), problem=True)
            return None
        self._left_aside = len(others)
        self.merge_bar.setRange(0, len(files))
        self.merge_bar.setValue(0)
        self.merge_bar.show()
        self._say(fill(self.tr("Checking %1 files…"), len(files)))
        self._set_busy(True)
        self._merging = db_op(
            self, self.session, lambda db, report: merge_files(db, files, progress=lambda *step: report(step)),
            done=self._merged, failed=self._merge_failed, progress=self._merge_progress)
        return self._merging.start()

    def _merge_progress(self, payload: tuple[int, int]) -> None:
        done, total = payload
        self.merge_bar.setRange(0, total)
        self.merge_bar.setValue(done)

    def _merged(self, outcomes: list[MergeOutcome]) -> None:
        self._merging = None
        self._set_busy(False)
        self.merge_bar.hide()
        self._last_outcomes = list(outcomes)
        self._status_shows_outcome = True
        self.outcomes_model.set_rows(outcomes)
        fit_columns(self.outcomes_table)
        self._show_outcome_summary()
        self.tabs.setCurrentIndex(self.OUTCOME_TAB)
        self.session.notify(SCORES)
        self.merge_finished.emit(list(outcomes))

    def _merge_failed(self, error: BaseException) -> None:
        self._merging = None
        self._set_busy(False)
        self.merge_bar.hide()
        text = fill(self.tr("The files could not be merged: %1"), error)
        self._say(text, problem=True)
        message_box(self, QMessageBox.Icon.Warning, self.tr("Merge stopped"), text,
                    self.tr("Nothing of a file is merged unless all of it is; files already done are kept."))
        self.session.notify(SCORES)
        self.merge_failed.emit(str(error))

    def _show_outcome_summary(self) -> None:
        outcomes = self._last_outcomes
        if not outcomes:
            self.outcome_summary.setText(self.tr("No files dropped yet in this session."))
            return  # the status line keeps whatever it said last
        count = Counter(o.status for o in outcomes)
        text = fill(self.tr("%1 files: %2 accepted, %3 duplicate, %4 superseded, %5 rejected"),
                    len(outcomes), count["accepted"], count["duplicate"], count["superseded"], count["rejected"])
        if self._left_aside:
            text += " · " + fill(self.tr("Other files left aside (not .dlgscores): %1"), self._left_aside)
        self.outcome_summary.setText(text)
        if self._status_shows_outcome:
            self._say(text, problem=count["rejected"] > 0)
            self._status_shows_outcome = True

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.add_files_button, self.add_folder_button, self.paper_button):
            widget.setEnabled(not busy)

    def _say(self, text: str, *, problem: bool = False) -> None:
        self._status_shows_outcome = False
        show_message(self.status, text, "#b3261e" if problem else MUTED)

    # ------------------------------------------------------------ choosing and dropping files

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add score files"), str(documents_folder()),
            fill(self.tr("Score files (*%1)"), SCORE_FILE_SUFFIX))
        if names:
            self.merge_paths(names)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add every score file in a folder"),
                                                  str(documents_folder()))
        if folder:
            self.merge_paths([folder])

    def _droppable(self, mime) -> bool:
        paths = local_paths_of(mime)
        return self._merging is None and any(p.is_dir() or p.suffix.lower() == SCORE_FILE_SUFFIX for p in paths)

    def _highlight(self, on: bool) -> None:
        self.drop_zone.setProperty("dragging", "true" if on else "false")
        self.drop_zone.style().unpolish(self.drop_zone)
        self.drop_zone.style().polish(self.drop_zone)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._droppable(event.mimeData()):
            event.acceptProposedAction()
            self._highlight(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._droppable(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self._highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight(False)
        if not self._droppable(event.mimeData()):
            event.ignore()
            return
        event.acceptProposedAction()
        self.merge_paths(local_paths_of(event.mimeData()))

    # ------------------------------------------------------------ paper sheets

    def open_paper_entry(self) -> None:
        """The double-entry dialog for a paper sheet (it records the sheet and tells the session)."""
        from .paper_dialog import PaperEntryDialog

        dialog = PaperEntryDialog(self.session, self)
        dialog.finished.connect(lambda _result: self.refresh())
        self.paper_dialog = open_dialog(self, dialog)
