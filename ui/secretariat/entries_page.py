"""The entries page: the contest's entries, searched as typed, and the two ways in — a sheet and a folder.

"Import entries…" takes the application portal's CSV or XLSX export through
:class:`~ui.secretariat.import_dialog.ImportDialog` (map the columns, see every
bad row, then accept); "Add attachments from a folder…" matches a folder's
files to the entries by id through
:class:`~ui.secretariat.import_dialog.AttachmentsDialog`. Both dialogs call the
core (:mod:`judge_app.importers`, :mod:`judge_app.attachment_import`) and tell
the session, which brings this table up to date. The table models of those
dialogs' previews live here too, beside the entries model they resemble.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QHeaderView, QVBoxLayout, QWidget

from judge_app import attachment_import as attachments
from judge_app.attachment_import import FileProblem, FoundFile
from judge_app.importers import FIELD_LABELS, EntryChange, RowProblem
from judge_app.model import ORG_TYPES, Entry

from ..entry_view import human_size
from ..i18n import current_language
from .page_tools import button, fill, heading_and_intro, remember_folder, search_box, start_folder, wrapped_label
from .session import ENTRIES, SecretariatSession
from .tables import RowsModel, TextFilterProxy, make_table

if TYPE_CHECKING:  # the dialogs show entries with this module's model, so they import it
    from .import_dialog import AttachmentsDialog, ImportDialog

# Where the file dialogs start next time (the last folder an officer chose).
LAST_FOLDER_KEY = "secretariat_import_folder"


def org_type_text(code: str) -> str:
    """An organisation type in the language in force (the code itself if unknown)."""
    thai, english = ORG_TYPES.get(code, (code, code))
    return english if current_language() == "en" else thai


FIELD_NAMES = {
    "id": QT_TRANSLATE_NOOP("ImportDialog", "Entry number"),
    "org_name": QT_TRANSLATE_NOOP("ImportDialog", "Organisation"),
    "org_type": QT_TRANSLATE_NOOP("ImportDialog", "Type of local government"),
    "province": QT_TRANSLATE_NOOP("ImportDialog", "Province"),
    "project_title": QT_TRANSLATE_NOOP("ImportDialog", "Project title"),
    "summary": QT_TRANSLATE_NOOP("ImportDialog", "Summary"),
    "contact_name": QT_TRANSLATE_NOOP("ImportDialog", "Contact person"),
    "contact_phone": QT_TRANSLATE_NOOP("ImportDialog", "Contact phone"),
    "contact_email": QT_TRANSLATE_NOOP("ImportDialog", "Contact e-mail"),
    "contact": QT_TRANSLATE_NOOP("ImportDialog", "Contact details"),
}
assert set(FIELD_LABELS) < set(FIELD_NAMES)

PROBLEM_KINDS = {
    attachments.UNMATCHED: QT_TRANSLATE_NOOP("AttachmentsDialog", "no entry number in the name"),
    attachments.UNKNOWN_ID: QT_TRANSLATE_NOOP("AttachmentsDialog", "no such entry"),
    attachments.DUPLICATE: QT_TRANSLATE_NOOP("AttachmentsDialog", "same file twice"),
    attachments.NAME_TAKEN: QT_TRANSLATE_NOOP("AttachmentsDialog", "name already used"),
    attachments.UNSAFE_NAME: QT_TRANSLATE_NOOP("AttachmentsDialog", "unsafe name"),
    attachments.TOO_LARGE: QT_TRANSLATE_NOOP("AttachmentsDialog", "too large"),
    attachments.EMPTY: QT_TRANSLATE_NOOP("AttachmentsDialog", "empty file"),
    attachments.NOT_READ: QT_TRANSLATE_NOOP("AttachmentsDialog", "not read"),
}


def field_name(name: str) -> str:
    return QCoreApplication.translate("ImportDialog", FIELD_NAMES[name])


# ============================================================================ table models


class ContestEntriesModel(RowsModel):
    """The contest's entries: id, organisation, type, province, project title, attachments."""

    COL_ID, COL_ORG, COL_TYPE, COL_PROVINCE, COL_TITLE, COL_ATTACHMENTS = range(6)
    NUMERIC = frozenset({COL_ATTACHMENTS})

    def search_text(self, entry: Entry) -> str:
        return " ".join((entry.id, entry.org_name, entry.province, entry.project_title,
                         *ORG_TYPES.get(entry.org_type, ())))

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Organisation"), self.tr("Type"), self.tr("Province"), self.tr("Project"),
                self.tr("Attachments")]

    def display(self, entry: Entry, column: int) -> str:
        if column == self.COL_ID:
            return entry.id
        if column == self.COL_ORG:
            return entry.org_name
        if column == self.COL_TYPE:
            return org_type_text(entry.org_type)
        if column == self.COL_PROVINCE:
            return entry.province
        if column == self.COL_TITLE:
            return entry.project_title
        return str(len(entry.attachments))

    def sort_key(self, entry: Entry, column: int) -> Any:
        return len(entry.attachments) if column == self.COL_ATTACHMENTS else self.display(entry, column)

    def tooltip(self, entry: Entry, column: int) -> str | None:
        if column == self.COL_ATTACHMENTS:
            return "\n".join(a.name for a in entry.attachments) or self.tr("No attachment yet")
        if column in (self.COL_ORG, self.COL_TITLE, self.COL_TYPE):
            return self.display(entry, column)  # the full text of a cell cut short by its column
        return None


class EntriesSearchProxy(TextFilterProxy):
    """Keeps the entries holding every word of the search: number, organisation, type, province, project."""


class RowProblemsModel(RowsModel):
    """Each bad row of the sheet: line, column, problem (the core's words)."""

    COL_LINE, COL_COLUMN, COL_PROBLEM = range(3)
    NUMERIC = frozenset({COL_LINE})

    def headers(self) -> list[str]:
        return [self.tr("Line"), self.tr("Column"), self.tr("Problem")]

    def display(self, problem: RowProblem, column: int) -> str:
        return (str(problem.line), problem.column, problem.message)[column]

    def sort_key(self, problem: RowProblem, column: int) -> Any:
        return problem.line if column == self.COL_LINE else self.display(problem, column)

    def tooltip(self, problem: RowProblem, column: int) -> str | None:
        return problem.message


class ChangesModel(RowsModel):
    """Entries already in the contest that the sheet describes otherwise (shown, never applied)."""

    COL_LINE, COL_ID, COL_FIELDS = range(3)
    NUMERIC = frozenset({COL_LINE})

    def headers(self) -> list[str]:
        return [self.tr("Line"), self.tr("No."), self.tr("Differs in")]

    def display(self, change: EntryChange, column: int) -> str:
        if column == self.COL_FIELDS:
            return ", ".join(field_name(f) if f in FIELD_NAMES else f for f in change.fields)
        return (str(change.line), change.old.id)[column]

    def sort_key(self, change: EntryChange, column: int) -> Any:
        return change.line if column == self.COL_LINE else self.display(change, column)


class FoundFilesModel(RowsModel):
    """Files of the folder matched to an entry: entry, file, type, size, new or already attached."""

    COL_ENTRY, COL_FILE, COL_TYPE, COL_SIZE, COL_STATE = range(5)
    NUMERIC = frozenset({COL_SIZE})

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("File"), self.tr("Type"), self.tr("Size"), self.tr("State")]

    def display(self, found: FoundFile, column: int) -> str:
        if column == self.COL_TYPE:
            return {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG"}.get(
                found.media_type, self.tr("other"))
        if column == self.COL_STATE:
            return self.tr("already attached") if found.already_attached else self.tr("new")
        return (found.entry_id, found.shown, "", human_size(found.size))[column]

    def sort_key(self, found: FoundFile, column: int) -> Any:
        return found.size if column == self.COL_SIZE else self.display(found, column)

    def tooltip(self, found: FoundFile, column: int) -> str | None:
        if column == self.COL_TYPE and not found.recognised:
            return self.tr("Not a PDF, PNG or JPEG: a judge opens it with another program")
        return found.shown if found.name == Path(found.shown).name else fill(self.tr("%1 (added as %2)"),
                                                                              found.shown, found.name)


class FileProblemsModel(RowsModel):
    """Files of the folder left out: file, why (in words), the core's detail."""

    COL_FILE, COL_KIND, COL_DETAIL = range(3)

    def headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Why"), self.tr("Details")]

    def display(self, problem: FileProblem, column: int) -> str:
        if column == self.COL_KIND:
            return QCoreApplication.translate("AttachmentsDialog", PROBLEM_KINDS[problem.kind])
        return problem.shown if column == self.COL_FILE else problem.message

    def tooltip(self, problem: FileProblem, column: int) -> str | None:
        return str(problem)


# ============================================================================ the page


class EntriesPage(QWidget):
    """The contest's entries, a search box, and the buttons that bring entries and attachments in."""

    def __init__(self, session: SecretariatSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.dialog: ImportDialog | AttachmentsDialog | None = None  # the last one opened
        self.model = ContestEntriesModel(self)
        self.proxy = EntriesSearchProxy(self.model, self)
        self._build()
        self._retranslate()
        session.changed.connect(self._session_changed)
        self.refresh()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading, self.explanation = heading_and_intro(self, layout, 1.2)

        bar = QHBoxLayout()
        self.search = search_box("search")
        self.search.textChanged.connect(self._search_changed)
        bar.addWidget(self.search, 1)
        self.import_button = button(self.choose_entries_file)
        bar.addWidget(self.import_button)
        self.attachments_button = button(self.choose_attachments_folder)
        bar.addWidget(self.attachments_button)
        layout.addLayout(bar)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)

        self.table = make_table(self.proxy, "entries")
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ContestEntriesModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.status = wrapped_label()
        self.status.setAccessibleName("last import")
        layout.addWidget(self.status)

    def _fit_columns(self) -> None:
        """Widths from the font and a sample of rows: ids and counts fit, long Thai names get a fair share."""
        metrics = self.table.fontMetrics()
        sample = [self.model.row_object(r) for r in range(min(self.model.rowCount(), 200))]

        def fit(column: int, texts: list[str], cap: int) -> None:
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            widest = max([metrics.horizontalAdvance(t) for t in texts] + [metrics.horizontalAdvance(title) + 12])
            self.table.setColumnWidth(column, min(widest + 20, cap))

        fit(ContestEntriesModel.COL_ID, [e.id for e in sample], 140)
        fit(ContestEntriesModel.COL_ORG, [e.org_name for e in sample], 300)
        fit(ContestEntriesModel.COL_TYPE, [org_type_text(code) for code in ORG_TYPES], 230)
        fit(ContestEntriesModel.COL_PROVINCE, [e.province for e in sample], 150)
        fit(ContestEntriesModel.COL_ATTACHMENTS, ["99"], 140)

    def _retranslate(self) -> None:
        self.explanation.setText(self.tr(
            "Import the application portal's export (CSV or Excel) and the folder of files the organisations sent. "
            "Nothing changes until you have seen what will be added and accepted it."))
        self.search.setPlaceholderText(self.tr("Search by number, organisation, province or project…"))
        self.search.setToolTip(self.tr("Every word must appear (Ctrl+F)"))
        self.import_button.setText(self.tr("&Import entries…"))
        self.import_button.setToolTip(self.tr("Add entries from the portal's CSV or Excel export"))
        self.attachments_button.setText(self.tr("Add &attachments from a folder…"))
        self.attachments_button.setToolTip(self.tr(
            "Files named after an entry (E012_proposal.pdf) or in a folder named after it (E012/…)"))
        self.model.retranslate()
        self._fit_columns()
        self._update_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ data

    def refresh(self) -> None:
        self.model.set_rows(self.session.db.contest.entries)
        self._fit_columns()
        self._update_counts()

    def _session_changed(self, kind: str) -> None:
        if kind == ENTRIES:
            self.refresh()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text_filter(text)
        self._update_counts()

    def _update_counts(self) -> None:
        total = self.model.rowCount()
        without = sum(1 for r in range(total) if not self.model.row_object(r).attachments)
        text = self.tr("Entries: %n", "", total)
        if self.proxy.rowCount() != total:
            text += " · " + fill(self.tr("shown: %1"), self.proxy.rowCount())
        if without:
            text += " · " + self.tr("without any attachment: %n", "", without)
        if total == 0:
            text = self.tr("No entries yet: import the portal's export to begin.")
        self.heading.setText(text)

    # ------------------------------------------------------------ importing

    def choose_entries_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the portal's export"), start_folder(LAST_FOLDER_KEY),
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"))
        if path:
            remember_folder(LAST_FOLDER_KEY, Path(path).parent)
            self.import_entries(Path(path))

    def choose_attachments_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of attachments"),
                                                  start_folder(LAST_FOLDER_KEY))
        if folder:
            remember_folder(LAST_FOLDER_KEY, Path(folder))
            self.add_attachments_from(Path(folder))

    def import_entries(self, path: Path) -> ImportDialog:
        """Open the import dialog on a sheet (it reads the file at once, off the GUI thread)."""
        from .import_dialog import ImportDialog

        self.dialog = ImportDialog(self.session, path, self)
        self.dialog.imported.connect(self._entries_imported)
        self.dialog.open()
        return self.dialog

    def add_attachments_from(self, folder: Path) -> AttachmentsDialog:
        """Open the attachments dialog on a folder (it checks the files at once, off the GUI thread)."""
        from .import_dialog import AttachmentsDialog

        self.dialog = AttachmentsDialog(self.session, folder, self)
        self.dialog.added.connect(self._attachments_added)
        self.dialog.open()
        return self.dialog

    def _entries_imported(self, count: int, path: str) -> None:
        self.status.setText(fill(self.tr("New entries added from %1: %2"), Path(path).name, count))

    def _attachments_added(self, count: int, folder: str) -> None:
        self.status.setText(fill(self.tr("Files added from the folder %1: %2"), Path(folder).name, count))
