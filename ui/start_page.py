"""The first pages: the judge's (open a bundle, recent ones, the demo, or go to the secretariat's
side) and the secretariat window's when no contest database is open.

Both share :class:`_StartColumn`: a title, a short text, a row of big buttons,
progress while something is prepared, and the files opened last.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

PATH_ROLE = Qt.ItemDataRole.UserRole
MUTED = "#5b626c"


def _bold(widget: QWidget, scale: float = 1.0) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    return font


class _StartColumn(QWidget):
    """A centred column: title, text, buttons, progress, recent files (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.buttons: list[QPushButton] = []
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        self.column = QVBoxLayout()
        self.column.setSpacing(14)
        outer.addLayout(self.column, 4)
        outer.addStretch(1)

        self.column.addStretch(1)
        self.title = QLabel()
        self.title.setFont(_bold(self, 1.9))
        self.title.setWordWrap(True)
        self.column.addWidget(self.title)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.column.addWidget(self.intro)
        self.button_row = QHBoxLayout()
        self.column.addLayout(self.button_row)
        self.hint_row = QVBoxLayout()
        self.column.addLayout(self.hint_row)

        self.busy = QFrame()
        busy_layout = QVBoxLayout(self.busy)
        busy_layout.setContentsMargins(0, 6, 0, 6)
        self.busy_label = QLabel()
        self.busy_label.setWordWrap(True)
        busy_layout.addWidget(self.busy_label)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 1000)
        self.busy_bar.setTextVisible(False)
        busy_layout.addWidget(self.busy_bar)
        self.busy.hide()
        self.column.addWidget(self.busy)

        self.recent_label = QLabel()
        self.recent_label.setFont(_bold(self))
        self.column.addWidget(self.recent_label)
        self.recent = QListWidget()
        self.recent.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.recent.itemActivated.connect(lambda item: self._path_chosen(item.data(PATH_ROLE)))
        self.column.addWidget(self.recent)
        self.recent_empty = QLabel()
        self.recent_empty.setStyleSheet(f"color: {MUTED};")
        self.column.addWidget(self.recent_empty)
        self.after_recent = QVBoxLayout()
        self.column.addLayout(self.after_recent)
        self.column.addStretch(1)

    def add_button(self, text: str, accessible: str, signal, *, stretch: int = 1, row: QHBoxLayout | None = None
                   ) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(44)
        button.setAccessibleName(accessible)
        button.clicked.connect(signal)
        (row if row is not None else self.button_row).addWidget(button, stretch)
        self.buttons.append(button)
        return button

    def _path_chosen(self, path: str) -> None:
        raise NotImplementedError

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}\n{Path(path).parent}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            if not Path(path).exists():
                gone = self.tr("(file no longer there) %1").replace("%1", str(Path(path).parent))
                item.setText(f"{Path(path).name}\n{gone}")
                item.setForeground(QColor(MUTED))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.recent_empty.setVisible(not paths)
        if paths:  # as tall as its items (up to eight), not a large empty box
            rows = sum(self.recent.sizeHintForRow(i) for i in range(min(len(paths), 8)))
            self.recent.setFixedHeight(rows + 2 * self.recent.frameWidth() + 4)

    def recent_paths(self) -> list[str]:
        return [self.recent.item(i).data(PATH_ROLE) for i in range(self.recent.count())]

    def show_busy(self, text: str, fraction: float | None = None) -> None:
        """Say what is being done; a fraction shows a bar, None a moving one."""
        self.busy_label.setText(text)
        if fraction is None:
            self.busy_bar.setRange(0, 0)
        else:
            self.busy_bar.setRange(0, 1000)
            self.busy_bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        self.busy.show()
        for widget in (*self.buttons, self.recent):
            widget.setEnabled(False)

    def hide_busy(self) -> None:
        self.busy.hide()
        for widget in (*self.buttons, self.recent):
            widget.setEnabled(True)


class StartPage(_StartColumn):
    """Buttons to open a bundle or the demo, the recent bundles, and a separate way into the secretariat's side."""

    open_file_requested = Signal()
    open_path_requested = Signal(str)
    demo_requested = Signal()
    secretariat_open_requested = Signal()
    secretariat_new_requested = Signal()
    secretariat_demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("startPage")
        self.title.setText(self.tr("Digital Local Government award — judging"))
        self.intro.setText(self.tr(
            "Open the entry bundle (a .dlgbundle file) that the secretariat sent you. "
            "Everything stays on this computer and works without the internet. "
            "Your scores are saved the moment you enter them."))
        self.recent_label.setText(self.tr("Recent bundles"))
        self.recent_empty.setText(self.tr("No bundle opened yet on this computer."))
        self.open_button = self.add_button(self.tr("Open a bundle…"), "open bundle", self.open_file_requested,
                                           stretch=2)
        self.open_button.setDefault(True)
        self.demo_button = self.add_button(self.tr("Open the demo contest"), "open demo", self.demo_requested)
        self.drop_hint = QLabel(self.tr("You can also drag a bundle file onto this window."))
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet(f"color: {MUTED};")
        self.hint_row.addWidget(self.drop_hint)
        self.recent.setAccessibleName("recent bundles")

        # The secretariat's side: another person's work, so set apart under a rule and its own heading.
        self.secretariat = QFrame()
        self.secretariat.setObjectName("secretariatSection")
        self.secretariat.setFrameShape(QFrame.Shape.StyledPanel)
        section = QVBoxLayout(self.secretariat)
        self.secretariat_title = QLabel(self.tr("For the secretariat"))
        self.secretariat_title.setFont(_bold(self, 1.2))
        section.addWidget(self.secretariat_title)
        self.secretariat_intro = QLabel(self.tr(
            "Run a round: import the entries, assign the judges, issue their bundles, merge the signed score "
            "files and see the results. This opens the secretariat's window."))
        self.secretariat_intro.setWordWrap(True)
        section.addWidget(self.secretariat_intro)
        row = QHBoxLayout()
        section.addLayout(row)
        self.secretariat_open_button = self.add_button(
            self.tr("Open a contest database…"), "open contest database", self.secretariat_open_requested, row=row)
        self.secretariat_new_button = self.add_button(
            self.tr("New contest database…"), "new contest database", self.secretariat_new_requested, row=row)
        self.secretariat_demo_button = self.add_button(
            self.tr("Try the secretariat demo"), "secretariat demo", self.secretariat_demo_requested, row=row)
        self.after_recent.addSpacing(12)
        self.after_recent.addWidget(self.secretariat)

    def _path_chosen(self, path: str) -> None:
        self.open_path_requested.emit(path)


class SecretariatStartPage(_StartColumn):
    """The secretariat window with no contest database open: open one, make one, or try the demo."""

    open_requested = Signal()
    new_requested = Signal()
    demo_requested = Signal()
    path_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("secretariatStartPage")
        self.open_button = self.add_button("", "open contest database", self.open_requested, stretch=2)
        self.open_button.setDefault(True)
        self.new_button = self.add_button("", "new contest database", self.new_requested)
        self.demo_button = self.add_button("", "secretariat demo", self.demo_requested)
        self.drop_hint = QLabel()
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet(f"color: {MUTED};")
        self.hint_row.addWidget(self.drop_hint)
        self.recent.setAccessibleName("recent contest databases")
        self.retranslate()

    def _path_chosen(self, path: str) -> None:
        self.path_requested.emit(path)

    def retranslate(self) -> None:
        """Texts again in the language in force (the window calls this on a language change)."""
        self.title.setText(self.tr("Digital Local Government award — secretariat"))
        self.intro.setText(self.tr(
            "A contest database (a .dlgcontest file) holds one contest: its entries, judges and keys, the "
            "bundles issued, every score file received and the results. Open one, make one from the contest's "
            "contest.json, or try the demo."))
        self.open_button.setText(self.tr("Open a contest database…"))
        self.new_button.setText(self.tr("New contest database…"))
        self.demo_button.setText(self.tr("Try the secretariat demo"))
        self.drop_hint.setText(self.tr("You can also drag a contest database file onto this window."))
        self.recent_label.setText(self.tr("Recent contest databases"))
        self.recent_empty.setText(self.tr("No contest database opened yet on this computer."))
