"""The entries page's two imports, each previewed in full before anything changes.

:class:`ImportDialog` takes the portal's CSV or XLSX export: the file is read
off the GUI thread (:func:`judge_app.table_files.read_table`), the officer
checks which column holds which field (preselected by
:func:`~judge_app.importers.guess_mapping`, with sample values), then sees
every row problem, the new entries and the entries the file would change
(never applied), and only then imports the new entries
(:meth:`ContestDatabase.add_entries`, on a worker with its own connection).

:class:`AttachmentsDialog` takes a folder of files matched to entries by id
(:func:`judge_app.attachment_import.match_attachments`), lists what goes where
and every file left out with the reason, and copies and records the new files
on acceptance (:func:`~judge_app.attachment_import.add_attachments`), saying
which judges' bundles no longer carry every file.

Both are built on :class:`~ui.secretariat.previewed_import.PreviewedImportDialog`.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from judge_app import attachment_import as attachments
from judge_app.attachment_import import AttachmentMatch, AttachmentsAdded
from judge_app.importers import (
    FIELD_LABELS,
    REQUIRED_FIELDS,
    ColumnMapping,
    ImportPreview,
    column_letter,
    guess_mapping,
    preview_import,
)
from judge_app.table_files import Table, read_table

from .entries_page import ChangesModel, FileProblemsModel, FoundFilesModel, RowProblemsModel, field_name
from .page_tools import fill
from .previewed_import import ERROR_STYLE, WRAPPED_ROWS, PreviewedImportDialog, entries_table, fit_table, table_of
from .session import ENTRIES, SecretariatSession

# Sample values shown beside a column choice.
SAMPLES = 3

ENCODING_NAMES = {
    "utf-8": QT_TRANSLATE_NOOP("ImportDialog", "UTF-8 text"),
    "utf-8-sig": QT_TRANSLATE_NOOP("ImportDialog", "UTF-8 text (with byte-order mark)"),
    "cp874": QT_TRANSLATE_NOOP("ImportDialog", "Thai Windows text (cp874)"),
    "xlsx": QT_TRANSLATE_NOOP("ImportDialog", "Excel workbook"),
}


# ============================================================================ entries from a sheet


class ImportDialog(PreviewedImportDialog):
    """Import the portal's export: column mapping, then the preview, then the new entries on acceptance."""

    # New entries were added: how many, and the file they came from.
    imported = Signal(int, str)

    def __init__(self, session: SecretariatSession, path: str | Path, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.path = Path(path)
        self.table: Table | None = None
        self.preview: ImportPreview | None = None
        self.setWindowTitle(fill(self.tr("Import entries from %1"), self.path.name))
        self._build_mapping_page()
        self._build_preview_page()
        self.back_button.clicked.connect(lambda: self.show_mapping())
        self.accept_button.clicked.connect(self._next_or_import)
        self.show_working(fill(self.tr("Reading %1…"), self.path.name))
        self.run(lambda report: read_table(self.path), self._table_read, self._read_failed)

    # ------------------------------------------------------------ step 1: which column is which

    def _build_mapping_page(self) -> None:
        self.mapping_page = QWidget()
        layout = QVBoxLayout(self.mapping_page)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        layout.addWidget(self.file_label)
        explanation = QLabel(self.tr("Step 1 of 2 — say which column of the file holds each field. "
                                     "Fields marked * are needed for every entry."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(14)
        for column, title in enumerate((self.tr("Field"), self.tr("Column in the file"), self.tr("Sample values"))):
            heading = QLabel(f"<b>{title}</b>")
            grid.addWidget(heading, 0, column)
        self.combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}
        for row, name in enumerate(FIELD_LABELS, start=1):
            required = " *" if name in REQUIRED_FIELDS else ""
            label = QLabel(field_name(name) + required)
            combo = QComboBox()
            combo.setAccessibleName(name)
            combo.setMinimumWidth(260)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            label.setBuddy(combo)
            sample = QLabel()
            sample.setStyleSheet("color: #4b535d;")
            combo.currentIndexChanged.connect(lambda _=0, n=name: self._mapping_changed(n))
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(sample, row, 2)
            self.combos[name], self.samples[name] = combo, sample
        layout.addLayout(grid)
        layout.addStretch(1)
        self.stack.addWidget(self.mapping_page)

    def _table_read(self, table: Table) -> None:
        self.table = table
        encoding = QCoreApplication.translate("ImportDialog", ENCODING_NAMES.get(table.encoding, table.encoding))
        self.file_label.setText(fill(self.tr("<b>%1</b> — %2, %3 rows below the headers on line %4."),
                                     html.escape(self.path.name), encoding, len(table.rows), table.header_line))
        guessed = guess_mapping(table.headers)
        no_header = self.tr("(no header)")
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not in the file —"), None)
            for index, header in enumerate(table.headers):
                combo.addItem(f"{column_letter(index)}: {header.strip() or no_header}", index)
            chosen = guessed.column(name)
            combo.setCurrentIndex(0 if chosen is None else chosen + 1)
            combo.blockSignals(False)
            self._mapping_changed(name)
        self.show_mapping()

    def _read_failed(self, error: BaseException) -> None:
        self.show_result(self.tr("This file cannot be imported.") + "\n\n" + str(error), error=True)

    def mapping(self) -> ColumnMapping:
        return ColumnMapping(**{name: combo.currentData() for name, combo in self.combos.items()})

    def _mapping_changed(self, name: str) -> None:
        index = self.combos[name].currentData()
        label = self.samples[name]
        values = [cells[index].strip() for _, cells in (self.table.rows if self.table else [])
                  if index is not None and index < len(cells) and cells[index].strip()][:SAMPLES + 2]
        shown = " · ".join(v.replace("\n", " ")[:40] for v in values[:SAMPLES])
        label.setText(label.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, 420))
        label.setToolTip("\n".join(values))
        missing = self.mapping().missing_required()
        self.show_error(fill(self.tr("Choose a column for: %1"), ", ".join(field_name(m) for m in missing))
                        if missing else "")
        if self.stack.currentWidget() is self.mapping_page:
            self.accept_button.setEnabled(not missing)

    def show_mapping(self) -> None:
        self.stack.setCurrentWidget(self.mapping_page)
        self.back_button.hide()
        self.accept_button.show()
        self.accept_button.setText(self.tr("&Next >"))
        self.accept_button.setDefault(True)
        self.accept_button.setEnabled(not self.mapping().missing_required())
        self.close_button.setEnabled(True)
        self._mapping_changed("id")

    # ------------------------------------------------------------ step 2: what would be imported

    def _build_preview_page(self) -> None:
        self.problems_model = RowProblemsModel(self)
        self.problems_table = table_of(self.problems_model, "row problems")
        self.new_table, self.new_model = entries_table("new entries", self)
        self.changes_model = ChangesModel(self)
        self.changes_table = table_of(self.changes_model, "changed entries")
        self.build_preview_page((self.problems_table, self.new_table, self.changes_table),
                                self._update_import_button)

    def _next_or_import(self) -> None:
        if self.stack.currentWidget() is self.mapping_page:
            self.show_preview()
        elif self.stack.currentWidget() is self.preview_page:
            self.import_new_entries()

    def show_preview(self) -> None:
        assert self.table is not None
        self.preview = preview = preview_import(self.table, self.mapping(), self.session.db.contest.entries)
        bad_rows = len({p.line for p in preview.problems})
        self.summary.setText(
            self.tr("Step 2 of 2 — nothing has been imported yet.") + "<br>" + fill(
                self.tr("New entries: <b>%1</b> · already in the contest, the same: <b>%2</b> · "
                        "in the contest but different here (left as they are): <b>%3</b> · "
                        "rows with problems: <b>%4</b>"),
                len(preview.entries), len(preview.unchanged), len(preview.changed), bad_rows))
        self.problems_model.set_rows(preview.problems)
        self.new_model.set_rows(preview.entries)
        self.changes_model.set_rows(preview.changed)
        self.show_tables((self.tr("Problems (%n)", "", len(preview.problems)),
                          self.tr("New entries (%n)", "", len(preview.entries)),
                          self.tr("Different from the contest (%n)", "", len(preview.changed))),
                         0 if preview.problems else 1)
        self.skip_check.setText(self.tr("Leave out the rows with problems (%n) and import the rest", "", bad_rows))
        self.skip_check.setChecked(False)
        self.skip_check.setVisible(bad_rows > 0 and bool(preview.entries))
        self.stack.setCurrentWidget(self.preview_page)
        self.show_error("")
        self.back_button.show()
        self.back_button.setEnabled(True)
        self._update_import_button()

    def _update_import_button(self) -> None:
        preview = self.preview
        count = len(preview.entries) if preview else 0
        self.offer(self.tr("&Import 1 new entry") if count == 1 else self.tr("&Import %n new entries", "", count),
                   count, bool(preview and preview.problems))

    def import_new_entries(self) -> None:
        """Add the preview's new entries on a worker with its own connection (bad rows stay out)."""
        assert self.preview is not None
        entries, skipped = list(self.preview.entries), len({p.line for p in self.preview.problems})

        def done(added: int) -> None:
            self.session.notify(ENTRIES)
            text = self.tr("New entries added to the contest: %n", "", added)
            if skipped:
                text += "\n" + self.tr("Rows left out because of their problems: %n. Fix them in the file and "
                                       "import it again to add them.", "", skipped)
            self.show_result(text)
            self.imported.emit(added, str(self.path))

        def failed(error: BaseException) -> None:
            self.show_preview()
            self.show_error(self.tr("Nothing was imported.") + " " + str(error))

        self.show_working(self.tr("Adding the entries…"))
        self.change(lambda db, report: db.add_entries(entries), done, failed)


# ============================================================================ attachments from a folder


class AttachmentsDialog(PreviewedImportDialog):
    """Add attachments from a folder: check every file, show what goes where, copy on acceptance."""

    # Files were added: how many, and the folder they came from.
    added = Signal(int, str)

    def __init__(self, session: SecretariatSession, folder: str | Path, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.folder = Path(folder)
        self.match: AttachmentMatch | None = None
        self.result: AttachmentsAdded | None = None
        self.setWindowTitle(fill(self.tr("Add attachments from %1"), self.folder.name))
        self._build_preview_page()
        self.back_button.hide()
        self.accept_button.clicked.connect(self.add_files)
        self.show_working(fill(self.tr("Checking the files in %1…"), self.folder.name))
        entries = self.session.db.contest.entries
        self.run(lambda report: attachments.match_attachments(self.folder, entries,
                                                             progress=lambda *step: report(step)),
                 self._matched, self._check_failed, self._progress)

    def _build_preview_page(self) -> None:
        self.files_model = FoundFilesModel(self)
        self.files_table = table_of(self.files_model, "matched files")
        self.problems_model = FileProblemsModel(self)
        self.problems_table = table_of(self.problems_model, "files not added")
        self.without_table, self.without_model = entries_table("entries without attachments", self)
        self.build_preview_page((self.files_table, self.problems_table, self.without_table), self._update_add_button)

    def _progress(self, step: tuple[int, int, str]) -> None:
        done, total, name = step
        self.working_bar.setRange(0, max(total, 1))
        self.working_bar.setValue(done)
        if name:
            self.working_label.setText(fill(self.tr("Checking %1…"), name))

    def _check_failed(self, error: BaseException) -> None:
        self.show_result(self.tr("The folder cannot be read.") + "\n\n" + str(error), error=True)

    def _matched(self, match: AttachmentMatch) -> None:
        self.match = match
        new, entry_count = match.new_files, len({f.entry_id for f in match.new_files})
        lines = [self.tr("Nothing has been copied yet."), fill(
            self.tr("New files: <b>%1</b> for %2 entries · already attached: <b>%3</b> · not added: <b>%4</b>"),
            len(new), entry_count, len(match.already_attached), len(match.problems))]
        others = [f for f in new if not f.recognised]
        if others:
            lines.append(self.tr("New files that are not PDF, PNG or JPEG: %n. Judges will open them with "
                                 "another program.", "", len(others)))
        if not new:
            lines.append("<b>" + self.tr("There is nothing new to add from this folder.") + "</b>")
        self.summary.setText("<br>".join(lines))
        self.files_model.set_rows(match.files)
        self.problems_model.set_rows(match.problems)
        by_id = {e.id: e for e in self.session.db.contest.entries}
        self.without_model.set_rows([by_id[i] for i in match.entries_without_files if i in by_id])
        self.show_tables((self.tr("Files (%n)", "", len(match.files)),
                          self.tr("Not added (%n)", "", len(match.problems)),
                          self.tr("Entries without attachments (%n)", "", len(match.entries_without_files))),
                         1 if match.problems else 0)
        self.skip_check.setText(self.tr("Leave out the files listed under “Not added” (%n) and add the rest", "",
                                        len(match.problems)))
        self.skip_check.setVisible(bool(match.problems) and bool(new))
        self.stack.setCurrentWidget(self.preview_page)
        self.accept_button.show()
        self._update_add_button()

    def _update_add_button(self) -> None:
        match = self.match
        count = len(match.new_files) if match else 0
        self.offer(self.tr("&Add 1 file") if count == 1 else self.tr("&Add %n files", "", count),
                   count, bool(match and match.problems))

    def add_files(self) -> None:
        """Copy and record the new files on a worker with its own connection."""
        match = self.match
        assert match is not None

        def failed(error: BaseException) -> None:
            self._matched(match)
            self.show_error(self.tr("Nothing was added.") + " " + str(error))

        self.show_working(self.tr("Copying the files…"), steps=max(len(match.new_files), 1))
        self.change(lambda db, report: attachments.add_attachments(db, match, progress=lambda *step: report(step)),
                    self._files_added, failed, self._progress_copying)

    def _progress_copying(self, step: tuple[int, int, str]) -> None:
        self.working_bar.setValue(step[0])

    def _files_added(self, result: AttachmentsAdded) -> None:
        self.result = result
        self.session.notify(ENTRIES)
        text = self.tr("Files added to the entries: %n", "", result.added)
        if result.out_of_date:
            names = {judge.id: judge.name for judge in self.session.db.contest.judges}
            lines = [fill("%1  %2 — %3", b.judge_id, names.get(b.judge_id, ""),
                          ", ".join(b.entry_ids[:8]) + (" …" if len(b.entry_ids) > 8 else ""))
                     for b in result.out_of_date]
            text += "\n\n" + self.tr("Bundles already issued to these judges do not carry the new files; "
                                     "issue their bundles again:") + "\n" + "\n".join(lines)
        self.show_result(text)
        self.added.emit(result.added, str(self.folder))


__all__ = ["ERROR_STYLE", "WRAPPED_ROWS", "AttachmentsDialog", "ImportDialog", "entries_table", "fit_table",
           "table_of"]
