"""Importing entries from the application portal's export (CSV or XLSX).

The secretariat downloads the applications as a spreadsheet and brings them in
here in three steps, so that nothing changes until an officer has seen what
will change:

1. :func:`read_table` turns the file into a :class:`Table` of text cells, each
   row with the line (CSV) or row (XLSX) number the officer sees in a text
   editor or in Excel.
2. :func:`guess_mapping` proposes which column holds which entry field, from
   the Thai or English headers; the officer may correct it in the window.
3. :func:`preview_import` checks every row and sorts it into new entries,
   entries already present unchanged, entries present with other content, and
   problems (each with its line and column). It applies nothing: the caller
   adds :attr:`ImportPreview.entries` only after the officer accepts.

CSV files come in UTF-8 (with or without a byte-order mark) or in the Thai
Windows code page cp874, which Excel in Thailand still writes by default.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
import warnings
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Callable, Sequence
from xml.parsers import expat

from .errors import ValidationError
from .model import ID_RULE
from .model import ORG_TYPES, Contact, Entry

#: A portal export of a few thousand applications is well under this; the cap
#: keeps a wrongly chosen file (a video, a disk image) from filling memory.
MAX_FILE_BYTES = 50 * 1024 * 1024

#: Rows read at most from one file, for the same reason (an XLSX is compressed).
MAX_ROWS = 100_000
#: Cells read at most: an XLSX row reaching column XFD is 16,384 cells from a few bytes.
MAX_CELLS = 3_000_000

# What opening one workbook may unpack, judged from the zip directory before
# anything is decompressed (a portal export of a few thousand rows unpacks to a
# few MB). A part expanding more than XLSX_MAX_RATIO times (Apache POI's
# default) is refused as a zip bomb once it is over the grace size, since
# small parts such as styles compress very well.
XLSX_MAX_PARTS = 10_000
XLSX_MAX_UNPACKED_BYTES = 256 * 1024 * 1024
XLSX_MAX_RATIO = 100
_XLSX_RATIO_GRACE_BYTES = 1024 * 1024
_XLSX_DIRECTORY_BYTES_PER_PART = 256  # a directory entry with a generous name and extra fields

ENCODING_UTF8_BOM = "utf-8-sig"
ENCODING_UTF8 = "utf-8"
ENCODING_THAI_WINDOWS = "cp874"
#: :attr:`Table.encoding` of a table read from an Excel workbook.
XLSX = "xlsx"

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97–2003 .xls


# =============================================================================
# Reading a file into a table of text
# =============================================================================


@dataclass(frozen=True)
class Table:
    """The cells of a spreadsheet as text, with the numbers a person sees.

    ``rows`` holds ``(line, cells)`` pairs: for CSV the text-editor line on
    which the record starts (a quoted cell may span lines), for XLSX the Excel
    row number. Rows whose cells are all empty are left out, since spreadsheet
    programs write them freely below the data. Rows keep their own length:
    they may be shorter or longer than ``headers``.
    """

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    header_line: int = 1
    #: ``"utf-8-sig"``, ``"utf-8"``, ``"cp874"`` or ``"xlsx"``, so the window can say how the file was read.
    encoding: str = ENCODING_UTF8


def read_table(path: str | Path) -> Table:
    """Read a CSV or XLSX file; the first non-empty row holds the headers.

    The format is taken from the file's content, not its name, because portal
    exports are often misnamed (a CSV saved as ``.xls``). Raises
    :class:`ValidationError` naming the file when it cannot be read.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            # Refuse before reading; and read(n) reserves n bytes up front, so ask for what the file holds.
            data = handle.read(size + 1) if size <= MAX_FILE_BYTES else b""
    except FileNotFoundError:
        raise ValidationError("file not found", path=path) from None
    except IsADirectoryError:
        raise ValidationError("is a folder, not a file", path=path) from None
    except OSError as exc:
        raise ValidationError(f"cannot be read ({exc.strerror or exc})", path=path) from None
    if size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
        raise ValidationError(f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; is it the right file?", path=path)
    if data.startswith(_ZIP_MAGIC):
        return _read_xlsx(path)
    if data.startswith(_OLE_MAGIC):
        raise ValidationError(
            "is an old Excel 97–2003 workbook (.xls); open it in Excel and save it as .xlsx or CSV", path=path
        )
    return _read_csv(data, path)


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in.

    A byte-order mark means UTF-8. Otherwise strict UTF-8 is tried first:
    Thai text in cp874 is practically never valid UTF-8 (its Thai bytes would
    have to pair up exactly as UTF-8 lead and continuation bytes), while
    UTF-8 text read as cp874 would silently become wrong Thai letters. Only
    then cp874.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data.decode(ENCODING_UTF8_BOM), ENCODING_UTF8_BOM
    try:
        return data.decode(ENCODING_UTF8), ENCODING_UTF8
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(ENCODING_THAI_WINDOWS), ENCODING_THAI_WINDOWS
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"is neither UTF-8 nor Thai Windows (cp874) text (byte {exc.start}); save it from Excel as "
            "“CSV UTF-8” or as .xlsx"
        ) from None


def _read_csv(data: bytes, path: Path) -> Table:
    try:
        text, encoding = decode_csv_bytes(data)
    except ValueError as exc:
        raise ValidationError(str(exc), path=path) from None
    # newline="" hands line ends to the csv module, which keeps them inside
    # quoted cells (multi-line Thai summaries) and ends records on the others.
    # Strict, because a lenient reader takes a quote that is never closed as
    # the start of one cell holding the whole rest of the file, and the rows
    # after it would vanish without a word.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    cells_read = 0
    try:
        for cells in reader:
            records.append((start, cells))
            # The next record starts on the line after the last one read.
            start = reader.line_num + 1
            cells_read += len(cells)
            _check_table_size(len(records), cells_read, path)
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ValidationError(
                f"line {start}: a quote (\") opens a cell that is never closed, so the rest of the file would "
                "be read as one cell; fix the quotes or save the file again from Excel", path=path) from None
        hint = "; a quote inside a quoted cell must be doubled (\"\")" if "expected after" in str(exc) else ""
        raise ValidationError(f"line {start}: not readable as CSV ({exc}){hint}", path=path) from None
    return _table_from_records(records, encoding, path)


def _check_table_size(rows: int, cells: int, path: Path) -> None:
    if rows > MAX_ROWS:
        raise ValidationError(f"has more than {MAX_ROWS} rows; is it the right file?", path=path)
    if cells > MAX_CELLS:
        raise ValidationError(f"has more than {MAX_CELLS} cells; is it the right file?", path=path)


def _read_xlsx(path: Path) -> Table:
    try:
        import openpyxl  # imported here: only XLSX needs it, and CSV must work without it
    except ImportError:
        message = "reading Excel workbooks needs openpyxl; save the file as CSV instead"
        raise ValidationError(message, path=path) from None
    records: list[tuple[int, list[str]]] = []
    cells_read = 0
    try:
        _check_xlsx_package(path)
        # Our own handle, closed here even when openpyxl fails half-way (it leaves its own open).
        with warnings.catch_warnings(), path.open("rb") as handle:
            # openpyxl warns about styles and extensions it does not read
            # ("no default style", data validation); none of that affects cell text.
            warnings.simplefilter("ignore", UserWarning)
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
            try:
                if not workbook.worksheets:
                    raise ValidationError("the workbook has no worksheet", path=path)
                sheet = workbook.worksheets[0]
                # Some programs write a wrong size into the sheet; ignore it so no row is cut off.
                sheet.reset_dimensions()
                # Read-only sheets fill in rows missing from the file, so counting gives Excel's row numbers.
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    cells_read += len(values)
                    _check_table_size(number, cells_read, path)
                    records.append((number, [cell_text(v) for v in values]))
            finally:
                workbook.close()
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a damaged or foreign zip
        raise ValidationError(f"is not a readable Excel workbook (.xlsx): {exc}", path=path) from None
    return _table_from_records(records, XLSX, path)


def _check_xlsx_package(path: Path) -> None:
    """Refuse a workbook that would unpack too much or declares a DTD, before openpyxl opens it.

    openpyxl inflates parts as it parses them, and without defusedxml it parses
    with the standard library's expat, which expands the entities a DTD
    declares (expat 2.4 and later cap the amplification; older ones do not).
    A package never needs a DTD: the Open Packaging Conventions (ECMA-376
    Part 2, requirement M1.18) tell readers to treat one as an error.
    """
    with path.open("rb") as handle:
        # zipfile builds an object per directory entry (a 50 MB directory would cost over 400 MB),
        # so bound the directory's size as given by the end record zipfile itself trusts (found
        # by a private helper, unchanged since Python 2; without it only the count below holds).
        end_record = getattr(zipfile, "_EndRecData", None)
        end = end_record(handle) if end_record is not None else None
        if end is not None and end[5] > XLSX_MAX_PARTS * _XLSX_DIRECTORY_BYTES_PER_PART:  # 5: directory size
            raise ValidationError(f"lists far more than {XLSX_MAX_PARTS} parts; it is not a workbook", path=path)
        with zipfile.ZipFile(handle) as archive:
            parts = archive.infolist()
            if len(parts) > XLSX_MAX_PARTS:
                raise ValidationError(f"has {len(parts)} parts, more than a workbook's {XLSX_MAX_PARTS}", path=path)
            total = 0
            for part in parts:
                total += part.file_size
                if part.file_size > _XLSX_RATIO_GRACE_BYTES and part.file_size > XLSX_MAX_RATIO * part.compress_size:
                    raise ValidationError(
                        f"part {part.filename!r} would expand from {part.compress_size} to {part.file_size} bytes, "
                        f"over {XLSX_MAX_RATIO} times: refused as a zip bomb", path=path)
                if total > XLSX_MAX_UNPACKED_BYTES:
                    raise ValidationError(
                        f"would unpack to more than {XLSX_MAX_UNPACKED_BYTES // (1024 * 1024)} MB "
                        f"(counting up to part {part.filename!r}); is it the right file?", path=path)
            for part in parts:
                _refuse_dtd(archive, part, path)


class _RootElement(Exception):
    """Parsing reached the root element, after which XML allows no DTD."""


def _refuse_dtd(archive: zipfile.ZipFile, part: zipfile.ZipInfo, path: Path) -> None:
    """Parse the part's prolog only (usually a few bytes); raise if it declares a DTD."""
    def doctype(*_: object) -> None:
        raise ValidationError(f"part {part.filename!r} declares a DTD (<!DOCTYPE ...>), which a workbook never "
                              "does; its entities could expand without bound or name other files", path=path)

    def root(*_: object) -> None:
        raise _RootElement

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(64 * 1024):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (_RootElement, expat.ExpatError):
        return  # past the prolog, or not XML at all (an image): openpyxl judges the rest


def cell_text(value: object) -> str:
    """An XLSX cell value as the plain text a person would type for it.

    Whole numbers lose Excel's ``.0`` (a phone typed as a number stays
    ``812345678``, not ``812345678.0``); dates without a time are ``YYYY-MM-DD``.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # before int: bool is an int
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _table_from_records(records: list[tuple[int, list[str]]], encoding: str, path: Path) -> Table:
    filled = [(line, cells) for line, cells in records if any(cell != "" for cell in cells)]
    if not filled:
        raise ValidationError("has no rows (the file is empty)", path=path)
    header_line, headers = filled[0]
    return Table(headers=headers, rows=filled[1:], header_line=header_line, encoding=encoding)


# =============================================================================
# Which column holds which field
# =============================================================================

#: Entry fields an import can fill, with a Thai and an English label for the window and messages.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("รหัส", "id"),
    "org_name": ("ชื่อหน่วยงาน", "organisation"),
    "org_type": ("ประเภท อปท.", "organisation type"),
    "province": ("จังหวัด", "province"),
    "project_title": ("ชื่อผลงาน", "project title"),
    "summary": ("สรุปผลงาน", "summary"),
    "contact_name": ("ผู้ประสานงาน", "contact name"),
    "contact_phone": ("โทรศัพท์", "contact phone"),
    "contact_email": ("อีเมล", "contact e-mail"),
}

#: Fields without which a row cannot become an entry (the contest file requires them too).
REQUIRED_FIELDS = ("id", "org_name", "org_type", "province", "project_title")


@dataclass(frozen=True)
class ColumnMapping:
    """The column index (0 = first) holding each entry field, or None if the file has none."""

    id: int | None = None
    org_name: int | None = None
    org_type: int | None = None
    province: int | None = None
    project_title: int | None = None
    summary: int | None = None
    contact_name: int | None = None
    contact_phone: int | None = None
    contact_email: int | None = None

    def column(self, field_name: str) -> int | None:
        return getattr(self, field_name)

    def missing_required(self) -> list[str]:
        """Required fields no column is chosen for, in form order."""
        return [name for name in REQUIRED_FIELDS if self.column(name) is None]


# Header spellings seen in portal exports and hand-made sheets, per field.
# Compared after _normalise_header, so case, spaces, dots and dashes do not matter.
_HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": (
        "รหัส", "รหัสผลงาน", "รหัสใบสมัคร", "เลขที่ใบสมัคร", "รหัสโครงการ", "รหัสผู้สมัคร",
        "id", "entry id", "application id", "code",
    ),
    "org_name": (
        "ชื่อหน่วยงาน", "หน่วยงาน", "ชื่อ อปท.", "อปท.", "ชื่อองค์กรปกครองส่วนท้องถิ่น",
        "องค์กรปกครองส่วนท้องถิ่น", "ชื่อองค์กร", "organisation", "organization", "organisation name",
        "organization name", "org", "org name", "local government",
    ),
    "org_type": (
        "ประเภท", "ประเภท อปท.", "ประเภทหน่วยงาน", "ประเภทองค์กรปกครองส่วนท้องถิ่น", "ประเภทองค์กร",
        "type", "org type", "organisation type", "organization type",
    ),
    "province": ("จังหวัด", "province"),
    "project_title": (
        "ชื่อผลงาน", "ผลงาน", "ชื่อโครงการ", "โครงการ", "project", "project title", "project name", "title",
    ),
    "summary": (
        "สรุปผลงาน", "สรุป", "บทสรุป", "รายละเอียด", "รายละเอียดผลงาน", "บทคัดย่อ", "summary",
        "description", "abstract",
    ),
    "contact_name": (
        "ผู้ประสานงาน", "ชื่อผู้ประสานงาน", "ผู้ติดต่อ", "ชื่อผู้ติดต่อ", "contact", "contact name",
        "coordinator",
    ),
    "contact_phone": (
        "โทรศัพท์", "เบอร์โทร", "เบอร์โทรศัพท์", "หมายเลขโทรศัพท์", "โทร", "เบอร์ติดต่อ", "phone",
        "telephone", "tel", "mobile", "contact phone",
    ),
    "contact_email": ("อีเมล", "อีเมล์", "email", "e-mail", "contact email"),
}

# When a header only contains a synonym ("โทรศัพท์ผู้ประสานงาน" holds both a
# phone and a contact word), the field listed first wins: the narrower fields
# come before the broad ones ("หน่วยงาน" is inside "ประเภทหน่วยงาน").
_CONTAINS_ORDER = (
    "contact_email", "contact_phone", "org_type", "province", "summary", "project_title", "contact_name",
    "org_name",
)
# A short synonym inside a longer header is too often a coincidence ("id", "tel" in "hotel"...).
_MIN_CONTAINED = 4

_HEADER_PUNCTUATION = re.compile(r"[\s.:*_\-–—\u200b\ufeff]+")
_HEADER_PARTS = re.compile(r"[()\[\]/|\n]+")


def _normalise_header(text: str) -> str:
    return _HEADER_PUNCTUATION.sub("", text.casefold())


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """Propose a column for each field from the headers; unrecognised fields stay None.

    A header equal to a known spelling wins over one where a known spelling is
    one part of a bilingual header ("อีเมล (E-mail)"), which wins over one that
    merely contains it ("อีเมลผู้ประสานงาน"). Each column serves one field.
    """
    synonyms = {name: {_normalise_header(s) for s in spellings} for name, spellings in _HEADER_SYNONYMS.items()}
    candidates: list[tuple[int, int, int, str]] = []  # (strength, -field order, -column, field)
    for column, header in enumerate(headers):
        whole = _normalise_header(header)
        parts = {_normalise_header(p) for p in _HEADER_PARTS.split(header.casefold())} - {""}
        for name, spellings in synonyms.items():
            if whole in spellings:
                strength, order = 3, 0
            elif parts & spellings:
                strength, order = 2, 0
            elif name in _CONTAINS_ORDER and any(len(s) >= _MIN_CONTAINED and s in whole for s in spellings):
                strength, order = 1, _CONTAINS_ORDER.index(name)
            else:
                continue
            candidates.append((strength, -order, -column, name))
    chosen: dict[str, int] = {}
    used: set[int] = set()
    for _strength, _order, neg_column, name in sorted(candidates, reverse=True):
        if name not in chosen and -neg_column not in used:
            chosen[name] = -neg_column
            used.add(-neg_column)
    return ColumnMapping(**chosen)


# =============================================================================
# Organisation types as people write them
# =============================================================================

# Thai abbreviations and full names as written on forms; dots and spaces are
# ignored when comparing, so "อบต.", "อบต" and "อ.บ.ต." all match.
_ORG_TYPE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "sao": ("อบต.", "องค์การบริหารส่วนตำบล", "sao"),
    "subdistrict_municipality": ("ทต.", "เทศบาลตำบล"),
    "town_municipality": ("ทม.", "เทศบาลเมือง"),
    "city_municipality": ("ทน.", "เทศบาลนคร"),
    "pao": ("อบจ.", "องค์การบริหารส่วนจังหวัด", "pao"),
}


def _normalise_org_type(text: str) -> str:
    return re.sub(r"[\s.\u200b]+", "", text.casefold()).replace("organization", "organisation")


def _org_type_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, (thai, english) in ORG_TYPES.items():
        for spelling in (code, thai, english, *_ORG_TYPE_SPELLINGS.get(code, ())):
            table[_normalise_org_type(spelling)] = code
    return table


_ORG_TYPE_BY_SPELLING = _org_type_table()

#: How the accepted types are listed in a problem message.
ACCEPTED_ORG_TYPES_TEXT = (
    ", ".join(spellings[0] for spellings in _ORG_TYPE_SPELLINGS.values())
    + " (or in full: "
    + ", ".join(spellings[1] for spellings in _ORG_TYPE_SPELLINGS.values())
    + ")"
)


def parse_org_type(text: str) -> str | None:
    """The model's code for an organisation type as written in Thai, English or as the code; None if unknown."""
    return _ORG_TYPE_BY_SPELLING.get(_normalise_org_type(text))


# =============================================================================
# Checking rows and comparing with the entries already there
# =============================================================================


@dataclass(frozen=True)
class RowProblem:
    """Why one row (or the mapping, at the header line) cannot be imported.

    ``column`` is the column's header as written in the file (or ``column C``
    when the header cell is empty); it is empty when no column is to blame.
    """

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class EntryChange:
    """An id already in the contest whose row in the file says something else; reported, not applied."""

    line: int
    old: Entry
    new: Entry  # keeps the old entry's attachments: an import never touches them
    fields: tuple[str, ...]  # Entry field names that differ ("contact" for any contact detail)


@dataclass
class ImportPreview:
    """What importing the table would do; nothing has been applied."""

    entries: list[Entry] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    changed: list[EntryChange] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]+$")
# Stripped from both ends of every cell: spaces, and the invisible characters
# that text copied from web pages and Word brings along.
_CELL_TRIM = " \t\r\n\u00a0\u200b\ufeff"


def column_letter(index: int) -> str:
    """Excel's name of a 0-based column: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_label(table: Table, index: int) -> str:
    header = table.headers[index].strip() if index < len(table.headers) else ""
    return header or f"column {column_letter(index)}"


def _quote(value: str, limit: int = 60) -> str:
    """A value as quoted in a message, cut short so one odd cell cannot flood the list."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def preview_import(table: Table, mapping: ColumnMapping, existing: Sequence[Entry]) -> ImportPreview:
    """Check every row and sort it into new, unchanged, changed or problem; apply nothing.

    A row with any problem is left out entirely; all its problems are listed so
    the officer can fix the file in one pass. An id used on several rows is a
    problem on each of them, and none is imported, since the file does not say
    which is right. Comparing with ``existing`` ignores fields the mapping has
    no column for, so a file without, say, a summary column does not count as
    changing every summary.
    """
    preview = ImportPreview()
    missing = mapping.missing_required()
    if missing:
        for name in missing:
            thai, english = FIELD_LABELS[name]
            preview.problems.append(RowProblem(table.header_line, "", f"no column is chosen for {english} ({thai})"))
        return preview

    def cell(cells: list[str], name: str) -> str:
        index = mapping.column(name)
        if index is None or index >= len(cells):
            return ""
        # Cells written on Windows carry \r\n inside; one spelling keeps comparisons honest.
        return cells[index].replace("\r\n", "\n").replace("\r", "\n").strip(_CELL_TRIM)

    def label(name: str) -> str:
        index = mapping.column(name)
        return _column_label(table, index) if index is not None else ""

    lines_of_id: dict[str, list[int]] = defaultdict(list)
    for line, cells in table.rows:
        ident = cell(cells, "id")
        if ident:
            lines_of_id[ident].append(line)

    existing_by_id = {entry.id: entry for entry in existing}
    for line, cells in table.rows:
        values = {name: cell(cells, name) for name in FIELD_LABELS}
        problems = _row_problems(values, lines_of_id, line, label)
        if problems:
            preview.problems.extend(problems)
            continue
        incoming = Entry(
            id=values["id"],
            org_name=values["org_name"],
            org_type=parse_org_type(values["org_type"]) or "",
            province=values["province"],
            project_title=values["project_title"],
            summary=values["summary"],
            contact=Contact(values["contact_name"], values["contact_phone"], values["contact_email"]),
        )
        old = existing_by_id.get(incoming.id)
        if old is None:
            preview.entries.append(incoming)
            continue
        new = _merge_unmapped(old, incoming, mapping)
        differing = tuple(
            f.name for f in fields(Entry) if f.name != "attachments" and getattr(old, f.name) != getattr(new, f.name)
        )
        if differing:
            preview.changed.append(EntryChange(line, old, new, differing))
        else:
            preview.unchanged.append(incoming.id)
    return preview


def _row_problems(
    values: dict[str, str], lines_of_id: dict[str, list[int]], line: int, label: Callable[[str], str]
) -> list[RowProblem]:
    """Every reason the row cannot be imported; ``label`` names a field's column as the file does."""
    problems: list[RowProblem] = []

    def add(name: str, message: str) -> None:
        problems.append(RowProblem(line, label(name), message))

    for name in REQUIRED_FIELDS:
        if not values[name]:
            thai, english = FIELD_LABELS[name]
            add(name, f"{english} ({thai}) is empty")
    ident = values["id"]
    if ident and not ID_RULE.match(ident):
        add("id", f"{_quote(ident)} is not a valid id (letters A–Z, digits, . _ -; starting with a letter or digit; "
                  "at most 64)")
    elif ident and len(lines_of_id[ident]) > 1:
        others = ", ".join(str(n) for n in lines_of_id[ident])
        add("id", f"id {_quote(ident)} is used on lines {others}; each id must appear once, "
                  "so none of these rows is imported")
    org_type = values["org_type"]
    if org_type and parse_org_type(org_type) is None:
        add("org_type", f"{_quote(org_type)} is not a known type of local government; "
                        f"use one of {ACCEPTED_ORG_TYPES_TEXT}")
    email = values["contact_email"]
    if email and not _EMAIL.match(email):
        add("contact_email", f"{_quote(email)} is not an e-mail address (one address like name@example.go.th)")
    return problems


def _merge_unmapped(old: Entry, incoming: Entry, mapping: ColumnMapping) -> Entry:
    """``incoming`` with the old value wherever the file has no column, and the old attachments."""
    def pick(name: str, new_value: str, old_value: str) -> str:
        return new_value if mapping.column(name) is not None else old_value

    contact = Contact(
        pick("contact_name", incoming.contact.name, old.contact.name),
        pick("contact_phone", incoming.contact.phone, old.contact.phone),
        pick("contact_email", incoming.contact.email, old.contact.email),
    )
    return replace(
        incoming,
        summary=pick("summary", incoming.summary, old.summary),
        contact=contact,
        attachments=old.attachments,
    )
