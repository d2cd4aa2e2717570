"""The scoring panel: one entry's criteria, scores, comments and total.

For each criterion the judge sees its title, weight, guidance and level
descriptors (the one matching the chosen score highlighted), a score chooser
that offers only the values the rubric allows, and a comment box. Everything
is keyboard-first: type "3" or "3.5", ←/→ change the score, Tab, ↑/↓ move to
the next or previous criterion, Enter jumps to the criterion's comment,
Delete clears.

Every change is an undo command on the window's shared stack (see
:mod:`ui.undo`); the saved-state label says "saved" only after the core call
returned. Comments save as the judge types (after a short pause) and at once
when the box loses focus or the entry changes, so text is never lost.
"""

from __future__ import annotations

import html
import sqlite3
import unicodedata
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPen, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from judge_app.decimals import decimal_str, fraction_str
from judge_app.errors import JudgeAppError
from judge_app.judging import JudgeSession
from judge_app.model import Criterion
from judge_app.scoring import EntryStatus, criterion_points, total_str
from judge_app.workspace import EntryState

from .undo import ChangeNotifier, DeclareConflictCommand, SetCommentCommand, SetScoreCommand, WithdrawConflictCommand

#: Comments are saved this long after the judge stops typing (and at once on focus-out).
COMMENT_SAVE_DELAY_MS = 600
#: Typed characters combine ("3", ".", "5" → 3.5) when they come within this time.
TYPING_RESET_MS = 1500
#: Up to this many allowed scores show as buttons; longer scales use a drop-down list.
BUTTON_LIMIT = 21

#: The Thai Kedmanee layout's number row (and its "." key), read as what the key is labelled.
_KEDMANEE_DIGITS = {
    "ๅ": "1", "/": "2", "-": "3", "ภ": "4", "ถ": "5", "ุ": "6", "ึ": "7", "ค": "8", "ต": "9", "จ": "0",
    "ใ": ".",
}

_STYLE = """
QFrame#criterionCard { background: palette(base); border: 1px solid #d3d8df; border-radius: 8px; }
QFrame#criterionCard[current="true"] { border: 2px solid #2f6fdf; }
QLabel#criterionTitle { font-weight: bold; }
QLabel#weightLabel { color: #4a5260; }
QLabel#guidanceLabel, QLabel#mutedLabel { color: #5b626c; }
QLabel#levelLabel { padding: 3px 6px; border-radius: 4px; border: 1px solid transparent; color: #3b4048; }
QLabel#levelLabel[active="true"] { background: #e4edff; border: 1px solid #9db8ef; color: #0d2a5c; }
QLabel#levelLabel:disabled, QLabel#guidanceLabel:disabled, QLabel#weightLabel:disabled { color: #9aa1ab; }
QPushButton#scoreButton { min-width: 26px; padding: 3px 2px; }
QPushButton#scoreButton:checked {
    background: #2f6fdf; color: white; border: 1px solid #1f4fa8; border-radius: 4px; font-weight: bold;
}
QPushButton#scoreButton:checked:disabled { background: #aab6c9; border-color: #97a3b6; }
QFrame#conflictBanner { background: #f5eefc; border: 1px solid #8a4fbf; border-radius: 6px; }
QFrame#scoreFooter { border-top: 1px solid #d3d8df; }
QLabel#totalLabel { font-weight: bold; }
"""


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


class ScoringPanel(QWidget):
    """Scores and comments of one entry, saved through undo commands as the judge works.

    ``entry_changed(entry_id)`` is emitted after every saved change (including
    undo and redo), once the panel shows it.
    """

    entry_changed = Signal(str)

    def __init__(self, session: JudgeSession, undo_stack: QUndoStack, notifier: ChangeNotifier,
                 parent: QWidget | None = None, language: str = "th"):
        super().__init__(parent)
        self.session = session
        self.undo_stack = undo_stack
        self.notifier = notifier
        self.language = language
        self._entry_id: str | None = None
        self._state: EntryState | None = None
        self._push_failed = False
        self.setStyleSheet(_STYLE)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(COMMENT_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.commit_pending)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        # Header: which entry, and the conflict-of-interest controls.
        header = QWidget(self)
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(12, 10, 12, 8)
        header_layout.setSpacing(6)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.entry_title = WrapLabel("", header)
        font = self.entry_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.entry_title.setFont(font)
        titles.addWidget(self.entry_title)
        self.entry_org = WrapLabel("", header)
        self.entry_org.setObjectName("mutedLabel")
        titles.addWidget(self.entry_org)
        top.addLayout(titles, 1)
        self.declare_button = QPushButton(self.tr("Declare conflict of interest…"), header)
        self.declare_button.setToolTip(self.tr("Use this when you cannot judge this entry impartially"))
        self.declare_button.clicked.connect(self._declare_clicked)
        top.addWidget(self.declare_button, 0, Qt.AlignmentFlag.AlignTop)
        header_layout.addLayout(top)

        self.conflict_banner = QFrame(header)
        self.conflict_banner.setObjectName("conflictBanner")
        banner_layout = QHBoxLayout(self.conflict_banner)
        banner_layout.setContentsMargins(12, 8, 12, 8)
        self.conflict_label = WrapLabel("", self.conflict_banner)
        banner_layout.addWidget(self.conflict_label, 1)
        self.withdraw_button = QPushButton(self.tr("Withdraw declaration"), self.conflict_banner)
        self.withdraw_button.clicked.connect(self.withdraw_conflict)
        banner_layout.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.conflict_banner.hide()
        header_layout.addWidget(self.conflict_banner)

        self.keys_hint = WrapLabel(
            self.tr("Keys: type 3 or 3.5 · ←/→ change · Tab or ↓ next criterion · Enter comment · Delete clear"),
            header,
        )
        self.keys_hint.setObjectName("mutedLabel")
        header_layout.addWidget(self.keys_hint)
        outer.addWidget(header)

        # The criteria, in a scroll area.
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(12, 4, 12, 12)
        content_layout.setSpacing(10)
        self.cards: list[CriterionCard] = []
        for criterion in session.bundle.round.rubric.criteria:
            card = CriterionCard(criterion, language, content)
            card.chooser.chosen.connect(partial(self._score_chosen, card))
            card.chooser.step_criterion.connect(partial(self._step_criterion, card))
            card.chooser.comment_requested.connect(card.comment.setFocus)
            card.chooser.focus_changed.connect(partial(self._card_focus, card))
            card.comment.focus_entered.connect(partial(self._card_focus, card, True))
            card.comment.focus_left.connect(partial(self._card_focus, card, False))
            self._watch_comment(card.comment)
            content_layout.addWidget(card)
            self.cards.append(card)

        overall_title = QLabel(self.tr("Overall comment"), content)
        overall_title.setObjectName("criterionTitle")
        content_layout.addWidget(overall_title)
        self.overall_comment = CommentBox(None, 4, content)
        self.overall_comment.setPlaceholderText(self.tr("Overall comment on this entry (optional)"))
        self.overall_comment.setAccessibleName(self.tr("Overall comment"))
        self._watch_comment(self.overall_comment)
        content_layout.addWidget(self.overall_comment)
        content_layout.addStretch(1)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)

        # Footer: the live total and whether everything is saved.
        footer = QFrame(self)
        footer.setObjectName("scoreFooter")
        footer_layout = QHBoxLayout(footer)
        footer_layout.setContentsMargins(12, 8, 12, 8)
        self.total_label = QLabel(footer)
        self.total_label.setObjectName("totalLabel")
        footer_layout.addWidget(self.total_label)
        footer_layout.addStretch(1)
        self.saved_label = WrapLabel("", footer)
        self.saved_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.saved_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        footer_layout.addWidget(self.saved_label, 1)
        outer.addWidget(footer)

        chain: list[QWidget] = [self.declare_button, self.withdraw_button]
        for card in self.cards:
            chain += [card.chooser, card.comment]
        chain.append(self.overall_comment)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

        notifier.changed.connect(self._on_changed)
        notifier.failed.connect(self._on_failed)
        self.set_entry(None)

    # ------------------------------------------------------------ public

    @property
    def entry_id(self) -> str | None:
        return self._entry_id

    @property
    def comment_boxes(self) -> list[CommentBox]:
        return [card.comment for card in self.cards] + [self.overall_comment]

    def set_entry(self, entry_id: str | None) -> None:
        """Show another entry; pending comment text of the current one is saved first."""
        self.commit_pending()
        self._entry_id = entry_id
        self._state = None
        for box in self.comment_boxes:
            box.dirty = False
        if entry_id is None:
            self.entry_title.setText(self.tr("No entry chosen"))
            self.entry_org.setText("")
            for card in self.cards:
                card.show_score(None)
                card.comment.show_text("")
            self.overall_comment.show_text("")
            self.total_label.setText("")
            self.saved_label.setText("")
            self.setEnabled(False)
            return
        self.setEnabled(True)
        entry = self.session.bundle.entry(entry_id)
        self.entry_title.setText(f"{entry.id}  {entry.project_title}")
        self.entry_org.setText(f"{entry.org_name} · {entry.province}")
        self._load(force_text=True)
        self.scroll.verticalScrollBar().setValue(0)
        if self._state is not None:
            self._show_saved_state("clean")

    def focus_first_criterion(self) -> None:
        """Put the keyboard on the first criterion's score (or the overall comment under a conflict)."""
        target: QWidget = self.overall_comment
        if self.cards and self.cards[0].chooser.isEnabled():
            target = self.cards[0].chooser
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(target, 0, 0)

    def commit_pending(self) -> bool:
        """Save every comment typed but not yet saved; True when nothing is left unsaved."""
        self._save_timer.stop()
        if self._entry_id is None:
            return True
        dirty = [box for box in self.comment_boxes if box.dirty]
        if not dirty:
            return True
        try:
            state = self.session.workspace.state(self._entry_id)
        except (JudgeAppError, sqlite3.Error) as exc:
            self._show_error(str(exc))
            return False
        all_saved = True
        for box in dirty:
            text = box.toPlainText()
            if box.criterion_id is None:
                old = state.overall_comment
            else:
                old = state.comments.get(box.criterion_id, "")
            if text == old or (not text.strip() and not old):
                box.dirty = False
                continue
            self._push_failed = False
            self.undo_stack.push(SetCommentCommand(
                self.session, self._entry_id, box.criterion_id, old, text, self.notifier))
            if self._push_failed:
                all_saved = False  # the text stays in the box, marked unsaved
            else:
                box.dirty = False
        if all_saved:
            self._show_saved_state("saved")
        return all_saved

    def declare_conflict(self, reason: str = "") -> None:
        """Declare a conflict of interest on the shown entry (undoable; scores come back on undo)."""
        if self._entry_id is None:
            return
        self.commit_pending()
        self.undo_stack.push(DeclareConflictCommand(self.session, self._entry_id, reason, self.notifier))

    def withdraw_conflict(self) -> None:
        if self._entry_id is None:
            return
        self.undo_stack.push(WithdrawConflictCommand(self.session, self._entry_id, self.notifier))

    def ask_conflict_reason(self) -> str | None:
        """Ask for an optional reason; None when the judge cancels."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Declare conflict of interest"),
            self.tr("This entry will not be scored; scores already given are set aside.\nReason (optional):"),
            QLineEdit.EchoMode.Normal,
        )
        return text.strip() if ok else None

    def refresh(self) -> None:
        """Re-read the shown entry from the workspace."""
        if self._entry_id is not None:
            self._load()

    # ------------------------------------------------------------ showing

    def _load(self, force_text: bool = False) -> None:
        assert self._entry_id is not None
        try:
            state = self.session.workspace.state(self._entry_id)
        except (JudgeAppError, sqlite3.Error) as exc:
            self._show_error(str(exc))
            return
        self._state = state
        conflict = state.status == EntryStatus.CONFLICT
        for card in self.cards:
            card.show_score(state.scores.get(card.criterion.id))
            self._show_comment(card.comment, state.comments.get(card.criterion.id, ""), force_text)
            card.setEnabled(not conflict)
        self._show_comment(self.overall_comment, state.overall_comment, force_text)
        self.conflict_banner.setVisible(conflict)
        self.declare_button.setVisible(not conflict)
        if conflict:
            reason = state.conflict_reason or self.tr("no reason given")
            self.conflict_label.setText(
                self.tr("You declared a conflict of interest: %1. This entry is not scored.").replace("%1", reason))
        self._show_total(state)

    def _show_comment(self, box: CommentBox, saved: str, force: bool) -> None:
        if force:
            box.show_text(saved)
            return
        if box.dirty:
            return  # the judge's unsaved typing wins until it is saved
        current = box.toPlainText()
        if current == saved or (not current.strip() and not saved):
            return
        box.show_text(saved)

    def _show_total(self, state: EntryState) -> None:
        if state.status == EntryStatus.CONFLICT:
            self.total_label.setText(self.tr("Not scored: conflict of interest"))
        elif state.total is not None:
            self.total_label.setText(self.tr("Total %1 / 100").replace("%1", total_str(state.total)))
        else:
            text = self.tr("Not complete: %1 of %2 criteria scored")
            self.total_label.setText(text.replace("%1", str(len(state.scores))).replace("%2", str(len(self.cards))))

    def _show_saved_state(self, kind: str) -> None:
        if kind != "error" and any(box.dirty for box in self.comment_boxes):
            kind = "pending"
        if kind == "pending":
            text, colour = self.tr("Not saved yet…"), "#9a6700"
        elif kind == "saved":
            time = QTime.currentTime().toString("HH:mm:ss")
            text, colour = self.tr("Saved at %1").replace("%1", time), "#1f7a3f"
        else:
            text, colour = self.tr("All changes saved"), "#5b626c"
        self.saved_label.setStyleSheet(f"color: {colour};")
        self.saved_label.setText(text)

    def _show_error(self, message: str) -> None:
        self.saved_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.saved_label.setText(self.tr("Not saved: %1").replace("%1", message))

    # ------------------------------------------------------------ reacting

    def _watch_comment(self, box: CommentBox) -> None:
        box.textChanged.connect(partial(self._comment_edited, box))
        box.focus_left.connect(self.commit_pending)

    def _comment_edited(self, box: CommentBox) -> None:
        if self._entry_id is None:
            return
        box.dirty = True
        self._show_saved_state("pending")
        self._save_timer.start()

    def _score_chosen(self, card: CriterionCard, value: Decimal | None, keyboard: bool) -> None:
        if self._entry_id is None:
            return
        try:
            old = self.session.workspace.scores_of(self._entry_id).get(card.criterion.id)
        except (JudgeAppError, sqlite3.Error) as exc:
            self._show_error(str(exc))
            return
        if old == value:
            card.show_score(old)
            return
        self.undo_stack.push(SetScoreCommand(
            self.session, self._entry_id, card.criterion.id, old, value, self.notifier, merge=keyboard))

    def _on_changed(self, entry_id: str) -> None:
        if entry_id == self._entry_id:
            self._load()
            self._show_saved_state("saved")
        self.entry_changed.emit(entry_id)

    def _on_failed(self, entry_id: str, message: str) -> None:
        self._push_failed = True
        if entry_id == self._entry_id:
            self._load()  # show what the workspace really holds; unsaved comment text stays
        self._show_error(message)

    def _declare_clicked(self) -> None:
        reason = self.ask_conflict_reason()
        if reason is not None:
            self.declare_conflict(reason)

    # ------------------------------------------------------------ keyboard

    def _card_focus(self, card: CriterionCard, focused: bool) -> None:
        card.set_current(focused)
        if focused:
            self.scroll.ensureWidgetVisible(card, 0, 0)
            self.scroll.ensureWidgetVisible(card.chooser, 0, 24)

    def _step_criterion(self, card: CriterionCard, delta: int) -> None:
        index = self.cards.index(card) + delta
        if 0 <= index < len(self.cards):
            self.cards[index].chooser.setFocus(
                Qt.FocusReason.TabFocusReason if delta > 0 else Qt.FocusReason.BacktabFocusReason)
        elif index >= len(self.cards):
            self.overall_comment.setFocus(Qt.FocusReason.TabFocusReason)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        """Tab moves from criterion to criterion; a criterion's comment is one Enter away."""
        focus = QApplication.focusWidget()
        target: QWidget | None = None
        for index, card in enumerate(self.cards):
            if focus is card.chooser:
                if next:
                    target = self.cards[index + 1].chooser if index + 1 < len(self.cards) else self.overall_comment
                elif index > 0:
                    target = self.cards[index - 1].chooser
            elif focus is card.comment:
                if next:
                    target = self.cards[index + 1].chooser if index + 1 < len(self.cards) else self.overall_comment
                else:
                    target = card.chooser
            if target is not None:
                break
        if target is not None and target.isEnabled() and target.isVisible():
            target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
            return True
        return super().focusNextPrevChild(next)

    def hideEvent(self, event) -> None:
        self.commit_pending()
        super().hideEvent(event)
