"""The contest's secretariat key: which key file signs, and unlocking it with its passphrase.

Which key file signs is found, not typed each time: a key file used before on
this computer, or one beside the contest database, whose public key is the
contest's secretariat key (:func:`find_key_file`). The key file is never copied
or changed; only its path is remembered (:func:`remember_key_file`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from judge_app.errors import JudgeAppError, WrongPassphrase
from judge_app.keys import PrivateKey, PublicKey, load_private_key, read_public_key

from ..dialogs import fingerprint_label, fit_to_width
from ..i18n import set_settings_list, settings_list
from .page_tools import dialog_buttons, error_label

KEY_FILES = "secretariat/key_files"


def remember_key_file(path: str | Path) -> None:
    """Put a secretariat key file first among those tried (it is never copied or changed)."""
    text = str(Path(path).resolve())
    set_settings_list(KEY_FILES, [text] + [p for p in settings_list(KEY_FILES) if p != text][:7])


def find_key_file(db_path: Path, public_key: PublicKey) -> Path | None:
    """A key file holding ``public_key``: one used before here, else one beside the database."""
    candidates = [Path(p) for p in settings_list(KEY_FILES)] + sorted(Path(db_path).parent.glob("*.key"))
    for candidate in candidates:
        try:
            if candidate.is_file() and read_public_key(candidate) == public_key:
                return candidate
        except JudgeAppError:
            continue  # not a key file of ours: try the next
    return None


class SecretariatKeyDialog(QDialog):
    """Ask for the secretariat key's passphrase and unlock it; a wrong one changes nothing."""

    def __init__(self, key_path: Path, expected: PublicKey, purpose: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key_path = Path(key_path)
        self.expected = expected
        self.key: PrivateKey | None = None
        self.setWindowTitle(self.tr("Secretariat key"))
        layout = QVBoxLayout(self)
        about = QLabel(purpose)
        about.setWordWrap(True)
        layout.addWidget(about)
        facts = QFormLayout()
        file_label = QLabel(str(self.key_path))
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts.addRow(self.tr("Key file"), file_label)
        facts.addRow(self.tr("Fingerprint"), fingerprint_label(expected.fingerprint, self))
        layout.addLayout(facts)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("passphrase")
        self.passphrase.setPlaceholderText(self.tr("The secretariat key's passphrase"))
        layout.addWidget(self.passphrase)
        self.error = error_label()
        layout.addWidget(self.error)
        self.unlock_button = dialog_buttons(self, layout, self.tr("Unlock and issue"), self.try_unlock)
        fit_to_width(self, 560)

    def _say(self, text: str) -> None:
        """Show a problem, growing the dialog to the wrapped text's height."""
        self.error.setText(text)
        fit_to_width(self, self.width())

    def try_unlock(self) -> None:
        if not self.passphrase.text():
            self._say(self.tr("Type the passphrase first."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            key = load_private_key(self.key_path, self.passphrase.text())
        except WrongPassphrase:
            self._say(self.tr("That passphrase is not correct. Nothing was changed. Check the keyboard "
                              "language (Thai or English) and Caps Lock, then try again."))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        except JudgeAppError as exc:
            self._say(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if key.public_key != self.expected:
            self._say(self.tr("This key file holds another key (%1), not this contest's secretariat key.")
                      .replace("%1", key.public_key.fingerprint))
            return
        self.key = key
        self.passphrase.clear()
        self.accept()
