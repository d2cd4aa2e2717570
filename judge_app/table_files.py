"""Reading a table file (CSV or XLSX) safely into a :class:`Table` of text cells.

:func:`read_table` turns a file into text cells, each row with the line (CSV)
or row (XLSX) number a person sees in a text editor or in Excel. It knows
nothing of entries: :mod:`judge_app.importers` turns the table into entries,
and :mod:`judge_app.paper` reads its typing sheets through it too.

CSV files come in UTF-8 (with or without a byte-order mark) or in the Thai
Windows code page cp874, which Excel in Thailand still writes by default
(:func:`decode_csv_bytes`).

The files come from outside (a portal download, a sheet typed by hand, or a
wrongly chosen file), so every read is bounded before it is made: the file
size, the rows and cells read, and for a workbook the number of parts, what
they unpack to and how far each expands, checked from the zip directory
before anything is decompressed; a part declaring a DTD is refused. Without
these limits a few kilobytes (a zip bomb, a row reaching column XFD, nested
entities) could fill memory before any row is seen.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from .errors import ValidationError

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
