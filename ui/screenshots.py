"""Grab the judge window to PNG files, in Thai and in English, on the demo contest.

    python -m ui.screenshots OUTDIR

Runs offscreen (unless QT_QPA_PLATFORM says otherwise) in a throw-away data
folder, so it never touches a person's workspaces, keys or settings. Makes:
the start page, the bundle check, the key dialog (empty and filled) and the
new key, the conflicts pass, the main page with a PDF attachment rendered and
some scores (Thai and English), the export steps and the export result, and
the review dialog. Look at every file before calling a screen done.
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
    from PySide6.QtCore import QEventLoop, QTimer
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
    made: list[Path] = []

    def pump(ms: int = 50) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(condition, timeout_ms: int = 60_000) -> None:
        waited = 0
        while not condition():
            if waited > timeout_ms:
                raise TimeoutError("the window did not get there in time")
            pump(25)
            waited += 25

    def save(widget, name: str) -> None:
        pump(80)
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        made.append(path)

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
    for path in made:
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
