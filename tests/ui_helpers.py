"""Helpers the window tests share (their fixtures live in conftest.py)."""

from __future__ import annotations

from ui.judge_window import JudgeWindow


def new_window(qtbot) -> JudgeWindow:
    window = JudgeWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window
