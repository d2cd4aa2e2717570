"""The Judges page: who judges, what ties them, and their keys.

Each action is one core call: :func:`judge_app.panel.add_judge` and
``update_judge``, ``add_tie`` and ``remove_tie``; a key read from the judge's
enrolment file or from a score file the judge signed, then — only after the
officer has compared the fingerprint with the one on the paper the judge signed
and typed its last digits (:mod:`ui.secretariat.key_enrolment`) —
``ContestDatabase.enrol_key``; ``ContestDatabase.revoke_key`` with a reason.
They are small writes, so they run on the GUI thread and then tell the other
pages through ``session.notify("judges")``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from judge_app.assignment import ORGANISATION, PROVINCE
from judge_app.errors import JudgeAppError
from judge_app.model import Judge
from judge_app.panel import JudgeRow, Tie, add_judge, add_tie, judge_rows, remove_tie, update_judge
from judge_app.paths import ENROLMENT_SUFFIX, SCORE_FILE_SUFFIX
from judge_app.secretariat import EnrolledKey

from ..dialogs import fit_to_width
from .key_enrolment import (  # noqa: F401 - EnrolKeyDialog was defined here
    EnrolKeyDialog,
    KeyOffer,
    NotAJudge,
    offer_from_enrolment_file,
    offer_from_score_file,
    open_enrol_dialog,
)
from .page_tools import (
    PageMessage,
    button,
    button_row,
    dialog_buttons,
    error_label,
    fill,
    heading_and_intro,
    open_dialog,
    when,
    wrapped_label,
)
from .session import ASSIGNMENT, JUDGES, SecretariatSession
from .tables import RowsModel, selected_rows, table_view

GOOD, WARN, BAD, MUTED = "#1b7a3a", "#b26a00", "#b00020", "#7b818a"
TIE_ROLE = Qt.ItemDataRole.UserRole


class JudgesTableModel(RowsModel):
    """Every judge with the key in force and the load in the round."""

    COL_ID, COL_NAME, COL_AFFILIATION, COL_PROVINCE, COL_POSITION, COL_FINGERPRINT, COL_KEY, COL_LOAD, COL_TIES = range(9)
    NUMERIC = frozenset({COL_LOAD, COL_TIES})

    def headers(self) -> list[str]:
        return [self.tr("Id"), self.tr("Name"), self.tr("Affiliation"), self.tr("Province"), self.tr("Position"),
                self.tr("Key fingerprint"), self.tr("Key"), self.tr("Entries"), self.tr("Ties")]

    def display(self, row: JudgeRow, column: int) -> str:
        judge = row.judge
        if column == self.COL_FINGERPRINT:
            return row.fingerprint or "—"
        if column == self.COL_KEY:
            if row.active_key:
                return self.tr("enrolled")
            return self.tr("revoked, no new key yet") if row.keys_ever else self.tr("no key")
        if column in self.NUMERIC:
            return str(self.sort_key(row, column))
        return (judge.id, judge.name, judge.affiliation, judge.province, judge.position)[column]

    def sort_key(self, row: JudgeRow, column: int) -> Any:
        if column == self.COL_LOAD:
            return row.load
        return len(row.ties) if column == self.COL_TIES else self.display(row, column)

    def foreground(self, row: JudgeRow, column: int) -> QColor | None:
        return QColor(GOOD if row.active_key else WARN) if column == self.COL_KEY else None

    def tooltip(self, row: JudgeRow, column: int) -> str | None:
        return "\n".join(tie.value for tie in row.ties) if column == self.COL_TIES and row.ties else None


class KeyHistoryModel(RowsModel):
    """One judge's keys, oldest first, the revoked ones with why."""

    COL_FINGERPRINT, COL_ENROLLED, COL_HOW, COL_REVOKED, COL_WHY = range(5)

    def headers(self) -> list[str]:
        return [self.tr("Fingerprint"), self.tr("Enrolled"), self.tr("How"), self.tr("Revoked"), self.tr("Why")]

    def display(self, key: EnrolledKey, column: int) -> str:
        return (key.public_key.fingerprint, when(key.enrolled_at), key.enrolled_how,
                when(key.revoked_at) if key.revoked_at else self.tr("in force"), key.revoked_why or "")[column]

    def foreground(self, key: EnrolledKey, column: int) -> QColor | None:
        return QColor(MUTED) if key.revoked_at else None


# ---------------------------------------------------------------- dialogs


class JudgeDialog(QDialog):
    """A judge's details; Save calls ``save`` and stays open with the core's message if it refuses."""

    def __init__(self, save: Callable[[Judge], Any], judge: Judge | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.save = save
        self.setWindowTitle(self.tr("Edit judge") if judge else self.tr("Add judge"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        labels = {"id": self.tr("&Id"), "name": self.tr("&Name"), "affiliation": self.tr("&Affiliation"),
                  "province": self.tr("&Province"), "position": self.tr("P&osition")}
        for name, label in labels.items():
            edit = QLineEdit(getattr(judge, name) if judge else "")
            edit.setAccessibleName(name)
            form.addRow(label, edit)
            self.fields[name] = edit
        if judge:
            self.fields["id"].setReadOnly(True)
        self.fields["id"].setPlaceholderText(self.tr("e.g. J08"))
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_width(self, 520)

    def judge(self) -> Judge:
        return Judge(**{name: edit.text() for name, edit in self.fields.items()})

    def accept(self) -> None:
        try:
            self.save(self.judge())
        except JudgeAppError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class RevokeKeyDialog(QDialog):
    """Retire a judge's key; the reason is required and kept in the key history."""

    def __init__(self, judge: Judge, fingerprint: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revoke or replace a key"))
        layout = QVBoxLayout(self)
        about = QLabel(self.tr("Revoke the key of %1 (%2)? Score files signed with it are no longer accepted "
                               "once it is revoked; enrol the judge's new key afterwards.")
                       .replace("%1", f"{judge.id} {judge.name}").replace("%2", fingerprint))
        about.setWordWrap(True)
        layout.addWidget(about)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("reason")
        self.reason.setPlaceholderText(self.tr("Why, e.g. the judge's laptop was lost"))
        layout.addWidget(self.reason)
        self.revoke_button = dialog_buttons(self, layout, self.tr("&Revoke the key"))
        self.revoke_button.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.revoke_button.setEnabled(bool(text.strip())))
        fit_to_width(self, 540)


# ---------------------------------------------------------------- the page


class JudgesPage(QWidget):
    """The judges of the contest, their keys and ties."""

    def __init__(self, session: SecretariatSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.active_dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self.heading, self.intro = heading_and_intro(self, layout)
        self.add_button, self.edit_button = button(self.open_add_dialog), button(self.open_edit_dialog)
        self.enrol_button, self.revoke_button = button(self.enrol_key_from_file), button(self.open_revoke_dialog)
        self.enrol_score_button = button(self.enrol_key_from_score_file)
        layout.addLayout(button_row(self.add_button, self.edit_button, self.enrol_button, self.enrol_score_button,
                                    self.revoke_button))
        self.message = wrapped_label()
        self.message.hide()
        self.feedback = PageMessage(self.message)  # the last message follows a language change
        layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = JudgesTableModel(self)
        self.table = table_view(self.model, "judges",
                                stretch=(JudgesTableModel.COL_AFFILIATION, JudgesTableModel.COL_POSITION))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.table.doubleClicked.connect(lambda _i: self.open_edit_dialog())
        splitter.addWidget(self.table)
        details = QWidget()
        below = QHBoxLayout(details)
        below.setContentsMargins(0, 0, 0, 0)
        self.ties_box = QGroupBox()
        ties_layout = QVBoxLayout(self.ties_box)
        self.ties_list = QListWidget()
        self.ties_list.setAccessibleName("ties")
        ties_layout.addWidget(self.ties_list)
        # The kind and the name on one line, the buttons under them: side by side, the name field
        # was squeezed to nothing in Thai.
        tie_row = QHBoxLayout()
        self.tie_kind = QComboBox()
        self.tie_kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # follows the language
        self.tie_value = QLineEdit()
        self.tie_value.setAccessibleName("tie")
        self.tie_value.setMinimumWidth(self.tie_value.fontMetrics().horizontalAdvance("เทศบาลนครขอนแก่น") + 16)
        self.tie_value.returnPressed.connect(self.add_tie_from_fields)
        self.add_tie_button, self.remove_tie_button = button(self.add_tie_from_fields), button(self.remove_selected_tie)
        tie_row.addWidget(self.tie_kind)
        tie_row.addWidget(self.tie_value, 1)
        ties_layout.addLayout(tie_row)
        ties_layout.addLayout(button_row(self.add_tie_button, self.remove_tie_button))
        below.addWidget(self.ties_box, 2)
        self.keys_box = QGroupBox()
        keys_layout = QVBoxLayout(self.keys_box)
        self.key_model = KeyHistoryModel(self)
        self.key_table = table_view(self.key_model, "key history", stretch=(KeyHistoryModel.COL_HOW, KeyHistoryModel.COL_WHY))
        keys_layout.addWidget(self.key_table)
        below.addWidget(self.keys_box, 3)
        splitter.addWidget(details)
        splitter.setSizes([420, 220])
        layout.addWidget(splitter, 1)

        self.retranslate()
        self.refresh()
        session.changed.connect(self._session_changed)

    # ------------------------------------------------------------ reading

    def _session_changed(self, kind: str) -> None:
        if kind in (JUDGES, ASSIGNMENT):
            self.refresh()

    def refresh(self) -> None:
        """Read the judges again, keeping the selected one selected."""
        keep = self.selected_judge_id()
        self.model.set_rows(judge_rows(self.session.db, self.session.round_id))
        if keep:
            self.select_judge(keep)
        elif self.model.rowCount():
            self.table.selectRow(0)
        self._show_selected()

    def selected_row(self) -> JudgeRow | None:
        rows = selected_rows(self.table)
        return self.model.row_object(rows[0]) if rows else None

    def selected_judge_id(self) -> str | None:
        row = self.selected_row()
        return row.judge.id if row else None

    def select_judge(self, judge_id: str) -> None:
        proxy = self.table.model()
        for row in range(proxy.rowCount()):
            if proxy.index(row, JudgesTableModel.COL_ID).data() == judge_id:
                self.table.selectRow(row)
                return

    def _show_selected(self) -> None:
        """Buttons, ties and key history of the selected judge."""
        row = self.selected_row()
        for widget in (self.edit_button, self.add_tie_button, self.remove_tie_button, self.tie_value):
            widget.setEnabled(row is not None)
        self.revoke_button.setEnabled(bool(row and row.active_key))
        self.key_model.set_rows(self.session.db.key_history(row.judge.id) if row else [])
        self._word_selected()

    def _word_selected(self) -> None:
        """The selected judge's texts, from the rows already read (again on a language change)."""
        row = self.selected_row()
        self.ties_list.clear()
        if row is None:
            self.ties_box.setTitle(self.tr("Ties"))
            self.keys_box.setTitle(self.tr("Key history"))
            return
        self.ties_box.setTitle(self.tr("Ties of %1: never assigned entries from these").replace("%1", row.judge.id))
        self.keys_box.setTitle(self.tr("Key history of %1").replace("%1", row.judge.id))
        if row.judge.province:
            own = QListWidgetItem(self.tr("Own province: %1 (always a tie)").replace("%1", row.judge.province))
            own.setForeground(QColor(MUTED))
            own.setFlags(Qt.ItemFlag.NoItemFlags | Qt.ItemFlag.ItemIsEnabled)
            self.ties_list.addItem(own)
        for tie in row.ties:
            item = QListWidgetItem(self._tie_text(tie))
            item.setData(TIE_ROLE, tie)
            self.ties_list.addItem(item)

    def _tie_text(self, tie: Tie) -> str:
        text = self.tr("Organisation: %1") if tie.kind == ORGANISATION else self.tr("Province: %1")
        return text.replace("%1", tie.value)

    # ------------------------------------------------------------ judges

    def open_add_dialog(self) -> JudgeDialog:
        def save(judge: Judge) -> None:
            add_judge(self.session.db, judge)
            self._changed(lambda: fill(self.tr("Added judge %1. Enrol the judge's key next."), judge.id), judge.id)
        return open_dialog(self, JudgeDialog(save, None, self))

    def open_edit_dialog(self) -> JudgeDialog | None:
        row = self.selected_row()
        if row is None:
            return None

        def save(judge: Judge) -> None:
            update_judge(self.session.db, judge)
            self._changed(lambda: fill(self.tr("Saved judge %1."), judge.id), judge.id)
        return open_dialog(self, JudgeDialog(save, row.judge, self))

    # ------------------------------------------------------------ ties

    def add_tie_from_fields(self) -> None:
        judge_id = self.selected_judge_id()
        if judge_id is None:
            return
        try:
            tie = add_tie(self.session.db, judge_id, self.tie_kind.currentData(), self.tie_value.text())
        except JudgeAppError as exc:
            self._refused(str(exc))
            return
        self.tie_value.clear()
        self._changed(lambda: fill(self.tr("%1 is now never assigned entries of %2."), judge_id, tie.value), judge_id)

    def remove_selected_tie(self) -> None:
        item = self.ties_list.currentItem()
        tie = item.data(TIE_ROLE) if item else None
        if tie is None:
            self.feedback.say(lambda: self.tr("Choose a tie in the list first (the judge's own province always "
                                              "stays a tie)."), WARN)
            return
        try:
            remove_tie(self.session.db, tie.judge_id, tie.kind, tie.value)
        except JudgeAppError as exc:
            self._refused(str(exc))
            return
        self._changed(lambda: fill(self.tr("Removed the tie of %1 to %2."), tie.judge_id, tie.value), tie.judge_id)

    # ------------------------------------------------------------ keys

    def enrol_key_from_file(self, path: str | Path | None = None) -> EnrolKeyDialog | None:
        """Read a judge's enrolment file and ask the officer to check its fingerprint against the signed paper."""
        path = path or self._pick(self.tr("Enrol key from an enrolment file"),
                                  fill(self.tr("Enrolment files (*%1)"), ENROLMENT_SUFFIX))
        return self._offer(lambda contest: offer_from_enrolment_file(contest, Path(path))) if path else None

    def enrol_key_from_score_file(self, path: str | Path | None = None) -> EnrolKeyDialog | None:
        """Read who signed a score file, with which key, and ask for the same check (enrolment on first import)."""
        path = path or self._pick(self.tr("Enrol key from a score file"),
                                  fill(self.tr("Score files (*%1)"), SCORE_FILE_SUFFIX))
        return self._offer(lambda contest: offer_from_score_file(contest, Path(path))) if path else None

    def _pick(self, title: str, kinds: str) -> str:
        """The file the officer picks ("" if none)."""
        return QFileDialog.getOpenFileName(self, title, "", kinds)[0]

    def _offer(self, read: Callable[[Any], KeyOffer]) -> EnrolKeyDialog | None:
        try:
            offer = read(self.session.db.contest)
        except JudgeAppError as exc:
            self._refused(str(exc))
            return None
        except NotAJudge as stranger:
            file_name, judge_id = stranger.file_name, stranger.judge_id
            self.feedback.say(lambda: fill(self.tr("%1 is the key of judge %2, who is not in this contest. Add the "
                                                   "judge first."), file_name, judge_id), BAD)
            return None
        return open_enrol_dialog(self, self.session, offer, enrolled=self._enrolled, refused=self._refused)

    def _enrolled(self, offer: KeyOffer) -> None:
        self._changed(lambda: fill(self.tr("Enrolled key %1 for judge %2."), offer.key.fingerprint, offer.judge.id),
                      offer.judge.id)

    def open_revoke_dialog(self) -> RevokeKeyDialog | None:
        row = self.selected_row()
        if row is None or row.active_key is None:
            return None
        dialog = RevokeKeyDialog(row.judge, row.fingerprint or "", self)
        dialog.accepted.connect(lambda: self._revoke(row.judge.id, dialog.reason.text()))
        return open_dialog(self, dialog)

    def _revoke(self, judge_id: str, why: str) -> None:
        try:
            self.session.db.revoke_key(judge_id, why.strip())
        except JudgeAppError as exc:
            self._refused(str(exc))
            return
        self._changed(lambda: fill(self.tr("Revoked the key of %1. Enrol the judge's new key next, from the "
                                           "judge's enrolment file or score file."), judge_id), judge_id)

    # ------------------------------------------------------------ plumbing

    def _changed(self, words: Callable[[], str], judge_id: str) -> None:
        self.feedback.say(words, GOOD)
        self.session.notify(JUDGES)
        self.select_judge(judge_id)

    def _refused(self, text: str) -> None:
        """The core's refusal (the same words in every language)."""
        self.feedback.say(lambda: text, BAD)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Judges and keys"))
        self.intro.setText(self.tr("Add the judges, record what ties them to an organisation or a province, and "
                                   "enrol each judge's key after checking its fingerprint against the paper the "
                                   "judge signed. Only score files signed with the enrolled key are accepted."))
        self.add_button.setText(self.tr("&Add judge…"))
        self.edit_button.setText(self.tr("&Edit judge…"))
        self.enrol_button.setText(self.tr("E&nrol key from enrolment file…"))
        self.enrol_score_button.setText(self.tr("Enrol key from &score file…"))
        self.enrol_score_button.setToolTip(self.tr(
            "Enrol a judge's key on the first score file, after checking its fingerprint against the signed paper"))
        self.revoke_button.setText(self.tr("&Revoke / replace key…"))
        kind = self.tie_kind.currentData()
        self.tie_kind.clear()
        self.tie_kind.addItem(self.tr("Organisation"), ORGANISATION)
        self.tie_kind.addItem(self.tr("Province"), PROVINCE)
        self.tie_kind.setCurrentIndex(max(0, self.tie_kind.findData(kind)))
        self.tie_value.setPlaceholderText(self.tr("Name as the entries write it"))
        self.add_tie_button.setText(self.tr("Add &tie"))
        self.remove_tie_button.setText(self.tr("Remove tie"))
        self.model.retranslate()
        self.key_model.retranslate()
        self._word_selected()
        self.feedback.reword()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
