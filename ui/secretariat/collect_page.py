"""The collect page: drop the judges' score files, see what became of each, and follow the round's progress.

Files dropped on the page (or picked with "Add score files…" / "Add a folder…";
a folder is searched for ``.dlgscores`` files) are merged by
:func:`judge_app.merge.merge_files` on a worker with its own connection: every
file is merged whole or not at all, and each gets a row saying accepted,
duplicate, superseded or rejected, with the core's reason. Every file ever
imported is listed under "All files received". The dashboard
(:mod:`ui.secretariat.progress_dashboard`) shows
:func:`judge_app.progress.round_progress`: per judge scored / conflict /
missing / paper-entered and the last file received, per entry how many of its
judges have scored it. Scores typed in from a paper sheet go through the paper
dialog (:mod:`ui.secretariat.paper_dialog`).

A file refused because its judge had no key yet offers "Enrol this judge's
key…": the key that signed it, checked against the signed paper in the same
dialog as on the Judges page (:mod:`ui.secretariat.key_enrolment`); once the
key is enrolled the file is merged again.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QLabel,
    QMessageBox,
    QProgressBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from judge_app.errors import JudgeAppError
from judge_app.merge import REJECTED, MergeOutcome, merge_files
from judge_app.paths import SCORE_FILE_SUFFIX
from judge_app.progress import RoundProgress, round_progress

from ..dialogs import big_font, documents_folder, message_box
from ..worker import Op
from .key_enrolment import EnrolKeyDialog, KeyOffer, NotAJudge, offer_from_stored_score_file, open_enrol_dialog
from .progress_dashboard import ProgressDashboard
from .progress_models import FilesModel, OutcomesModel
from .page_tools import (
    button,
    button_row,
    db_op,
    fill,
    open_dialog,
    show_message,
    wrapped_label,
)
from .session import SCORES, SecretariatSession
from .tables import SortProxy, fit_columns, make_table, selected_rows

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
        self._paths: dict[str, Path] = {}  # sha256 → where each file merged in this session was read from
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
        self.files_enrol_button = button(lambda: self.enrol_key_of_selected(self.files_table))
        self.tabs.addTab(self._with_enrol_button(self.files_table, self.files_enrol_button), "")

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
        """The progress dashboard; its parts are the page's too (tests and the screenshots reach them here)."""
        self.dashboard = ProgressDashboard()
        for name in ("summary", "summary_detail", "judges_model", "judges_proxy", "judges_table", "entries_heading",
                     "short_only", "entry_search", "entries_model", "entries_proxy", "entries_table"):
            setattr(self, name, getattr(self.dashboard, name))
        return self.dashboard

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
        self.enrol_key_button = button(lambda: self.enrol_key_of_selected(self.outcomes_table))
        outcome_layout.addWidget(self._with_enrol_button(self.outcomes_table, self.enrol_key_button), 1)
        return outcome_page

    def _with_enrol_button(self, table: QTableView, enrol: QWidget) -> QWidget:
        """A table of files with "Enrol this judge's key…" under it, for the selected refused file."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(table, 1)
        column.addLayout(button_row(enrol))
        enrol.setEnabled(False)
        table.selectionModel().selectionChanged.connect(lambda *_: self._offer_enrolment(table, enrol))
        return box

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
        self.tabs.setTabText(self.DASHBOARD_TAB, self.tr("&Progress"))
        self.tabs.setTabText(self.OUTCOME_TAB, self.tr("&Last import"))
        self.tabs.setTabText(self.FILES_TAB, self.tr("&All files received"))
        for enrol in (self.enrol_key_button, self.files_enrol_button):
            enrol.setText(self.tr("&Enrol this judge's key…"))
            enrol.setToolTip(self.tr("For a file refused because its judge has no key yet: check the key that "
                                     "signed it against the signed paper, enrol it, and merge the file again"))
        for model in (self.outcomes_model, self.files_model):
            model.retranslate()
        self._fit_columns()  # the words changed width (the dashboard fits its own)
        self._show_files_count()
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
        self.dashboard.show_progress(self.progress)
        self.files_model.set_rows(list(reversed(db.score_files())))
        self._fit_columns()
        self._update_enrol_buttons()
        self._show_files_count()

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

    def _fit_columns(self) -> None:
        """Columns as wide as what they show now (again after a language change)."""
        fit_columns(self.files_table, cap=320)
        fit_columns(self.outcomes_table)

    def _show_files_count(self) -> None:
        self.tabs.setTabText(self.FILES_TAB, fill(self.tr("&All files received (%1)"), self.files_model.rowCount()))

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
        self._merging_files = files  # merge_files answers in this order
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
        self._paths.update({o.sha256: path for o, path in zip(outcomes, self._merging_files)})
        self._merging = None
        self._set_busy(False)
        self.merge_bar.hide()
        self._last_outcomes = list(outcomes)
        self._status_shows_outcome = True
        self.outcomes_model.set_rows(outcomes)
        fit_columns(self.outcomes_table)
        self._update_enrol_buttons()
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

    # ------------------------------------------------------------ a file refused for want of a key

    def _wants_key(self, item: MergeOutcome | dict) -> str | None:
        """The sha256 of a file refused whose judge (of this contest) has no key in force, else None."""
        if isinstance(item, MergeOutcome):
            sha, outcome, judge_id = item.sha256, item.status, item.judge_id
        else:
            sha, outcome, judge_id = item["sha256"], item["outcome"], item["judge_id"]
        if outcome != REJECTED or judge_id not in self.judge_names:
            return None
        return sha if self.session.db.active_key(judge_id) is None else None

    def _refused_for_want_of_key(self, table: QTableView) -> str | None:
        """The sha256 of the selected file if it was refused for want of its judge's key."""
        rows = selected_rows(table)
        if not rows or self._merging is not None:
            return None
        return self._wants_key(table.model().sourceModel().row_object(rows[0]))

    def _offer_enrolment(self, table: QTableView, enrol: QWidget) -> None:
        enrol.setEnabled(self._refused_for_want_of_key(table) is not None)

    def _update_enrol_buttons(self) -> None:
        """Each table's enrol button shown while the table holds a file refused for want of a key."""
        for table, enrol in ((self.outcomes_table, self.enrol_key_button), (self.files_table, self.files_enrol_button)):
            model = table.model().sourceModel()
            enrol.setVisible(any(self._wants_key(model.row_object(row)) for row in range(model.rowCount())))
            self._offer_enrolment(table, enrol)

    def enrol_key_of_selected(self, table: QTableView) -> EnrolKeyDialog | None:
        """The key that signed the selected refused file, checked against the signed paper, then enrolled."""
        sha = self._refused_for_want_of_key(table)
        if sha is None:
            return None
        try:
            offer = offer_from_stored_score_file(self.session.db, sha)
        except JudgeAppError as exc:
            self._say(str(exc), problem=True)
            return None
        except NotAJudge as stranger:
            self._say(fill(self.tr("%1 names judge %2, who is not in this contest."), stranger.file_name,
                           stranger.judge_id), problem=True)
            return None
        return open_enrol_dialog(self, self.session, offer, enrolled=lambda enrolled: self._key_enrolled(enrolled, sha),
                                 refused=lambda text: self._say(text, problem=True))

    def _key_enrolled(self, offer: KeyOffer, sha: str) -> None:
        """Merge the refused file again now that its judge's key is enrolled (if the file is still where it was)."""
        path = self._paths.get(sha)
        if path is not None and path.is_file() and self.merge_paths([path]) is not None:
            self._say(fill(self.tr("Enrolled key %1 for judge %2; merging %3 again…"), offer.key.fingerprint,
                           offer.judge.id, offer.file_name))
            return
        self._say(fill(self.tr("Enrolled key %1 for judge %2. Drop %3 again to merge it."), offer.key.fingerprint,
                       offer.judge.id, offer.file_name))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.add_files_button, self.add_folder_button, self.paper_button):
            widget.setEnabled(not busy)

    def _say(self, text: str, *, problem: bool = False) -> None:
        self._status_shows_outcome = False
        show_message(self.status, text, "#b3261e" if problem else MUTED)
        self.drop_hint.setVisible(not text)  # once there is news, the hint gives the dashboard its line

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
