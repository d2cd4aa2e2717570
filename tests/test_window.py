"""The window starts offscreen on the demo contest and shows it in Thai with the bundled font."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QListWidget

from ui.app import ContestOverview, load_demo_contest
from ui.fonts import install_fonts


def test_overview_shows_the_demo_contest(qtbot, qapp, tmp_path):
    family = install_fonts(qapp)
    assert family == "Sarabun"
    contest, source = load_demo_contest()
    window = ContestOverview(contest, source)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert contest.title_th in window.windowTitle()
    lists = {w.accessibleName(): w for w in window.findChildren(QListWidget)}
    assert lists["entries"].count() == len(contest.entries)
    assert lists["rubric criteria"].count() == len(contest.rounds[0].rubric.criteria)
    assert QFontInfo(window.font()).family() == "Sarabun"
    image = window.grab()
    assert not image.isNull() and image.width() > 500
    image.save(str(tmp_path / "overview.png"))


def test_demo_contest_is_built_once_and_reused(qapp):
    first, source = load_demo_contest()
    again, same_source = load_demo_contest()
    assert source == same_source and first == again
