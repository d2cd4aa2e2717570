"""Enrolling a judge's key: whose key it is, its fingerprint large, and a confirmation made on purpose.

The key comes from the judge's enrolment file
(:func:`judge_app.enrolment.read_enrolment`) or from a score file the judge
signed (:func:`judge_app.scorefile.read_score_file`, or the copy the database
keeps of a file it refused, through :func:`~judge_app.scorefile.parse_score_file`),
as the command line's ``secretariat enrol`` takes it. Either way it is enrolled
(``ContestDatabase.enrol_key``) only after the officer has compared its
fingerprint with the one printed on the paper the judge signed and typed that
paper's last four digits: a stray Enter or a click without looking enrols nothing.
The Judges page and the Collect page (for a file refused because its judge had
no key yet) open the same dialog.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from judge_app.enrolment import read_enrolment
from judge_app.errors import JudgeAppError, SecretariatError
from judge_app.keys import PublicKey
from judge_app.model import Contest, Judge
from judge_app.scorefile import ScoreFile, parse_score_file, read_score_file
from judge_app.secretariat import ContestDatabase, EnrolledKey

from ..dialogs import big_font, fingerprint_label, fit_to_width
from .page_tools import ERROR_COLOUR, dialog_buttons, fill, open_dialog, when
from .session import JUDGES, SecretariatSession

WARN = "#b26a00"
# How many digits of the fingerprint the officer types from the paper.
TYPED_DIGITS = 4


@dataclass(frozen=True)
class KeyOffer:
    """A key found in a file, the judge it is for, and where it came from."""

    judge: Judge
    key: PublicKey
    file_name: str
    # How the key history records it, in the core's words (as the command line writes it).
    how: str
    # When the file was made (UTC, ISO 8601).
    made_at: str
    # The judge's name as an enrolment file writes it (a score file names no one).
    name_in_file: str | None = None
    # A score file's sequence number.
    sequence: int | None = None

    @property
    def from_score_file(self) -> bool:
        return self.sequence is not None


class NotAJudge(Exception):
    """The file holds the key of someone who is not a judge of this contest."""

    def __init__(self, judge_id: str, file_name: str):
        super().__init__(judge_id)
        self.judge_id, self.file_name = judge_id, file_name


def _judge(contest: Contest, judge_id: str, file_name: str) -> Judge:
    try:
        return contest.judge(judge_id)
    except KeyError:
        raise NotAJudge(judge_id, file_name) from None


def offer_from_enrolment_file(contest: Contest, path: Path) -> KeyOffer:
    """The key in a judge's enrolment file (raises JudgeAppError for a bad file, NotAJudge for a stranger)."""
    enrolment = read_enrolment(path)
    judge = _judge(contest, enrolment.judge_id, path.name)
    return KeyOffer(judge, enrolment.public_key, path.name, f"enrolment file {path.name}", enrolment.created_at,
                    name_in_file=enrolment.judge_name)


def _offer_from_score(contest: Contest, score_file: ScoreFile, file_name: str) -> KeyOffer:
    judge = _judge(contest, score_file.judge_id, file_name)
    return KeyOffer(judge, score_file.public_key, file_name, f"score file {file_name}", score_file.exported_at,
                    sequence=score_file.sequence)


def offer_from_score_file(contest: Contest, path: Path) -> KeyOffer:
    """The key that signed a score file (its signatures checked), and the judge the file is from."""
    return _offer_from_score(contest, read_score_file(path), path.name)


def offer_from_stored_score_file(db: ContestDatabase, sha256: str) -> KeyOffer:
    """The key of a score file the database kept (a refused one, say), read from the kept copy."""
    row = db.score_file_row(sha256)
    if row is None:
        raise SecretariatError(f"no score file {sha256[:12]}… was received", path=db.path)
    name = row["file_name"]
    return _offer_from_score(db.contest, parse_score_file(row["raw"], path=Path(name)), name)


def digits_of(text: str) -> str:
    """The digits typed, Thai digits (๐–๙) read as 0–9; spaces and dashes ignored."""
    return "".join(str(unicodedata.digit(ch)) for ch in text if unicodedata.digit(ch, None) is not None)


class EnrolKeyDialog(QDialog):
    """Whose key it is, its fingerprint large, and the last four digits typed from the signed paper.

    The enrol button stays disabled until the digits typed are the key's last
    four (or all twenty); Cancel is the default button until then, so Enter on
    opening the dialog enrols nothing.
    """

    def __init__(self, offer: KeyOffer, history: list[EnrolledKey], parent: QWidget | None = None):
        super().__init__(parent)
        self.offer = offer
        self.setWindowTitle(self.tr("Enrol a judge's key"))
        layout = QVBoxLayout(self)
        who = QLabel(f"{offer.judge.id} — {offer.judge.name}")
        who.setFont(big_font(self, 1.2))
        who.setWordWrap(True)
        layout.addWidget(who)
        if offer.from_score_file:
            source = fill(self.tr("From the score file %1 that the judge signed (sequence %2, exported %3)."),
                          offer.file_name, offer.sequence, when(offer.made_at))
        else:
            source = fill(self.tr("From the enrolment file %1, made %2."), offer.file_name, when(offer.made_at))
        layout.addWidget(self._wrapped(source))
        if offer.name_in_file is not None and " ".join(offer.name_in_file.split()) != offer.judge.name:
            layout.addWidget(self._wrapped(fill(self.tr("The name in the file is “%1”, not the name in the contest."),
                                                offer.name_in_file), WARN))
        revoked = next((k for k in history if k.public_key == offer.key and k.revoked_at), None)
        if revoked is not None:
            layout.addWidget(self._wrapped(fill(self.tr(
                "This key was revoked on %1 (“%2”). A revoked key may be lost or stolen: enrol it again only if "
                "you are sure it is safe."), when(revoked.revoked_at), revoked.revoked_why or ""), ERROR_COLOUR))
        layout.addWidget(fingerprint_label(offer.key.fingerprint, self))
        layout.addWidget(self._wrapped(self.tr(
            "Compare these twenty digits, group by group, with the fingerprint on the paper the judge signed. "
            "Then type the last four digits as they are printed on the paper.")))
        row = QHBoxLayout()
        self.digits_label = QLabel(self.tr("&Last four digits on the paper:"))
        self.digits = QLineEdit()
        self.digits.setAccessibleName("last four digits")
        self.digits.setMaxLength(32)
        self.digits.setMaximumWidth(self.digits.fontMetrics().horizontalAdvance("0000 0000") + 24)
        self.digits_label.setBuddy(self.digits)
        row.addWidget(self.digits_label)
        row.addWidget(self.digits)
        row.addStretch(1)
        layout.addLayout(row)
        self.mismatch = self._wrapped(self.tr("These are not the key's last four digits. Do not enrol this key: "
                                              "ask the judge which key they signed with."), ERROR_COLOUR)
        self.mismatch.hide()
        layout.addWidget(self.mismatch)
        # A security check is confirmed on purpose, never by a stray Enter or a click without looking.
        self.enrol_button = dialog_buttons(self, layout, self.tr("&Enrol the key"), cancel_is_default=True)
        self.cancel_button = self.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        self.enrol_button.setEnabled(False)
        self.digits.textChanged.connect(lambda _text: self._check())
        self.digits.setFocus()
        fit_to_width(self, 600)

    def _wrapped(self, text: str, colour: str | None = None) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        if colour:
            label.setStyleSheet(f"color: {colour};")
        return label

    @property
    def last_group(self) -> str:
        """The digits the officer must type: the fingerprint's last four."""
        return digits_of(self.offer.key.fingerprint)[-TYPED_DIGITS:]

    def confirmed(self) -> bool:
        typed = digits_of(self.digits.text())
        return typed in (self.last_group, digits_of(self.offer.key.fingerprint))

    def _check(self) -> None:
        confirmed = self.confirmed()
        self.enrol_button.setEnabled(confirmed)
        # Once the digits match, Enter in the field enrols: typing them was the deliberate act.
        (self.enrol_button if confirmed else self.cancel_button).setDefault(True)
        self.mismatch.setVisible(not confirmed and len(digits_of(self.digits.text())) >= TYPED_DIGITS)

    def accept(self) -> None:
        if self.confirmed():  # whatever asks to accept, the digits must have been typed
            super().accept()


def open_enrol_dialog(owner: QWidget, session: SecretariatSession, offer: KeyOffer, *,
                      enrolled: Callable[[KeyOffer], None], refused: Callable[[str], None]) -> EnrolKeyDialog:
    """Ask for the paper check; once confirmed, enrol the key (one core call) and tell every page."""
    dialog = EnrolKeyDialog(offer, session.db.key_history(offer.judge.id), owner)

    def enrol() -> None:
        try:
            session.db.enrol_key(offer.judge.id, offer.key, how=offer.how)
        except JudgeAppError as exc:
            refused(str(exc))
            return
        session.notify(JUDGES)
        enrolled(offer)

    dialog.accepted.connect(enrol)
    return open_dialog(owner, dialog)
