"""A new contest database: contest.json, the database file and the secretariat key, chosen in one dialog.

:class:`NewContestDialog` checks what it can (names, an existing file, the
passphrase typed twice) and asks for :func:`create_contest_database`, which
the window runs on a worker: the core validates contest.json, makes or unlocks
the key, then makes the database. Nothing is ever overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from judge_app.errors import SecretariatError
from judge_app.keys import PrivateKey, load_private_key, save_private_key
from judge_app.contest_json import load_contest
from judge_app.passphrase import passphrase_strength
from judge_app.paths import CONTEST_DB_SUFFIX
from judge_app.secretariat import ContestDatabase

from ..dialogs import documents_folder, fit_to_width
from ..i18n import current_language
from .page_tools import dialog_buttons, error_label


@dataclass(frozen=True)
class NewContestRequest:
    """What the officer chose in :class:`NewContestDialog`."""

    contest_json: Path
    db_path: Path
    key_path: Path
    passphrase: str
    new_key: bool


def create_contest_database(request: NewContestRequest) -> Path:
    """Validate contest.json, make (or unlock) the secretariat key, then the database; return its path.

    Runs on a worker thread. Nothing is overwritten: the core refuses an existing
    key file or database, and the contest is checked before any file is made.
    """
    contest = load_contest(request.contest_json)
    if request.db_path.exists():
        raise SecretariatError("a contest database already exists here; it was left as it is", path=request.db_path)
    if request.new_key:
        key = PrivateKey.generate()
        save_private_key(request.key_path, key, request.passphrase, label="contest secretariat")
    else:
        key = load_private_key(request.key_path, request.passphrase)
    with ContestDatabase.create(request.db_path, contest, request.contest_json.parent, key.public_key):
        pass
    return request.db_path


class NewContestDialog(QDialog):
    """contest.json, the new database file, and the secretariat key (new: passphrase twice; or an existing one)."""

    create_requested = Signal(object)  # NewContestRequest

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New contest database"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A contest database is made from the contest's contest.json (its attachments are read from the "
            "folder beside it). The bundles are signed with the secretariat key: make a new one, locked with a "
            "passphrase, or use the key file of an earlier round. No file is ever overwritten."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.contest_edit = self._path_row(form, self.tr("contest.json"), self._browse_contest)
        self.db_edit = self._path_row(form, self.tr("New database file"), self._browse_db)
        keys = QHBoxLayout()
        self.new_key = QRadioButton(self.tr("Make a &new secretariat key"))
        self.existing_key = QRadioButton(self.tr("Use an &existing key file"))
        self.new_key.setChecked(True)
        keys.addWidget(self.new_key)
        keys.addWidget(self.existing_key)
        form.addRow(self.tr("Secretariat key"), keys)
        self.key_edit = self._path_row(form, self.tr("Key file"), self._browse_key)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("passphrase")
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("repeat passphrase")
        self.repeat_label = QLabel(self.tr("Type it again"))
        form.addRow(self.repeat_label, self.repeat)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.error = error_label()
        layout.addWidget(self.error)
        self.create_button = dialog_buttons(self, layout, self.tr("&Create"), self.try_create)
        for signal in (self.new_key.toggled, self.passphrase.textChanged, self.repeat.textChanged):
            signal.connect(self._update)
        self._update()
        fit_to_width(self, 720)

    def _path_row(self, form: QFormLayout, label: str, browse) -> QLineEdit:
        row = QHBoxLayout()
        edit = QLineEdit()
        edit.setAccessibleName(label)
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"))
        button.clicked.connect(browse)
        row.addWidget(button)
        form.addRow(label, row)
        return edit

    def _browse_contest(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The contest's contest.json"), str(documents_folder()),
                                              self.tr("Contest files (*.json)"))
        if path:
            self.contest_edit.setText(path)
            folder = Path(path).parent
            if not self.db_edit.text():
                self.db_edit.setText(str(folder / f"contest{CONTEST_DB_SUFFIX}"))
            if not self.key_edit.text():
                self.key_edit.setText(str(folder / "secretariat.key"))

    def _browse_db(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New contest database"), self.db_edit.text(),
                                              self.tr("Contest databases (*%1)").replace("%1", CONTEST_DB_SUFFIX))
        if path:
            self.db_edit.setText(path)

    def _browse_key(self) -> None:
        if self.new_key.isChecked():
            path, _ = QFileDialog.getSaveFileName(self, self.tr("New secretariat key file"), self.key_edit.text(),
                                                  self.tr("Key files (*.key)"))
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Secretariat key file"), self.key_edit.text(),
                                                  self.tr("Key files (*.key);;All files (*)"))
        if path:
            self.key_edit.setText(path)

    def _update(self) -> None:
        new = self.new_key.isChecked()
        self.repeat.setVisible(new)
        self.repeat_label.setVisible(new)
        text = self.passphrase.text()
        if not new or not text:
            self.hint.setText(self.tr("At least 10 characters; a few words you will remember.") if new else "")
            return
        strength = passphrase_strength(text)
        hint = strength.hint_th if current_language() == "th" else strength.hint_en
        if strength.acceptable and self.repeat.text():
            hint += " — " + (self.tr("both match") if self.repeat.text() == text else self.tr("the two differ"))
        self.hint.setText(hint)

    def request(self) -> NewContestRequest:
        db = Path(self.db_edit.text().strip())
        if db.suffix.lower() != CONTEST_DB_SUFFIX:
            db = db.with_name(db.name + CONTEST_DB_SUFFIX)
        return NewContestRequest(Path(self.contest_edit.text().strip()), db, Path(self.key_edit.text().strip()),
                                 self.passphrase.text(), self.new_key.isChecked())

    def try_create(self) -> None:
        """Check what can be checked here, then ask the window to make the database."""
        if not all(edit.text().strip() for edit in (self.contest_edit, self.db_edit, self.key_edit)):
            self.show_error(self.tr("Choose the contest.json, the new database file and the key file."))
            return
        request = self.request()
        if request.db_path.exists():
            self.show_error(self.tr("%1 already exists; choose another name (a database is never overwritten).")
                            .replace("%1", str(request.db_path)))
            return
        if request.new_key:
            if request.key_path.exists():
                self.show_error(self.tr("%1 already exists; a key file is never overwritten. Choose another name, "
                                        "or use it as an existing key.").replace("%1", str(request.key_path)))
                return
            if not passphrase_strength(request.passphrase).acceptable:
                self.show_error(self.tr("This passphrase is too weak; choose a longer one."))
                return
            if self.repeat.text() != request.passphrase:
                self.show_error(self.tr("The two passphrases differ; type the same one twice."))
                return
        elif not request.passphrase:
            self.show_error(self.tr("Type the key file's passphrase."))
            return
        self.error.setText(self.tr("Making the contest database…"))
        fit_to_width(self, self.width())
        self.create_button.setEnabled(False)
        self.create_requested.emit(request)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.create_button.setEnabled(True)
        fit_to_width(self, self.width())  # grow to the wrapped message's height
