"""The judge window's dialogs: bundle check result, key, passphrase, conflicts, export result.

Each dialog gathers input or shows one result; the rules (what a strong
passphrase is, how a key is made or unlocked) are the core's. The dialogs are
shown with ``open()`` (window-modal, not blocking), so the window stays alive
and tests can fill them in like a person would.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judge_app.bundle import OpenedBundle
from judge_app.errors import JudgeAppError, WrongPassphrase
from judge_app.judging import JudgeSession
from judge_app.keys import PrivateKey, PublicKey
from judge_app.model import Entry
from judge_app.passphrase import passphrase_strength
from judge_app.thai_dates import thai_date

from .i18n import current_language

ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


def deadline_text(iso_day: str) -> str:
    """The deadline as a Thai reader expects it (Buddhist era), with the English date in English."""
    thai = thai_date(iso_day)
    if current_language() == "th":
        return thai
    day = date.fromisoformat(iso_day)
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year} ({thai})"


def grouped(text: str, size: int = 8) -> str:
    """A long hex digest in groups, easier to compare by eye."""
    return " ".join(text[i:i + size] for i in range(0, len(text), size))


def big_font(widget: QWidget, scale: float = 1.3, bold: bool = True) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def fingerprint_label(fingerprint: str, parent: QWidget) -> QLabel:
    """A key fingerprint shown large, in its groups, selectable for copying."""
    label = QLabel(fingerprint)
    label.setFont(big_font(parent, 1.5))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName("fingerprint")
    return label


def fit_to_width(dialog: QDialog, width: int) -> None:
    """Size a dialog of wrapped text to ``width`` and just the height that text needs there."""
    dialog.layout().activate()
    height = dialog.layout().totalHeightForWidth(width)
    dialog.resize(width, max(height, dialog.minimumSizeHint().height()))


def message_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str,
                informative: str = "", details: str = "") -> QMessageBox:
    """A window-modal message shown without blocking; returned so a caller (or test) can read it."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def documents_folder() -> Path:
    """Where the open and save dialogs start when no folder was remembered."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class BundleSummaryDialog(QDialog):
    """What the check of an opened bundle found, said plainly."""

    def __init__(self, bundle: OpenedBundle, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bundle checked"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        headline = QLabel(self.tr("✔ This bundle is genuine and complete."))
        headline.setFont(big_font(self, 1.35))
        headline.setStyleSheet("color: #1b7a3a;")
        layout.addWidget(headline)
        signed = QLabel(self.tr("It is signed by the secretariat key with the fingerprint"))
        signed.setWordWrap(True)
        layout.addWidget(signed)
        layout.addWidget(fingerprint_label(bundle.secretariat_key.fingerprint, self))
        if bundle.newly_pinned:
            trust = self.tr(
                "This is the first bundle of this contest on this computer, so this key is now trusted "
                "for it. Compare the fingerprint with the one the secretariat gave you (by phone or on "
                "paper); later bundles of this contest must carry the same key.")
        else:
            trust = self.tr("This key was already trusted for this contest on this computer: it is the same key.")
        self.trust_label = QLabel(trust)
        self.trust_label.setWordWrap(True)
        layout.addWidget(self.trust_label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        english = current_language() == "en"
        contest = bundle.contest
        round_ = bundle.round
        facts = QFormLayout()
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.facts: dict[str, QLabel] = {}
        rows = [
            ("contest", self.tr("Contest"), contest.title_en if english else contest.title_th),
            ("round", self.tr("Round"), round_.title_en if english else round_.title_th),
            ("judge", self.tr("Judge"), f"{bundle.judge.name} ({bundle.judge.id})"),
            ("entries", self.tr("Entries to score"), str(len(bundle.entries))),
            ("deadline", self.tr("Deadline"), deadline_text(round_.deadline)),
            ("file", self.tr("File"), bundle.path.name),
        ]
        for key, label, value in rows:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = shown
            facts.addRow(label, shown)
        layout.addLayout(facts)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(self.tr("Start judging"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        fit_to_width(self, 640)

    def summary_text(self) -> str:
        """Everything the dialog says, as plain text (for tests and for copying)."""
        parts = [label.text() for label in self.findChildren(QLabel)]
        return "\n".join(parts)


class KeyCreateDialog(QDialog):
    """Make the judge's signing key: a passphrase typed twice, then the fingerprint to write down."""

    key_created = Signal(object)  # PublicKey

    def __init__(self, session: JudgeSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.public_key: PublicKey | None = None
        self.setWindowTitle(self.tr("Your signing key"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)

        # --- page 1: choose a passphrase
        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Create your signing key"))
        heading.setFont(big_font(self, 1.3))
        ask_layout.addWidget(heading)
        intro = QLabel(self.tr(
            "Your score file is signed with a key that is made now, on this computer, and never leaves it. "
            "It is locked with a passphrase that only you know; you will type it each time you export "
            "your scores. A few words that you will remember make a good passphrase. "
            "If you forget it, a new key has to be made and registered by the secretariat."))
        intro.setWordWrap(True)
        ask_layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("passphrase")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("repeat passphrase")
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Type it again"), self.repeat)
        ask_layout.addLayout(form)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(10)
        ask_layout.addWidget(self.strength_bar)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        ask_layout.addWidget(self.hint)
        self.show_text = QCheckBox(self.tr("Show what I type"))
        self.show_text.toggled.connect(self._show_typed)
        ask_layout.addWidget(self.show_text)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        ask_layout.addWidget(self.error)
        self.pages.addWidget(ask)

        # --- page 2: the key is ready
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 0, 0, 0)
        ready = QLabel(self.tr("✔ Your key is ready."))
        ready.setFont(big_font(self, 1.3))
        ready.setStyleSheet("color: #1b7a3a;")
        done_layout.addWidget(ready)
        done_layout.addWidget(QLabel(self.tr("Its fingerprint is:")))
        self.fingerprint = fingerprint_label("", self)
        done_layout.addWidget(self.fingerprint)
        explain = QLabel(self.tr(
            "This fingerprint is printed on your score sheets, which you sign by hand; the secretariat "
            "checks it before accepting your score file. You do not need to remember it."))
        explain.setWordWrap(True)
        done_layout.addWidget(explain)
        done_layout.addStretch(1)
        self.pages.addWidget(done)

        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(self.tr("Create my key"), QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button.setDefault(True)
        self.later_button = self.buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = self.buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()
        self.create_button.clicked.connect(self.create_key)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)

        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.passphrase.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self.create_key)
        self._update()
        fit_to_width(self, 620)

    def _show_typed(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def _update(self) -> None:
        text = self.passphrase.text()
        self.error.clear()
        if not text:
            self.strength_bar.setValue(0)
            self.hint.setText(self.tr("At least 10 characters; a few words you will remember."))
            self.create_button.setEnabled(False)
            return
        strength = passphrase_strength(text)
        self.strength_bar.setValue(strength.score)
        colour = {0: "#b00020", 1: "#b26a00"}.get(strength.score, "#1b7a3a")
        self.strength_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        hint = strength.hint_th if current_language() == "th" else strength.hint_en
        if strength.acceptable and self.repeat.text() and self.repeat.text() != text:
            hint += " — " + self.tr("the two passphrases differ")
        elif strength.acceptable and self.repeat.text() == text:
            hint += " — " + self.tr("both match")
        self.hint.setText(hint)
        self.create_button.setEnabled(strength.acceptable and self.repeat.text() == text)

    def create_key(self) -> None:
        text = self.passphrase.text()
        strength = passphrase_strength(text)
        if not strength.acceptable:
            self.error.setText(self.tr("This passphrase is too weak; choose a longer one."))
            return
        if self.repeat.text() != text:
            self.error.setText(self.tr("The two passphrases differ; type the same one twice."))
            return
        try:
            self.public_key = self.session.create_key(text)
        except JudgeAppError as exc:
            self.error.setText(self.tr("The key could not be made: %1").replace("%1", str(exc)))
            return
        self.passphrase.clear()
        self.repeat.clear()
        self.fingerprint.setText(self.public_key.fingerprint)
        self.pages.setCurrentIndex(1)
        self.create_button.hide()
        self.later_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.key_created.emit(self.public_key)


class UnlockDialog(QDialog):
    """Ask for the passphrase and unlock the judge's key; a wrong one changes nothing."""

    def __init__(self, session: JudgeSession, purpose: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.key: PrivateKey | None = None
        self.setWindowTitle(self.tr("Passphrase"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        about = QLabel(purpose)
        about.setWordWrap(True)
        layout.addWidget(about)
        public = session.public_key()
        if public is not None:
            layout.addWidget(QLabel(self.tr("Your key: %1").replace("%1", public.fingerprint)))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("passphrase")
        self.passphrase.setPlaceholderText(self.tr("Your passphrase"))
        layout.addWidget(self.passphrase)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAccessibleName("error")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.attempts = 0
        fit_to_width(self, 540)

    def try_unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.error.setText(self.tr("Type your passphrase first."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.key = self.session.unlock(passphrase)
        except WrongPassphrase:
            self.attempts += 1
            self.error.setText(self.tr(
                "That passphrase is not correct. Nothing was changed. Check the keyboard language "
                "(Thai or English) and Caps Lock, then try again."))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        except JudgeAppError as exc:
            self.error.setText(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()


class ConflictsDialog(QDialog):
    """The conflicts-of-interest pass: tick every entry you cannot judge fairly."""

    COL_ID, COL_ORG, COL_PROVINCE, COL_TITLE, COL_REASON = range(5)

    def __init__(self, entries: tuple[Entry, ...], conflicts: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflicts of interest"))
        self.resize(1100, 640)
        self._before = dict(conflicts)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Before you start: conflicts of interest"))
        heading.setFont(big_font(self, 1.3))
        layout.addWidget(heading)
        intro = QLabel(self.tr(
            "Tick every entry you cannot judge impartially — for example an organisation you work for, "
            "advise, or have family ties with. You will not score those entries. A reason helps the "
            "secretariat but is optional. You can change this later for any entry."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(entries), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Entry"), self.tr("Organisation"), self.tr("Province"), self.tr("Project"),
             self.tr("Reason (optional)")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setWordWrap(False)
        self.entry_ids: list[str] = []
        for row, entry in enumerate(entries):
            self.entry_ids.append(entry.id)
            check = QTableWidgetItem(entry.id)
            check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            check.setCheckState(Qt.CheckState.Checked if entry.id in conflicts else Qt.CheckState.Unchecked)
            self.table.setItem(row, self.COL_ID, check)
            for column, text in ((self.COL_ORG, entry.org_name), (self.COL_PROVINCE, entry.province),
                                 (self.COL_TITLE, entry.project_title)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
            reason = QTableWidgetItem(conflicts.get(entry.id, ""))
            reason.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, self.COL_REASON, reason)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_ID, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_ORG, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.COL_PROVINCE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_REASON, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(self.COL_ORG, 260)
        self.table.setColumnWidth(self.COL_REASON, 220)
        self.table.itemChanged.connect(self._item_changed)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton(self.tr("Confirm"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setDefault(True)
        buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_count()

    def row_of(self, entry_id: str) -> int:
        return self.entry_ids.index(entry_id)

    def set_conflict(self, entry_id: str, checked: bool, reason: str = "") -> None:
        """Tick (or untick) an entry and give its reason, as a person would."""
        row = self.row_of(entry_id)
        self.table.item(row, self.COL_ID).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if reason:
            self.table.item(row, self.COL_REASON).setText(reason)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == self.COL_REASON and item.text().strip():
            box = self.table.item(item.row(), self.COL_ID)
            if box.checkState() != Qt.CheckState.Checked:
                box.setCheckState(Qt.CheckState.Checked)
        self._update_count()

    def _update_count(self) -> None:
        ticked = len(self.declared())
        self.count.setText(self.tr("Entries ticked: %n", "", ticked))

    def declared(self) -> dict[str, str]:
        """Every ticked entry and its reason."""
        result = {}
        for row, entry_id in enumerate(self.entry_ids):
            if self.table.item(row, self.COL_ID).checkState() == Qt.CheckState.Checked:
                result[entry_id] = self.table.item(row, self.COL_REASON).text().strip()
        return result

    def newly_declared(self) -> dict[str, str]:
        return {e: r for e, r in self.declared().items() if e not in self._before}

    def withdrawn(self) -> list[str]:
        declared = self.declared()
        return [e for e in self._before if e not in declared]


class ExportResultDialog(QDialog):
    """The exported score file: where it is, its sequence, its SHA-256 and the key that signed it."""

    print_requested = Signal(str)
    open_folder_requested = Signal(str)

    def __init__(self, path: Path, sequence: int, sha256: str, fingerprint: str, incomplete: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("Score file saved"))
        self.setMinimumWidth(660)
        layout = QVBoxLayout(self)
        headline = QLabel(self.tr("✔ Your signed score file is saved."))
        headline.setFont(big_font(self, 1.35))
        headline.setStyleSheet("color: #1b7a3a;")
        layout.addWidget(headline)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label, value in (
            ("file", self.tr("File"), str(self.path)),
            ("sequence", self.tr("Sequence number"), str(sequence)),
            ("sha256", self.tr("SHA-256"), grouped(sha256)),
            ("fingerprint", self.tr("Signed with your key"), fingerprint),
        ):
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key in ("sha256", "fingerprint"):
                shown.setStyleSheet("font-family: monospace;" if key == "sha256" else "")
            self.values[key] = shown
            form.addRow(label, shown)
        layout.addLayout(form)
        if incomplete:
            warn = QLabel(self.tr("Entries marked “not scored” in this file: %n", "", incomplete))
            warn.setStyleSheet("color: #b26a00;")
            warn.setWordWrap(True)
            layout.addWidget(warn)
        advice = QLabel(self.tr(
            "Send this file to the secretariat (USB drive or e-mail). Then print your score sheets, sign "
            "them and send them too. If you change a score later, export again: the newer file "
            "replaces this one."))
        advice.setWordWrap(True)
        layout.addWidget(advice)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("Print score sheets…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = buttons.addButton(self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        self.print_button.clicked.connect(lambda: (self.accept(), self.print_requested.emit(str(self.path))))
        self.folder_button.clicked.connect(lambda: self.open_folder_requested.emit(str(self.path.parent)))
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        fit_to_width(self, 680)


class ConfirmIncompleteDialog(QMessageBox):
    """Some entries are neither scored nor under conflict: say which, and export only if meant."""

    def __init__(self, missing: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Not every entry is scored"))
        self.setText(self.tr("Entries not fully scored yet: %n", "", len(missing)))
        shown = "\n".join(f"• {entry_id}  {title}" for entry_id, title in missing[:12])
        if len(missing) > 12:
            shown += "\n" + self.tr("… and %n more", "", len(missing) - 12)
        self.setInformativeText(shown + "\n\n" + self.tr(
            "You can export now and send a complete file later; these entries will be marked "
            "“not scored” in this file."))
        self.export_button = self.addButton(self.tr("Export anyway"), QMessageBox.ButtonRole.AcceptRole)
        self.back_button = self.addButton(self.tr("Go back and score"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.back_button)


__all__ = [
    "BundleSummaryDialog", "ConfirmIncompleteDialog", "ConflictsDialog", "ExportResultDialog",
    "KeyCreateDialog", "UnlockDialog", "deadline_text", "documents_folder", "grouped", "message_box",
]
