"""The Bundles page: issue every judge's signed bundle in one step, list them, print the hand-out list.

Issuing is :func:`judge_app.issuing.issue_bundles` on a worker thread with its
own database connection; the secretariat key is found and unlocked first
(:mod:`ui.secretariat.secretariat_key`). The hand-out list is
:func:`judge_app.pdf.issue_list.render_issue_list`. The page keeps no rule of
its own: which judges get a bundle and what goes in it is the core's.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from judge_app.atomic import write_bytes_atomic
from judge_app.issuing import IssuedBundle, issue_bundles
from judge_app.keys import PrivateKey
from judge_app.pdf.issue_list import render_issue_list
from judge_app.thai_dates import THAI_TIME, thai_time
from judge_app.thai_dates import BUDDHIST_ERA_OFFSET

from ..dialogs import grouped, message_box
from ..i18n import app_settings, current_language
from ..worker import Op
from .page_tools import button, button_row, db_op, heading_and_intro, open_dialog
from .secretariat_key import KEY_FILES, SecretariatKeyDialog, find_key_file, remember_key_file
from .session import ASSIGNMENT, BUNDLES, JUDGES, SecretariatSession
from .tables import SORT_ROLE, RowsModel, table_view

OUTPUT_FOLDER = "secretariat/bundle_folder"
MUTED = "#7b818a"

#: Thai month abbreviations, as a table cell has room for (the PDF spells months out).
THAI_SHORT_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                     "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def issued_at_text(iso: str, *, short: bool = False) -> str:
    """When a bundle was issued, in Thai time (the contest's), worded for the language in force."""
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(THAI_TIME)
    if current_language() != "th":
        return f"{moment:%d %b %Y %H:%M}"
    if not short:
        return thai_time(iso)
    return f"{moment.day} {THAI_SHORT_MONTHS[moment.month - 1]} {moment.year + BUDDHIST_ERA_OFFSET} {moment:%H.%M} น."


# ---------------------------------------------------------------- the table


class BundlesTableModel(RowsModel):
    """The bundles issued for one round; a judge's older bundles are shown muted."""

    COL_JUDGE, COL_NAME, COL_FILE, COL_ENTRIES, COL_SHA256, COL_ISSUED = range(6)
    COLUMN_COUNT = 6
    SORT_ROLE = SORT_ROLE
    NUMERIC = frozenset({COL_ENTRIES})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._names: dict[str, str] = {}
        self._current: set[str] = set()

    def load(self, rows: list[dict], names: dict[str, str]) -> None:
        """Rows of ``ContestDatabase.bundles()`` for the round (judge, then time of issue)."""
        self._names = dict(names)
        self.set_rows(rows)

    def _rows_changed(self) -> None:
        latest = {row["judge_id"]: row["sha256"] for row in self._rows}
        self._current = set(latest.values())

    def row_data(self, row: int) -> dict:
        return self._rows[row]

    def is_current(self, row: int) -> bool:
        return self._rows[row]["sha256"] in self._current

    def headers(self) -> list[str]:
        return [self.tr("Judge"), self.tr("Name"), self.tr("File"), self.tr("Entries"),
                self.tr("SHA-256 fingerprint"), self.tr("Issued at")]

    def display(self, row: dict, column: int) -> str:
        if column == self.COL_JUDGE:
            return row["judge_id"]
        if column == self.COL_NAME:
            return self._names.get(row["judge_id"], "")
        if column == self.COL_FILE:
            return row["file_name"]
        if column == self.COL_ENTRIES:
            return str(row["entry_count"])
        if column == self.COL_SHA256:
            return grouped(row["sha256"], 4)
        return issued_at_text(row["issued_at"], short=True)

    def sort_key(self, row: dict, column: int):
        if column == self.COL_ENTRIES:
            return row["entry_count"]
        return row["issued_at"] if column == self.COL_ISSUED else self.display(row, column)

    def tooltip(self, row: dict, column: int) -> str | None:
        if column == self.COL_SHA256:
            return row["sha256"]
        if row["sha256"] not in self._current:
            return self.tr("A later bundle was issued to this judge; this one still counts for score files "
                           "made from it.")
        return None

    def foreground(self, row: dict, column: int) -> QColor | None:
        return QColor(MUTED) if row["sha256"] not in self._current else None

    def extra_data(self, row: dict, column: int, role: int):
        if role == Qt.ItemDataRole.FontRole and column == self.COL_SHA256:
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        return None


# ---------------------------------------------------------------- the page


class BundlesPage(QWidget):
    """Issue the round's bundles into a folder, see what was issued, print who gets which file."""

    def __init__(self, session: SecretariatSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.op: Op | None = None
        self.active_dialog: QDialog | None = None
        self.last_message: QMessageBox | None = None
        #: Bundles written by the last issue (for the status line and tests).
        self.last_issued: list[IssuedBundle] = []
        self.last_list_pdf: Path | None = None
        layout = QVBoxLayout(self)
        self.heading, self.intro = heading_and_intro(self, layout)

        form = QFormLayout()
        self.round_label = QLabel()
        self.round_choice = QComboBox()
        self.round_choice.currentIndexChanged.connect(lambda _i: self.refresh())
        form.addRow(self.round_label, self.round_choice)
        self.folder_label = QLabel()
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setAccessibleName("bundle folder")
        folder_row.addWidget(self.folder_edit, 1)
        self.folder_button = button(self.choose_output_folder)
        folder_row.addWidget(self.folder_button)
        form.addRow(self.folder_label, folder_row)
        self.key_label = QLabel()
        self.key_value = QLabel()
        self.key_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.key_label, self.key_value)
        layout.addLayout(form)

        self.issue_button = button(self.issue_all)
        self.issue_button.setDefault(True)
        self.issue_button.setMinimumHeight(38)
        self.print_button = button(self.print_hand_out_list)
        self.open_folder_button = button(self.open_output_folder)
        layout.addLayout(button_row(self.issue_button, self.print_button, self.open_folder_button))
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = BundlesTableModel(self)
        self.table = table_view(self.model, "issued bundles", stretch=(BundlesTableModel.COL_SHA256,), multi=True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long digest loses its middle, never a name
        self.proxy = self.table.model()
        layout.addWidget(self.table, 1)

        self._fill_rounds()
        self.folder_edit.setText(str(self.output_folder()))
        self._show_idle()
        self.retranslate()
        session.changed.connect(self._session_changed)

    # ------------------------------------------------------------ state

    def round_id(self) -> str:
        return self.round_choice.currentData() or self.session.round_id

    def _fill_rounds(self) -> None:
        current = self.round_choice.currentData() or self.session.round_id
        english = current_language() == "en"
        self.round_choice.blockSignals(True)
        self.round_choice.clear()
        for round_ in self.session.db.contest.rounds:
            self.round_choice.addItem(f"{round_.title_en if english else round_.title_th} ({round_.id})", round_.id)
        self.round_choice.setCurrentIndex(max(0, self.round_choice.findData(current)))
        self.round_choice.blockSignals(False)
        several = self.round_choice.count() > 1
        self.round_choice.setVisible(several)
        self.round_label.setVisible(several)

    def output_folder(self) -> Path:
        """The folder chosen last for this database, else ``bundles`` beside it."""
        remembered = app_settings().value(f"{OUTPUT_FOLDER}/{self.session.path.resolve().as_posix()}")
        if isinstance(remembered, str) and remembered:
            return Path(remembered)
        return self.session.path.parent / "bundles"

    def set_output_folder(self, folder: str | Path) -> None:
        settings = app_settings()
        settings.setValue(f"{OUTPUT_FOLDER}/{self.session.path.resolve().as_posix()}", str(Path(folder)))
        settings.sync()
        self.folder_edit.setText(str(Path(folder)))

    def choose_output_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the bundles"), str(self.output_folder()))
        if folder:
            self.set_output_folder(folder)

    def open_output_folder(self) -> None:
        folder = self.output_folder()
        if folder.is_dir():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def refresh(self) -> None:
        db = self.session.db
        round_id = self.round_id()
        rows = [row for row in db.bundles() if row["round_id"] == round_id]
        self.model.load(rows, {j.id: j.name for j in db.contest.judges})
        key_path = find_key_file(self.session.path, db.secretariat_key)
        self.key_value.setText(db.secretariat_key.fingerprint + "   " + (
            self.tr("(key file: %1)").replace("%1", str(key_path)) if key_path else
            self.tr("(key file not found yet: you will be asked for it)")))
        judges = len({row["judge_id"] for row in rows})
        if rows:
            last = max(row["issued_at"] for row in rows)
            self.summary.setText(self.tr("Issued for %1 judges; the last bundle at %2. A judge's older bundles are "
                                         "shown in grey.").replace("%1", str(judges))
                                 .replace("%2", issued_at_text(last)))
        else:
            self.summary.setText(self.tr("No bundle has been issued for this round yet."))
        self.print_button.setEnabled(bool(rows) and self.op is None)

    def _session_changed(self, kind: str) -> None:
        if kind in (BUNDLES, JUDGES, ASSIGNMENT):
            self._fill_rounds()
            self.refresh()

    def _judges_to_issue(self) -> list[str]:
        round_ = self.session.db.contest.round(self.round_id())
        return [j.id for j in self.session.db.contest.judges if round_.entries_of(j.id)]

    # ------------------------------------------------------------ issuing

    def issue_all(self) -> None:
        """Confirm a re-issue, find and unlock the key, then issue off the GUI thread."""
        if self.op is not None:
            return
        judges = self._judges_to_issue()
        if not judges:
            self.last_message = message_box(self, QMessageBox.Icon.Information, self.tr("Issue bundles"),
                                            self.tr("No judge has entries in this round yet: assign judges first."))
            return
        if self.model.rowCount():
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Issue bundles again?"),
                              self.tr("Bundles were already issued for this round. Issue a new bundle for every "
                                      "judge?"), QMessageBox.StandardButton.NoButton, self)
            box.setInformativeText(self.tr("The new files replace those of the same name in the folder. Score files "
                                           "that judges make from their earlier bundles can still be merged."))
            again = box.addButton(self.tr("Issue again"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(again)
            box.finished.connect(lambda _r: self._ask_key(len(judges)) if box.clickedButton() is again else None)
            open_dialog(self, box)
            return
        self._ask_key(len(judges))

    def _ask_key(self, judges: int) -> None:
        db = self.session.db
        key_path = find_key_file(self.session.path, db.secretariat_key)
        if key_path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("The secretariat key file of this contest"), str(self.session.path.parent),
                self.tr("Key files (*.key);;All files (*)"))
            if not chosen:
                return
            key_path = Path(chosen)
        purpose = self.tr("Unlock the secretariat key to sign %1 bundles, one for each judge, into %2.") \
            .replace("%1", str(judges)).replace("%2", str(self.output_folder()))
        dialog = SecretariatKeyDialog(key_path, db.secretariat_key, purpose, self)
        dialog.accepted.connect(lambda: self._issue_with(dialog.key, dialog.key_path))
        open_dialog(self, dialog)

    def _issue_with(self, key: PrivateKey, key_path: Path) -> None:
        remember_key_file(key_path)
        folder, round_id = self.output_folder(), self.round_id()

        def issue(db, report) -> list[IssuedBundle]:
            folder.mkdir(parents=True, exist_ok=True)
            return issue_bundles(db, key, folder, round_id=round_id,
                                 progress=lambda done, total, judge: report((done, total, judge)))

        self._show_busy(self.tr("Issuing the bundles…"), 0, 0)
        self.op = db_op(self, self.session, issue, done=self._issued, failed=self._issue_failed,
                        progress=self._issue_progress).start()

    def _issue_progress(self, payload: tuple[int, int, str]) -> None:
        done, total, judge = payload
        text = (self.tr("Issuing the bundle of judge %1 (%2 of %3)…").replace("%1", judge)
                .replace("%2", str(done + 1)).replace("%3", str(total)) if judge else self.tr("Recording…"))
        self._show_busy(text, done, total)

    def _issued(self, issued: list[IssuedBundle]) -> None:
        self.op = None
        self.last_issued = issued
        self._show_idle()
        self.session.notify(BUNDLES)  # refreshes this page too
        self.progress_label.setText(self.tr("✔ %1 bundles written to %2").replace("%1", str(len(issued)))
                                    .replace("%2", str(self.output_folder())))
        self.progress_label.show()

    def _issue_failed(self, error: BaseException) -> None:
        self.op = None
        self._show_idle()
        self.session.notify(BUNDLES)  # bundles written before the failure are recorded
        self.last_message = message_box(self, QMessageBox.Icon.Critical, self.tr("Issue bundles"),
                                        self.tr("Issuing stopped; the bundles made before the problem are listed."),
                                        str(error))

    # ------------------------------------------------------------ the hand-out list

    def print_hand_out_list(self, path: str | Path | None = None) -> None:
        """Write the hand-out list as PDF (asking where unless given) and open it."""
        if self.op is not None or not self.model.rowCount():
            return
        round_id = self.round_id()
        if path is None:
            suggested = self.output_folder() / f"hand-out-list-{round_id}.pdf"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the hand-out list"), str(suggested),
                                                  self.tr("PDF documents (*.pdf)"))
            if not path:
                return
        target = Path(path)

        def write_list(db, report) -> Path:
            write_bytes_atomic(target, render_issue_list(db, round_id))
            return target

        self._show_busy(self.tr("Making the hand-out list…"), 0, 0)
        self.op = db_op(self, self.session, write_list, done=self._list_written, failed=self._list_failed).start()

    def _list_written(self, path: Path) -> None:
        self.op = None
        self.last_list_pdf = path
        self._show_idle()
        self.progress_label.setText(self.tr("✔ Hand-out list saved as %1").replace("%1", str(path)))
        self.progress_label.show()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _list_failed(self, error: BaseException) -> None:
        self.op = None
        self._show_idle()
        self.last_message = message_box(self, QMessageBox.Icon.Critical, self.tr("Hand-out list"),
                                        self.tr("The hand-out list could not be saved."), str(error))

    # ------------------------------------------------------------ look

    def _show_busy(self, text: str, done: int, total: int) -> None:
        self.progress_label.setText(text)
        self.progress_label.show()
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress_bar.show()
        for widget in (self.issue_button, self.print_button, self.folder_button, self.round_choice):
            widget.setEnabled(False)

    def _show_idle(self) -> None:
        self.progress_bar.hide()
        self.progress_label.hide()
        for widget in (self.issue_button, self.folder_button, self.round_choice):
            widget.setEnabled(True)
        self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Issue the bundles"))
        self.intro.setText(self.tr(
            "Each judge gets one file, signed with the secretariat key, holding the entries assigned to them and "
            "their attachments. Issue all of them in one step into a folder, then print the hand-out list: which "
            "file goes to whom, with each file's SHA-256 and a line for the judge to sign on receipt."))
        self.round_label.setText(self.tr("&Round"))
        self.round_label.setBuddy(self.round_choice)
        self.folder_label.setText(self.tr("Output folder"))
        self.folder_button.setText(self.tr("&Choose…"))
        self.key_label.setText(self.tr("Secretariat key"))
        self.issue_button.setText(self.tr("&Issue bundles for all judges"))
        self.print_button.setText(self.tr("&Print the hand-out list…"))
        self.open_folder_button.setText(self.tr("Open &folder"))
        self._fill_rounds()
        self.model.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["KEY_FILES", "BundlesPage", "BundlesTableModel", "SecretariatKeyDialog", "find_key_file",
           "remember_key_file"]
