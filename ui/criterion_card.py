"""One criterion on the scoring panel: its card, score chooser and comment box.

A :class:`CriterionCard` shows a criterion's title, weight, guidance and level
descriptors (the one matching the chosen score highlighted), a
:class:`ScoreChooser` that offers only the values the rubric allows, and a
:class:`CommentBox`. The widgets save nothing themselves: they emit what the
judge chose and show what :class:`~ui.scoring_panel.ScoringPanel` tells them
the workspace holds. :class:`WrapLabel` is the word-wrapped label the panel
also uses for its headings and banners.
"""

from __future__ import annotations

import html
import unicodedata
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from judge_app.decimals import decimal_str, fraction_str
from judge_app.model import Criterion
from judge_app.scoring import criterion_points

#: Typed characters combine ("3", ".", "5" → 3.5) when they come within this time.
TYPING_RESET_MS = 1500
#: Up to this many allowed scores show as buttons; longer scales use a drop-down list.
BUTTON_LIMIT = 21

#: The Thai Kedmanee layout's number row (and its "." key), read as what the key is labelled.
_KEDMANEE_DIGITS = {
    "ๅ": "1", "/": "2", "-": "3", "ภ": "4", "ถ": "5", "ุ": "6", "ึ": "7", "ค": "8", "ต": "9", "จ": "0",
    "ใ": ".",
}


def typed_character(text: str) -> str | None:
    """The digit or decimal point a key press means, whatever the keyboard layout."""
    if len(text) != 1:
        return None
    if text in "0123456789":
        return text
    if text in ".,":
        return "."
    if text in _KEDMANEE_DIGITS:
        return _KEDMANEE_DIGITS[text]
    if unicodedata.category(text) == "Nd":  # Thai digits ๐–๙ and other scripts' digits
        return str(unicodedata.digit(text))
    return None


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class WrapLabel(QLabel):
    """A word-wrapped plain-text label that always gets the height its text needs.

    Layouts outside a scroll area do not always honour a label's height-for-width,
    and Thai lines (with marks above and below) are tall: a banner cut in half
    would hide what the judge must read. The label claims its height itself.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setContentsMargins(0, 2, 0, 1)  # room for Thai marks above the ascent
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumHeight()) if self.minimumHeight() else hint

    def _fit(self) -> None:
        # Measured directly: QLabel's own heightForWidth grows with minimumHeight.
        margins = self.contentsMargins()
        width = max(self.width() - margins.left() - margins.right() - 2 * self.margin(), 1)
        text = self.text()
        if text:
            box = self.fontMetrics().boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, text)
            height = box.height() + margins.top() + margins.bottom() + 2 * self.margin()
        else:
            height = 0
        if height != self.minimumHeight():
            self.setMinimumHeight(height)


class ScoreChooser(QWidget):
    """Chooses one allowed score of a criterion (or none); one Tab stop.

    ``chosen(value, keyboard)``: the judge picked ``value`` (a Decimal, or None to
    clear); ``keyboard`` is True for key presses, whose successive changes merge
    into one undo step. The chooser does not change its own value: the panel
    saves the choice and then calls :meth:`set_value` with what the core holds.
    """

    chosen = Signal(object, bool)
    step_criterion = Signal(int)
    comment_requested = Signal()
    focus_changed = Signal(bool)

    def __init__(self, criterion: Criterion, parent: QWidget | None = None):
        super().__init__(parent)
        self.criterion = criterion
        self._values: list[Decimal] = criterion.allowed_scores()
        self._labels = [decimal_str(v) for v in self._values]
        self._value: Decimal | None = None
        self._typed = ""
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_RESET_MS)
        self._typing.timeout.connect(self._forget_typing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        self.buttons: list[QPushButton] = []
        self.combo: QComboBox | None = None
        if len(self._values) <= BUTTON_LIMIT:
            for index, label in enumerate(self._labels):
                button = QPushButton(label, self)
                button.setObjectName("scoreButton")
                button.setCheckable(True)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.clicked.connect(partial(self._clicked, index))
                layout.addWidget(button)
                self.buttons.append(button)
        else:
            self.combo = QComboBox(self)
            self.combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.combo.addItem("—")
            self.combo.addItems(self._labels)
            self.combo.activated.connect(self._combo_activated)
            layout.addWidget(self.combo)
        layout.addSpacing(8)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setToolTip(self.tr("Clear this score (Delete)"))
        self.clear_button.clicked.connect(self._clear_clicked)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setAccessibleName(criterion.id)
        self._sync()

    # ------------------------------------------------------------ value

    def value(self) -> Decimal | None:
        return self._value

    def values(self) -> list[Decimal]:
        return list(self._values)

    def set_value(self, value: Decimal | None) -> None:
        """Show ``value`` (what the workspace holds) without emitting anything."""
        self._value = value
        self._sync()

    def _sync(self) -> None:
        for value, button in zip(self._values, self.buttons):
            button.setChecked(self._value is not None and value == self._value)
        if self.combo is not None:
            position = self._index_of(self._value)
            self.combo.setCurrentIndex(0 if position is None else position + 1)
        self.clear_button.setEnabled(self._value is not None)
        shown = "—" if self._value is None else decimal_str(self._value)
        self.setAccessibleDescription(shown)

    def _index_of(self, value: Decimal | None) -> int | None:
        if value is None:
            return None
        for index, allowed in enumerate(self._values):
            if allowed == value:
                return index
        return None

    # ------------------------------------------------------------ mouse

    def _clicked(self, index: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._forget_typing()
        self._sync()  # undo the button's own toggle; the saved value will be shown
        self.chosen.emit(self._values[index], False)

    def _combo_activated(self, position: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._sync()
        self.chosen.emit(None if position <= 0 else self._values[position - 1], False)

    def _clear_clicked(self) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._forget_typing()
        self.chosen.emit(None, False)

    # ------------------------------------------------------------ keyboard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers()
        blocking = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                    | Qt.KeyboardModifier.MetaModifier)
        if modifiers & blocking:
            super().keyPressEvent(event)  # leave shortcuts (Ctrl+Z…) to the window
            return
        key = event.key()
        if key == Qt.Key.Key_Right:
            self._step(+1)
        elif key == Qt.Key.Key_Left:
            self._step(-1)
        elif key == Qt.Key.Key_Home:
            self._choose(self._values[0])
        elif key == Qt.Key.Key_End:
            self._choose(self._values[-1])
        elif key == Qt.Key.Key_Up:
            self.step_criterion.emit(-1)
        elif key == Qt.Key.Key_Down:
            self.step_criterion.emit(+1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._forget_typing()
            if self._value is not None:
                self.chosen.emit(None, True)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.comment_requested.emit()
        else:
            character = typed_character(event.text())
            if character is None:
                super().keyPressEvent(event)
                return
            self._type(character)
        event.accept()

    def _step(self, delta: int) -> None:
        self._forget_typing()
        position = self._index_of(self._value)
        if position is None:
            if delta > 0:
                self._choose(self._values[0])
            return
        target = min(max(position + delta, 0), len(self._values) - 1)
        if target != position:
            self._choose(self._values[target])

    def _type(self, character: str) -> None:
        for candidate in (self._typed + character, character):
            if any(label.startswith(candidate) for label in self._labels):
                self._typed = candidate
                self._typing.start()
                if candidate in self._labels:
                    self._choose(self._values[self._labels.index(candidate)])
                return
        self._forget_typing()  # not a score this criterion allows: nothing happens

    def _choose(self, value: Decimal) -> None:
        if value != self._value:
            self.chosen.emit(value, True)

    def _forget_typing(self) -> None:
        self._typed = ""
        self._typing.stop()

    # ------------------------------------------------------------ focus

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()
        self.focus_changed.emit(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._forget_typing()
        self.update()
        self.focus_changed.emit(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 5, 5)
            painter.end()


class CommentBox(QPlainTextEdit):
    """A few lines of comment; Tab leaves the box; tells the panel when focus leaves."""

    focus_left = Signal()
    focus_entered = Signal()

    def __init__(self, criterion_id: str | None, lines: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.criterion_id = criterion_id
        self.dirty = False
        self.lines = lines
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def _fit_height(self) -> None:
        metrics = QFontMetrics(self.font())
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(metrics.lineSpacing() * self.lines + frame + 4)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focus_entered.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    def show_text(self, text: str) -> None:
        """Show saved text without it counting as the judge's typing."""
        self.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            self.blockSignals(False)
        self.dirty = False


class CriterionCard(QFrame):
    """One criterion: title, weight, guidance, level descriptors, score chooser, comment."""

    def __init__(self, criterion: Criterion, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.criterion = criterion
        self.setObjectName("criterionCard")
        self.setProperty("current", False)
        english = language == "en"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)

        head = QHBoxLayout()
        head.setSpacing(12)
        title = criterion.title_en if english else criterion.title_th
        self.title_label = QLabel(f"{criterion.id}  {title}", self)
        self.title_label.setObjectName("criterionTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        head.addWidget(self.title_label, 1)
        self.weight_label = QLabel(self)
        self.weight_label.setObjectName("weightLabel")
        self.weight_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.weight_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        guidance = criterion.guidance_en if english else criterion.guidance_th
        self.guidance_label = QLabel(guidance, self)
        self.guidance_label.setObjectName("guidanceLabel")
        self.guidance_label.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setVisible(bool(guidance))
        layout.addWidget(self.guidance_label)

        self.level_labels: list[QLabel] = []
        for level in criterion.levels:
            text = level.description_en if english else level.description_th
            label = QLabel(f"<b>{html.escape(decimal_str(level.score))}</b>&nbsp;&nbsp;{html.escape(text)}", self)
            label.setObjectName("levelLabel")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setProperty("active", False)
            layout.addWidget(label)
            self.level_labels.append(label)

        self.chooser = ScoreChooser(criterion, self)
        self.chooser.setAccessibleName(f"{criterion.id} {title}")
        self.chooser.setToolTip(self.tr("Score: type 3 or 3.5, or use ←/→"))
        layout.addWidget(self.chooser)

        self.comment = CommentBox(criterion.id, 2, self)
        self.comment.setPlaceholderText(self.tr("Comment on this criterion (optional)"))
        self.comment.setAccessibleName(self.tr("Comment on %1").replace("%1", criterion.id))
        layout.addWidget(self.comment)

    def show_score(self, value: Decimal | None) -> None:
        self.chooser.set_value(value)
        active = self.criterion.level_for(value) if value is not None else None
        for level, label in zip(self.criterion.levels, self.level_labels):
            on = active is not None and level.score == active.score
            if label.property("active") != on:
                label.setProperty("active", on)
                _repolish(label)
        weight = decimal_str(self.criterion.weight)
        if value is None:
            self.weight_label.setText(self.tr("weight %1").replace("%1", weight))
        else:
            points = fraction_str(criterion_points(self.criterion, value), 2)
            self.weight_label.setText(
                self.tr("weight %1 · earns %2").replace("%1", weight).replace("%2", points))

    def set_current(self, current: bool) -> None:
        if self.property("current") != current:
            self.setProperty("current", current)
            _repolish(self)


__all__ = ["CommentBox", "CriterionCard", "ScoreChooser", "WrapLabel", "typed_character"]
