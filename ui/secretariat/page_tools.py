"""Small pieces the secretariat window's pages and dialogs are built from, so each says only what is its own.

Texts here come from the callers, already translated (``self.tr`` in the page
or dialog that shows them): a helper has no words of its own, so the Thai
translations stay with the classes they belong to.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from judge_app.secretariat import ContestDatabase

from ..dialogs import big_font, documents_folder
from ..i18n import app_settings
from ..worker import Op, Report
from .session import SecretariatSession

#: The colour of a problem said in a dialog (a wrong passphrase, a missing field).
ERROR_COLOUR = "#b00020"

DialogT = TypeVar("DialogT", bound=QDialog)


def when(iso: str | None) -> str:
    """A stored UTC time as a person reads it (date and minute)."""
    return iso[:16].replace("T", " ") + " UTC" if iso else ""


def fill(text: str, *values: object) -> str:
    """Qt-style ``%1 … %9`` placeholders, filled from the highest so %1 never eats %10's digits."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


# ---------------------------------------------------------------- widgets


def heading_and_intro(page: QWidget, layout: QBoxLayout, scale: float = 1.3) -> tuple[QLabel, QLabel]:
    """A page's title in a large font and the wrapped paragraph under it (their texts are set on retranslate)."""
    heading = QLabel()
    heading.setFont(big_font(page, scale))
    layout.addWidget(heading)
    intro = QLabel()
    intro.setWordWrap(True)
    layout.addWidget(intro)
    return heading, intro


def wrapped_label(parent: QWidget | None = None) -> QLabel:
    """A label that wraps its text and lets the officer select and copy it (a message, a figure, a path)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str, colour: str) -> None:
    """Feedback in the page itself (not a popup), coloured by how it went; hidden when there is nothing to say."""
    label.setText(text)
    label.setStyleSheet(f"color: {colour};")
    label.setVisible(bool(text))


class PageMessage:
    """A page's feedback line (see :func:`show_message`) that words itself again after a language change.

    ``say`` takes a function that makes the text, not the text, so the page's
    ``retranslate`` can call :meth:`reword` and the last message follows the
    language; a core message (the same in every language) is passed as
    ``lambda: text``.
    """

    def __init__(self, label: QLabel):
        self.label = label
        self._words: Callable[[], str] | None = None
        self._colour = ""

    def say(self, words: Callable[[], str], colour: str) -> None:
        self._words, self._colour = words, colour
        show_message(self.label, words(), colour)

    def reword(self) -> None:
        if self._words is not None:
            show_message(self.label, self._words(), self._colour)


def error_label() -> QLabel:
    """Where a dialog says what is wrong with what was typed (empty until then)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setAccessibleName("error")
    return label


def search_box(accessible_name: str) -> QLineEdit:
    """A search field with a clear button (its placeholder is set on retranslate)."""
    edit = QLineEdit()
    edit.setClearButtonEnabled(True)
    edit.setAccessibleName(accessible_name)
    return edit


def button(clicked: Callable[[], Any]) -> QPushButton:
    """A push button that calls ``clicked`` (its text is set on retranslate)."""
    push = QPushButton()
    push.clicked.connect(lambda _checked=False: clicked())
    return push


def button_row(*widgets: QWidget | None) -> QHBoxLayout:
    """Buttons left to right; ``None`` is where the spare room goes (after the last one if no ``None``)."""
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    if None not in widgets:
        row.addStretch(1)
    return row


class FittingSplitter(QSplitter):
    """A vertical splitter that calls ``fit`` after each resize (shown, the window resized), to share its room anew."""

    def __init__(self, fit: Callable[[], None]):
        super().__init__(Qt.Orientation.Vertical)
        self._fit = fit
        self.moved_by_hand = False  # the officer dragged it: ``fit`` should leave it where it is
        self.splitterMoved.connect(lambda *_: setattr(self, "moved_by_hand", True))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def fit_first_to(self, table: QTableView, share: float = 0.6) -> None:
        """The first pane as tall as ``table``'s rows (at most ``share`` of the room); the second has the rest."""
        total = sum(self.sizes())
        if self.moved_by_hand or total <= 0:
            return
        needed = (table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
                  + 2 * table.frameWidth() + 2)
        if table.horizontalHeader().length() > table.viewport().width():
            needed += table.horizontalScrollBar().sizeHint().height()
        first = min(needed, int(total * share))
        self.setSizes([first, total - first])


def dialog_buttons(dialog: QDialog, layout: QBoxLayout, text: str, on_accept: Callable[[], Any] | None = None, *,
                   cancel_is_default: bool = False) -> QPushButton:
    """The dialog's own button (``text``) beside Cancel; returns the own button.

    The own button calls ``on_accept`` (else accepts the dialog) and is the
    default one, unless ``cancel_is_default``: a check that must be confirmed on
    purpose, never by a stray Enter. Then the own button is not even an
    auto-default one, so having the focus does not make it the default either.
    """
    buttons = QDialogButtonBox()
    own = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    (cancel if cancel_is_default else own).setDefault(True)
    if cancel_is_default:
        own.setAutoDefault(False)
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return own


def open_dialog(owner: QObject, dialog: DialogT) -> DialogT:
    """Show ``dialog`` window-modal without blocking; it is ``owner.active_dialog`` until it closes.

    The dialog deletes itself once closed. It holds its owner only weakly: were the
    owner's last reference in the dialog's own connection, the owner (and the
    dialog, its child) would be deleted again while the dialog is being deleted.
    """
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    owner.active_dialog = dialog
    owner_ref = weakref.ref(owner)
    dialog.finished.connect(lambda _result, d=dialog: _forget_dialog(owner_ref(), d))
    dialog.open()
    return dialog


def _forget_dialog(owner: QObject | None, dialog: QDialog) -> None:
    if owner is not None and getattr(owner, "active_dialog", None) is dialog:
        owner.active_dialog = None


# ---------------------------------------------------------------- folders


def start_folder(key: str) -> str:
    """Where a file dialog opens: the folder remembered under ``key`` if it is still there, else Documents."""
    remembered = app_settings().value(key, "")
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return remembered
    return str(documents_folder())


def remember_folder(key: str, folder: str | Path) -> None:
    """Remember ``folder`` under ``key`` for the next file dialog."""
    settings = app_settings()
    settings.setValue(key, str(folder))
    settings.sync()


# ---------------------------------------------------------------- work off the GUI thread


def db_op(owner: QObject, session: SecretariatSession, work: Callable[[ContestDatabase, Report], Any],
          **callbacks: Any) -> Op:
    """An :class:`~ui.worker.Op` (not started) whose ``work(db, report)`` gets a connection of its own.

    A SQLite connection belongs to the thread that opened it, so the worker
    opens one and closes it when ``work`` returns or fails. ``callbacks`` are
    Op's ``done``, ``failed`` and ``progress``.
    """
    open_db = session.open_db

    def run(report: Report) -> Any:
        with open_db() as db:
            return work(db, report)

    return Op(owner, run, **callbacks)
