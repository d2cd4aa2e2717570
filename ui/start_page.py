"""The first page a judge sees: open a bundle, reopen a recent one, or try the demo."""

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


class StartPage(QWidget):
    """Buttons to open a bundle or the demo, the recent bundles, and progress while one is checked."""

    open_file_requested = Signal()
    open_path_requested = Signal(str)
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("startPage")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        outer.addLayout(column, 4)
        outer.addStretch(1)

        column.addStretch(1)
        self.title = QLabel(self.tr("Digital Local Government award — judging"))
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.9)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        column.addWidget(self.title)
        self.intro = QLabel(self.tr(
            "Open the entry bundle (a .dlgbundle file) that the secretariat sent you. "
            "Everything stays on this computer and works without the internet. "
            "Your scores are saved the moment you enter them."))
        self.intro.setWordWrap(True)
        column.addWidget(self.intro)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open a bundle…"))
        self.open_button.setDefault(True)
        self.open_button.setMinimumHeight(44)
        self.open_button.setAccessibleName("open bundle")
        self.open_button.clicked.connect(self.open_file_requested)
        buttons.addWidget(self.open_button, 2)
        self.demo_button = QPushButton(self.tr("Open the demo contest"))
        self.demo_button.setMinimumHeight(44)
        self.demo_button.setAccessibleName("open demo")
        self.demo_button.clicked.connect(self.demo_requested)
        buttons.addWidget(self.demo_button, 1)
        column.addLayout(buttons)
        self.drop_hint = QLabel(self.tr("You can also drag a bundle file onto this window."))
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet(f"color: {MUTED};")
        column.addWidget(self.drop_hint)

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
        column.addWidget(self.busy)

        self.recent_label = QLabel(self.tr("Recent bundles"))
        bold = QFont(self.font())
        bold.setBold(True)
        self.recent_label.setFont(bold)
        column.addWidget(self.recent_label)
        self.recent = QListWidget()
        self.recent.setAccessibleName("recent bundles")
        self.recent.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.recent.itemActivated.connect(self._recent_activated)
        column.addWidget(self.recent)
        self.recent_empty = QLabel(self.tr("No bundle opened yet on this computer."))
        self.recent_empty.setStyleSheet(f"color: {MUTED};")
        column.addWidget(self.recent_empty)
        column.addStretch(1)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}\n{Path(path).parent}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            if not Path(path).exists():
                item.setText(f"{Path(path).name}\n" + self.tr("(file no longer there) %1").replace("%1", str(Path(path).parent)))
                item.setForeground(QColor(MUTED))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.recent_empty.setVisible(not paths)
        if paths:  # as tall as its items (up to eight), not a large empty box
            rows = sum(self.recent.sizeHintForRow(i) for i in range(min(len(paths), 8)))
            self.recent.setFixedHeight(rows + 2 * self.recent.frameWidth() + 4)

    def recent_paths(self) -> list[str]:
        return [self.recent.item(i).data(PATH_ROLE) for i in range(self.recent.count())]

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.open_path_requested.emit(item.data(PATH_ROLE))

    def show_busy(self, text: str, fraction: float | None = None) -> None:
        """Say what is being done; a fraction shows a bar, None a moving one."""
        self.busy_label.setText(text)
        if fraction is None:
            self.busy_bar.setRange(0, 0)
        else:
            self.busy_bar.setRange(0, 1000)
            self.busy_bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        self.busy.show()
        self.open_button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.recent.setEnabled(False)

    def hide_busy(self) -> None:
        self.busy.hide()
        self.open_button.setEnabled(True)
        self.demo_button.setEnabled(True)
        self.recent.setEnabled(True)
