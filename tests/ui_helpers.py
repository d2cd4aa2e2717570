"""Helpers the window tests share (their fixtures live in conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from ui.judge_window import JudgeWindow


def new_window(qtbot) -> JudgeWindow:
    window = JudgeWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def drag_events(widget, urls: list[QUrl], text: str | None = None):
    """(mime, drag-enter event, drop event) of files dragged onto the middle of a widget.

    Keep the mime data alive as long as the events: they point at it.
    """
    mime = QMimeData()
    if urls:
        mime.setUrls(urls)
    if text is not None:
        mime.setText(text)
    middle = widget.rect().center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    return mime, QDragEnterEvent(middle, *args), QDropEvent(QPointF(middle), *args)
