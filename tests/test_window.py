"""The window starts offscreen on its start page, in Thai with the bundled font, and opens the demo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo

from judge_app.paths import data_dir
from ui.app import prepare_app
from ui.i18n import current_language, uninstall_language
from ui.judge_window import JudgeWindow


@pytest.fixture
def app(qapp):
    application = prepare_app([])
    yield application
    uninstall_language()


def test_the_window_starts_on_its_start_page_in_thai_with_the_bundled_font(qtbot, app, tmp_path):
    assert current_language() == "th"  # the default when nothing was chosen yet
    window = JudgeWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.stack.currentWidget() is window.start_page
    assert window.windowTitle() == "ท้องถิ่นดิจิทัล — การให้คะแนน"
    assert window.start_page.open_button.text() == "เปิดชุดผลงาน…"
    assert QFontInfo(window.font()).family() == "Sarabun"
    assert not window.export_action.isEnabled()  # nothing to export before a bundle is open
    image = window.grab()
    assert not image.isNull() and image.width() > 500
    image.save(str(tmp_path / "start.png"))


def test_the_demo_contest_opens_from_the_start_page_and_is_made_once(qtbot, app):
    window = JudgeWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.session_opened, timeout=60_000):
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    bundle = window.session.bundle
    assert bundle.path.is_relative_to(data_dir() / "demo")
    assert bundle.judge.id == "J01" and bundle.contest.title_th in window.windowTitle()
    made = bundle.path.stat().st_mtime_ns
    window.close_bundle()
    with qtbot.waitSignal(window.session_opened, timeout=60_000):
        window.open_demo()
    assert window.session.bundle.path == bundle.path and bundle.path.stat().st_mtime_ns == made
