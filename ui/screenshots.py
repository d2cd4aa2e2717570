"""Grab the judge window and the secretariat window to PNG files, in Thai and in English, on the demos.

    python -m ui.screenshots OUTDIR

Runs offscreen (unless QT_QPA_PLATFORM says otherwise) in a throw-away data
folder, so it never touches a person's workspaces, keys or settings.

The judge window: the start page, the bundle check, the key dialog (empty and
filled) and the new key, the conflicts pass, the main page with a PDF
attachment rendered and some scores (Thai and English), the export steps and
the export result, and the review dialog.

The secretariat window (``secretariat-*``), on its demo
(:func:`judge_app.demo_secretariat.prepare_demo_contest_db`): every page as
the demo opens, the judges' keys enrolled from their enrolment files, the
score files merged (outcomes and the progress dashboard), the ranking method
chosen and the results shown, tab by tab; each in Thai and in English.

Look at every file before calling a screen done.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DEMO_PASSPHRASE = "mango tree by the house 2565"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="dlg-screenshots-") as scratch:
        os.environ["DLG_JUDGE_DATA"] = str(Path(scratch) / "data")
        return _shoot(out, Path(scratch))


def _shoot(out: Path, scratch: Path) -> int:
    from PySide6.QtWidgets import QApplication, QFileDialog

    from judge_app.scoring import EntryStatus

    from .app import prepare_app
    from .dialogs import (
        BundleSummaryDialog,
        ConfirmIncompleteDialog,
        ConflictsDialog,
        ExportResultDialog,
        KeyCreateDialog,
        UnlockDialog,
    )
    from .judge_window import JudgeWindow

    app = prepare_app([], "th")
    camera = Camera(out)
    pump, wait_until, save = camera.pump, camera.wait_until, camera.save

    def dialog_of(kind):
        wait_until(lambda: isinstance(window.active_dialog, kind) and window.active_dialog.isVisible())
        return window.active_dialog

    window = JudgeWindow()
    window.resize(1280, 800)
    window.show()
    save(window, "start-empty-th")

    # --- open the demo contest; the first-use dialogs one by one
    opened: list[bool] = []
    window.session_opened.connect(lambda: opened.append(True))
    window.open_demo()
    wait_until(lambda: bool(opened))
    summary = dialog_of(BundleSummaryDialog)
    save(summary, "bundle-checked-th")
    summary.accept()
    key_dialog = dialog_of(KeyCreateDialog)
    save(key_dialog, "key-dialog-empty-th")
    key_dialog.passphrase.setText(DEMO_PASSPHRASE)
    key_dialog.repeat.setText(DEMO_PASSPHRASE)
    save(key_dialog, "key-dialog-filled-th")
    key_dialog.create_key()
    save(key_dialog, "key-created-th")
    key_dialog.accept()
    conflicts = dialog_of(ConflictsDialog)
    session = window.session
    entries = session.bundle.entries
    conflicts.set_conflict(entries[5].id, True, "เคยเป็นที่ปรึกษาโครงการของหน่วยงานนี้")
    save(conflicts, "conflicts-th")
    conflicts.accept()
    wait_until(lambda: window.active_dialog is None)

    # --- some scores: a few entries complete, the one on screen half done
    workspace = session.workspace
    criteria = session.bundle.round.rubric.criteria
    pattern = ["4", "3.5", "5", "3", "4.5", "4", "3"]
    for entry in entries[:4]:
        if workspace.state(entry.id).status is EntryStatus.CONFLICT:
            continue
        workspace.set_scores(entry.id, {c.id: pattern[i % len(pattern)] for i, c in enumerate(criteria)})
        workspace.set_comment(entry.id, None, "ระบบใช้งานได้จริง มีข้อมูลผู้ใช้ชัดเจน ควรขยายผลไปยังหน่วยงานข้างเคียง")
        window.notifier.changed.emit(entry.id)
    shown = next(e for e in entries[6:] if len(e.attachments) > 1)
    workspace.set_scores(shown.id, {c.id: pattern[i] for i, c in enumerate(criteria[:3])})
    workspace.set_comment(shown.id, criteria[0].id, "บริการออนไลน์ครบขั้นตอน แต่ยังไม่มีช่องทางสำหรับผู้สูงอายุ")
    window.notifier.changed.emit(shown.id)

    def show_entry(entry_id: str) -> None:
        ready: list[str] = []
        view = window.page.entry_view
        view.attachment_ready.connect(lambda e, n: ready.append(n))
        window.page.select_entry(entry_id)
        wait_until(lambda: bool(ready))
        window.page.scoring.focus_first_criterion()
        pump(200)

    show_entry(shown.id)
    save(window, "main-th")
    window.page.entry_view.show_attachment(next(a.name for a in shown.attachments if a.media_type.startswith("image/")))
    pump(400)
    save(window, "main-image-th")

    # --- the same in English, switched live
    window.set_language("en")
    show_entry(shown.id)
    save(window, "main-en")
    window.show_bundle_summary()
    save(dialog_of(BundleSummaryDialog), "bundle-checked-en")
    window.active_dialog.accept()
    wait_until(lambda: window.active_dialog is None)
    window.show_review()
    pump(200)
    if window.active_dialog is not None:
        save(window.active_dialog, "review-en")
        window.active_dialog.accept()
    window.set_language("th")
    window.show_review()
    pump(200)
    if window.active_dialog is not None:
        save(window.active_dialog, "review-th")
        window.active_dialog.accept()

    # --- export (still incomplete, so the window asks first), then the result
    target = scratch / "outbox" / "dlg-2565-r1-J01-seq001.dlgscores"
    target.parent.mkdir(parents=True, exist_ok=True)
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(target), ""))
    finished: list[object] = []
    window.export_finished.connect(finished.append)
    window.export_scores()
    confirm = dialog_of(ConfirmIncompleteDialog)
    save(confirm, "export-incomplete-th")
    confirm.export_button.click()
    unlock = dialog_of(UnlockDialog)
    unlock.passphrase.setText("wrong passphrase")
    unlock.try_unlock()
    save(unlock, "export-wrong-passphrase-th")
    unlock.passphrase.setText(DEMO_PASSPHRASE)
    unlock.try_unlock()
    wait_until(lambda: bool(finished))
    save(dialog_of(ExportResultDialog), "export-result-th")
    window.active_dialog.accept()

    # --- the start page with a recent bundle, in both languages
    window.close_bundle()
    save(window, "start-th")
    window.set_language("en")
    save(window, "start-en")
    window.close()
    QApplication.processEvents()

    _shoot_secretariat(camera)
    for path in camera.made:
        print(path)
    del app
    return 0


class Camera:
    """Saves grabs of widgets into one folder, letting the event loop run so what is grabbed is laid out."""

    def __init__(self, out: Path):
        self.out = out
        self.made: list[Path] = []

    def pump(self, ms: int = 50) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(self, condition, timeout_ms: int = 60_000) -> None:
        waited = 0
        while not condition():
            if waited > timeout_ms:
                raise TimeoutError("the window did not get there in time")
            self.pump(25)
            waited += 25

    def save(self, widget, name: str) -> None:
        self.pump(80)
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        self.made.append(path)


#: The results page's tabs, in order, as the files name them.
RESULTS_TABS = ("ranking", "stability", "judges", "distribution", "agreement", "disagreements", "calibration")


def _shoot_secretariat(camera: Camera) -> None:
    """The secretariat window on its demo: each page, then enrol, merge and results, in Thai and English."""
    from PySide6.QtWidgets import QApplication

    from .secretariat.window import SecretariatWindow

    window = SecretariatWindow()
    window.resize(1280, 800)
    window.show()
    window.set_language("th")

    def both(name: str, widget=None) -> None:
        """``widget`` (the window by default) in Thai, then in English; the window is left in Thai."""
        camera.save(widget or window, f"secretariat-{name}-th")
        window.set_language("en")
        camera.pump(150)  # every page retitles itself on the LanguageChange event Qt posts to it
        camera.save(widget or window, f"secretariat-{name}-en")
        window.set_language("th")
        camera.pump(150)

    def show(class_name: str):
        page = window.page(class_name)
        window.tabs.setCurrentWidget(page)
        camera.pump(100)
        return page

    both("start")
    window.open_demo()
    camera.wait_until(lambda: window.session is not None and window.last_message is not None, 180_000)
    camera.save(window.last_message, "secretariat-demo-opened-th")
    window.last_message.accept()
    for class_name, name in (("EntriesPage", "entries"), ("JudgesPage", "judges"), ("AssignmentPage", "assignment"),
                             ("BundlesPage", "bundles")):
        show(class_name)
        both(name)

    # --- the judges' keys, from the enrolment files the demo judges made
    judges = show("JudgesPage")
    folder = window.session.path.parent
    first, *others = sorted((folder / "enrolments").iterdir())
    confirm = judges.enrol_key_from_file(first)  # a dialog is worded when made: one per language
    camera.save(confirm, "secretariat-enrol-key-th")
    confirm.reject()
    window.set_language("en")
    confirm = judges.enrol_key_from_file(first)
    confirm.digits.setText(confirm.last_group)  # the last four digits, as read from the signed paper
    camera.save(confirm, "secretariat-enrol-key-en")
    confirm.enrol_button.click()
    window.set_language("th")
    for path in others:
        confirm = judges.enrol_key_from_file(path)
        confirm.digits.setText(confirm.last_group)
        confirm.enrol_button.click()
    both("judges-enrolled")

    # --- the score files merged, then the progress dashboard
    collect = show("CollectPage")
    both("collect-empty")
    merged: list[object] = []
    collect.merge_finished.connect(merged.append)
    collect.merge_paths([folder / "score-files"])
    camera.wait_until(lambda: bool(merged))
    both("collect-outcomes")
    collect.tabs.setCurrentIndex(collect.DASHBOARD_TAB)
    both("dashboard")
    collect.short_only.setChecked(False)
    both("dashboard-all-entries")

    # --- the method first, then the results tab by tab
    results = show("ResultsPage")
    both("results-method")
    results.method_choice.set_method("trimmed_mean")
    results.record_button.click()
    camera.wait_until(results.show_button.isEnabled)
    both("results-method-recorded")
    shown: list[object] = []
    results.results_shown.connect(shown.append)
    results.show_button.click()
    camera.wait_until(lambda: bool(shown))
    for index, name in enumerate(RESULTS_TABS[:results.tabs.count()]):
        results.tabs.setCurrentIndex(index)
        both(f"results-{name}")
    window.close()
    QApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main())
