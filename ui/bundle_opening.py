"""Opening a bundle in the judge window: the check, the refusal or the dialogs that follow.

:class:`BundleOpening` runs the core's :meth:`~judge_app.judging.JudgeSession.open`
on a worker thread (it hashes every attachment) and opens nothing unless every
check passes: a refused bundle is explained to the judge, a verified one is
handed to the window (:meth:`~ui.judge_window.JudgeWindow.show_session`). Then
the follow-up dialogs are opened with ``open()`` (window-modal, not blocking)
and chained: bundle checked → key (first time) → conflicts of interest (fresh
workspace). The same dialogs stay on the Judging menu. The flow also prepares
the demo contest, and this module keeps the list of recently opened bundles.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from judge_app.bundle import OpenedBundle
from judge_app.errors import BundleError, JudgeAppError, PinnedKeyMismatch
from judge_app.judging import JudgeSession
from judge_app.paths import BUNDLE_SUFFIX, data_dir
from judge_app.scoring import EntryStatus
from judge_app.workspace import Workspace

from .dialogs import BundleSummaryDialog, ConflictsDialog, KeyCreateDialog, documents_folder, message_box
from .i18n import app_settings, set_settings_list, settings_list
from .undo import DeclareConflictCommand, WithdrawConflictCommand
from .worker import Op

if TYPE_CHECKING:
    from .judge_window import JudgeWindow

RECENT_KEY = "recent_bundles"
RECENT_LIMIT = 8


def recent_bundles() -> list[str]:
    """The bundles opened last, newest first (full paths)."""
    return settings_list(RECENT_KEY)


def remember_bundle(path: str | Path) -> None:
    """Put ``path`` first on the recent bundles list."""
    text = str(Path(path).resolve())
    recent = [text] + [p for p in recent_bundles() if p != text]
    set_settings_list(RECENT_KEY, recent[:RECENT_LIMIT])


def _verify_bundle(path: Path, folder: Path, report) -> OpenedBundle:
    """Worker side of opening: the core's full check; the workspace is reopened on the GUI thread."""
    def progress(done: int, total: int) -> None:
        report(done / total if total else 1.0)

    session = JudgeSession.open(path, data_dir=folder, progress=progress)
    session.close()  # its SQLite connection belongs to this thread
    return session.bundle


class BundleOpening(QObject):
    """Opens bundles (and the demo) in ``window`` and runs the dialogs after opening (see the module docstring)."""

    def __init__(self, window: "JudgeWindow"):
        super().__init__(window)
        self.window = window
        #: The check of a bundle (or the demo's preparation) under way, if any.
        self.op: Op | None = None

    def cancel(self) -> None:
        """Drop the check under way: its outcome is not acted on (the window is closing)."""
        if self.op is not None:
            self.op.cancel()
            self.op = None

    # ------------------------------------------------------------ opening

    def choose_bundle(self) -> None:
        settings = app_settings()
        folder = settings.value("last_bundle_folder", str(documents_folder()))
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open an entry bundle"), folder,
            self.tr("Entry bundles (*%1)").replace("%1", BUNDLE_SUFFIX))
        if path:
            settings.setValue("last_bundle_folder", str(Path(path).parent))
            self.open_bundle(path)

    def open_demo(self) -> None:
        """Prepare (once) and open the demo contest's bundle for judge J01."""
        if self.op is not None:
            return
        from judge_app.demo_round import prepare_demo_bundle

        window = self.window
        folder = data_dir() / "demo"
        window.start_page.show_busy(self.tr("Preparing the demo contest…"))
        window.stack.setCurrentWidget(window.start_page)
        self.op = Op(window, lambda report: prepare_demo_bundle(folder),
                     done=self._demo_ready, failed=self._demo_failed).start()
        window.update_actions()

    def _demo_ready(self, path: Path) -> None:
        self.op = None
        self.open_bundle(path)

    def _demo_failed(self, error: BaseException) -> None:
        window = self.window
        self.op = None
        window.start_page.hide_busy()
        window.update_actions()
        window.last_message = message_box(window, QMessageBox.Icon.Critical, self.tr("Demo contest"),
                                          self.tr("The demo contest could not be prepared."), str(error))

    def open_bundle(self, path: str | Path) -> None:
        """Verify a bundle on a worker thread; open it only if every check passes.

        A bundle already open stays open (and usable) until the new one has passed
        every check, so a bad file dropped on the window costs the judge nothing.
        """
        window = self.window
        path = Path(path)
        if self.op is not None:
            return
        if window.session is not None and window.session.bundle.path.resolve() == path.resolve():
            return
        checking = self.tr("Checking %1 …").replace("%1", path.name)
        if window.session is None:
            window.stack.setCurrentWidget(window.start_page)
            window.start_page.show_busy(checking, 0.0)
        else:
            window.statusBar().showMessage(checking)
        folder = data_dir()

        def progress(fraction: float) -> None:
            if window.session is None:
                window.start_page.show_busy(checking, fraction)
            else:
                window.statusBar().showMessage(f"{checking} {int(fraction * 100)}%")

        self.op = Op(
            window, lambda report: _verify_bundle(path, folder, report),
            done=lambda bundle: self._bundle_verified(bundle, folder),
            failed=lambda error: self._bundle_refused(path, error),
            progress=progress,
        ).start()
        window.update_actions()

    def _bundle_refused(self, path: Path, error: BaseException) -> None:
        window = self.window
        self.op = None
        window.start_page.hide_busy()
        window.statusBar().clearMessage()
        window.update_actions()
        if isinstance(error, PinnedKeyMismatch):
            headline = self.tr("This bundle is signed by a different secretariat key than the one trusted "
                               "for this contest. Do not use it: call the secretariat and compare the fingerprint.")
        elif isinstance(error, BundleError):
            headline = self.tr("This bundle did not pass the checks, so it was not opened. It may be damaged "
                               "or altered; ask the secretariat for a new copy.")
        elif isinstance(error, JudgeAppError):
            headline = self.tr("This bundle could not be opened.")
        else:
            headline = self.tr("This bundle could not be opened because of an unexpected problem.")
        reason = getattr(error, "message", None) or str(error)
        window.last_message = message_box(
            window, QMessageBox.Icon.Critical, self.tr("Bundle refused"),
            self.tr("%1 was not opened.").replace("%1", path.name),
            headline + "\n\n" + self.tr("Reason: %1").replace("%1", reason),
            details=str(path))
        window.open_failed.emit(reason)

    def _bundle_verified(self, bundle: OpenedBundle, folder: Path) -> None:
        window = self.window
        self.op = None
        window.statusBar().clearMessage()
        if window.session is not None:
            window.close_bundle()
        try:
            workspace = Workspace.open_for(folder, bundle)
        except JudgeAppError as error:
            self._bundle_refused(bundle.path, error)
            return
        session = JudgeSession(bundle, workspace, folder)
        remember_bundle(bundle.path)
        window.show_session(session)
        self._follow_up(bundle)

    # ------------------------------------------------------------ follow-up dialogs after opening

    def _follow_up(self, bundle: OpenedBundle) -> None:
        steps = [self.show_bundle_summary]
        if self.window.session.public_key() is None:
            steps.append(self.show_create_key)
        if self._workspace_is_fresh():
            steps.append(self.show_conflicts_pass)
        self._run_steps(steps)

    def _run_steps(self, steps) -> None:
        window = self.window
        if not steps or window.session is None:
            window.active_dialog = None
            if window.page is not None:
                window.page.table.setFocus()
            window.opening_finished.emit()
            return
        dialog = steps[0]()
        if dialog is None:
            self._run_steps(steps[1:])
            return
        dialog.finished.connect(lambda _result: QTimer.singleShot(0, lambda: self._run_steps(steps[1:])))

    def _workspace_is_fresh(self) -> bool:
        assert self.window.page is not None
        model = self.window.page.model
        return all(model.state_at(row).status is EntryStatus.NOT_STARTED for row in range(model.rowCount()))

    def show_bundle_summary(self) -> QDialog | None:
        window = self.window
        if window.session is None:
            return None
        return window.open_dialog(BundleSummaryDialog(window.session.bundle, window))

    def show_create_key(self) -> QDialog | None:
        window = self.window
        if window.session is None or window.session.public_key() is not None:
            return None
        return window.open_dialog(KeyCreateDialog(window.session, window))

    def show_key(self) -> QDialog | None:
        window = self.window
        if window.session is None:
            return None
        key = window.session.public_key()
        if key is None:
            return self.show_create_key()
        window.last_message = message_box(
            window, QMessageBox.Icon.Information, self.tr("My signing key"),
            self.tr("Your signing key's fingerprint is:") + "\n\n" + key.fingerprint,
            self.tr("It is printed on your score sheets; the secretariat checks it before accepting your scores."))
        return window.last_message

    def show_conflicts_pass(self) -> QDialog | None:
        window = self.window
        if window.session is None:
            return None
        workspace = window.session.workspace
        conflicts = {e.id: reason for e in window.session.bundle.entries
                     if (reason := workspace.conflict_reason(e.id)) is not None}
        dialog = ConflictsDialog(window.session.bundle.entries, conflicts, window)
        dialog.accepted.connect(lambda: self._apply_conflicts(dialog.newly_declared(), dialog.withdrawn()))
        return window.open_dialog(dialog)

    def _apply_conflicts(self, declared: dict[str, str], withdrawn: list[str]) -> None:
        window = self.window
        if window.session is None or not (declared or withdrawn):
            return
        window.undo_stack.beginMacro(self.tr("Conflicts of interest"))
        try:
            for entry_id, reason in declared.items():
                window.undo_stack.push(DeclareConflictCommand(window.session, entry_id, reason, window.notifier))
            for entry_id in withdrawn:
                window.undo_stack.push(WithdrawConflictCommand(window.session, entry_id, window.notifier))
        finally:
            window.undo_stack.endMacro()
        if window.page is not None:
            current = window.page.current_entry_id()
            if current:
                window.page.scoring.set_entry(current)


__all__ = ["BundleOpening", "recent_bundles", "remember_bundle"]
