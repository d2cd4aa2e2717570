"""Exporting the signed score file and printing the score sheets, for the judge window.

:class:`ExportFlow` runs both flows of the File menu on the window's open
session. Export: completeness check → passphrase (the key is made first if
there is none) → where to save →
:func:`~judge_app.scorefile.export_score_file` off the GUI thread → the result
dialog. Printing: which exported score file → where to save the PDF →
:func:`~judge_app.pdf.score_sheet.render_score_sheet` off the GUI thread → the
PDF opens. The rules are the core's; the flow only asks, waits and reports,
through the window's dialogs, status bar and signals.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from judge_app.atomic import write_bytes_atomic
from judge_app.errors import JudgeAppError
from judge_app.paths import SCORE_FILE_SUFFIX
from judge_app.scorefile import ExportResult, default_file_name, export_score_file, read_score_file
from judge_app.scoring import EntryStatus
from judge_app.workspace import Workspace

from .dialogs import ConfirmIncompleteDialog, ExportResultDialog, UnlockDialog, documents_folder, message_box
from .i18n import app_settings
from .worker import Op

if TYPE_CHECKING:
    from .judge_window import JudgeWindow


class ExportFlow(QObject):
    """Export the score file and print score sheets for ``window``'s session (see the module docstring)."""

    def __init__(self, window: "JudgeWindow"):
        super().__init__(window)
        self.window = window
        self._busy: set[Op] = set()

    def cancel(self) -> None:
        """Stop an export or print under way: its result is not reported (the bundle is closing)."""
        for op in list(self._busy):
            op.cancel()

    # ------------------------------------------------------------ export

    def export_scores(self) -> None:
        """Completeness → passphrase → where to save → write off the GUI thread → result."""
        window = self.window
        if window.session is None:
            return
        missing = [(s.entry_id, window.session.bundle.entry(s.entry_id).project_title)
                   for s in window.session.workspace.states()
                   if s.status not in (EntryStatus.SCORED, EntryStatus.CONFLICT)]
        if missing:
            dialog = ConfirmIncompleteDialog(missing, window)
            window.active_dialog = dialog
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

            def chosen(_result: int) -> None:
                window.active_dialog = None
                if dialog.clickedButton() is dialog.export_button:
                    QTimer.singleShot(0, lambda: self._export_unlock(len(missing)))

            dialog.finished.connect(chosen)
            dialog.open()
            return
        self._export_unlock(0)

    def _export_unlock(self, incomplete: int) -> None:
        window = self.window
        if window.session is None:
            return
        if window.session.public_key() is None:
            dialog = window.show_create_key()
            dialog.finished.connect(lambda result: result and QTimer.singleShot(0, lambda: self._export_unlock(incomplete)))
            return
        dialog = UnlockDialog(window.session, self.tr(
            "Type your passphrase to sign the score file. The signature shows that the scores are yours "
            "and were not changed after you exported them."), window)
        dialog.accepted.connect(lambda: self._export_choose_file(dialog.key, incomplete))
        window.open_dialog(dialog)

    def _export_choose_file(self, key, incomplete: int) -> None:
        window = self.window
        session = window.session
        if session is None or key is None:
            return
        settings = app_settings()
        folder = Path(settings.value("last_export_folder", str(documents_folder())))
        suggested = folder / default_file_name(session.workspace, session.workspace.next_sequence())
        path, _ = QFileDialog.getSaveFileName(
            window, self.tr("Save the score file"), str(suggested),
            self.tr("Score files (*%1)").replace("%1", SCORE_FILE_SUFFIX))
        if not path:
            return
        destination = Path(path)
        if destination.suffix.lower() != SCORE_FILE_SUFFIX:
            destination = destination.with_name(destination.name + SCORE_FILE_SUFFIX)
        settings.setValue("last_export_folder", str(destination.parent))
        data_folder, bundle = session.data_dir, session.bundle

        def run(report) -> ExportResult:
            # The worker's own connection: a SQLite connection belongs to the thread that opened it.
            with Workspace.open_for(data_folder, bundle) as workspace:
                return export_score_file(workspace, key, destination, allow_incomplete=incomplete > 0)

        window.statusBar().showMessage(self.tr("Signing and saving the score file…"))
        window.export_action.setEnabled(False)
        op = Op(window, run, done=lambda result: self._exported(result, key, incomplete),
                failed=self._export_error)
        self._busy.add(op)
        op.finished.connect(lambda: self._busy.discard(op))
        op.start()

    def _exported(self, result: ExportResult, key, incomplete: int) -> None:
        window = self.window
        window.export_action.setEnabled(window.session is not None)
        window.statusBar().showMessage(self.tr("Score file saved: %1").replace("%1", str(result.path)), 10000)
        if window.session is not None:
            app_settings().setValue(f"last_export/{window.session.bundle.sha256}", str(result.path))
        dialog = ExportResultDialog(result.path, result.sequence, result.sha256, key.public_key.fingerprint,
                                    incomplete, window)
        dialog.print_requested.connect(lambda path: QTimer.singleShot(0, lambda: self.print_score_sheets(path)))
        dialog.open_folder_requested.connect(lambda folder: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
        window.open_dialog(dialog)
        window.export_finished.emit(result)

    def _export_error(self, error: BaseException) -> None:
        window = self.window
        window.export_action.setEnabled(window.session is not None)
        window.statusBar().clearMessage()
        text = getattr(error, "message", None) or str(error)
        window.last_message = message_box(window, QMessageBox.Icon.Critical, self.tr("Export failed"),
                                          self.tr("The score file was not saved. Your scores are safe in the app."),
                                          text)
        window.export_failed.emit(text)

    # ------------------------------------------------------------ score sheets

    def last_export(self) -> Path | None:
        if self.window.session is None:
            return None
        value = app_settings().value(f"last_export/{self.window.session.bundle.sha256}")
        return Path(value) if value and Path(value).exists() else None

    def print_score_sheets(self, score_file: str | Path | None = None) -> None:
        """Ask for an exported score file (the last one by default), render its sheets, save and open them."""
        window = self.window
        session = window.session
        if session is None:
            return
        if score_file is None:
            default = self.last_export()
            start = str(default) if default else app_settings().value("last_export_folder", str(documents_folder()))
            chosen, _ = QFileDialog.getOpenFileName(
                window, self.tr("Which score file to print?"), start,
                self.tr("Score files (*%1)").replace("%1", SCORE_FILE_SUFFIX))
            if not chosen:
                return
            score_file = chosen
        score_file = Path(score_file)
        pdf, _ = QFileDialog.getSaveFileName(
            window, self.tr("Save the score sheets"), str(score_file.with_suffix(".pdf")),
            self.tr("PDF documents (*.pdf)"))
        if not pdf:
            return
        pdf_path = Path(pdf) if pdf.lower().endswith(".pdf") else Path(pdf + ".pdf")
        bundle = session.bundle
        wrong_bundle = self.tr("This score file belongs to another bundle or judge; choose one exported from this bundle.")

        def run(report) -> Path:
            from judge_app.pdf.score_sheet import render_score_sheet

            parsed = read_score_file(score_file)
            if parsed.bundle_sha256 != bundle.sha256 or parsed.judge_id != bundle.judge.id:
                raise JudgeAppError(wrong_bundle, path=score_file)
            write_bytes_atomic(pdf_path, render_score_sheet(bundle.contest, bundle.round, bundle.judge, parsed))
            return pdf_path

        window.statusBar().showMessage(self.tr("Preparing the score sheets…"))
        op = Op(window, run, done=self._sheets_done, failed=self._sheets_failed)
        self._busy.add(op)
        op.finished.connect(lambda: self._busy.discard(op))
        op.start()

    def _sheets_done(self, path: Path) -> None:
        self.window.statusBar().showMessage(self.tr("Score sheets saved: %1").replace("%1", str(path)), 10000)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.window.sheets_saved.emit(str(path))

    def _sheets_failed(self, error: BaseException) -> None:
        self.window.statusBar().clearMessage()
        self.window.last_message = message_box(self.window, QMessageBox.Icon.Critical, self.tr("Score sheets"),
                                               self.tr("The score sheets could not be made."),
                                               getattr(error, "message", None) or str(error))


__all__ = ["ExportFlow"]
