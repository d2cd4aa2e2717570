"""Hostile zip archives built byte by byte (struct, never zipfile), for the hostile-input suite.

Python's :mod:`zipfile` cannot write most of what an attacker sends (lying
sizes, a central directory that disagrees with the local headers, data
descriptors on stored members, Zip64 records, symbolic-link modes...), and a
test that builds its hostile input with the library under test proves little.
So :func:`build` writes every header itself. With default :class:`Member`
values it writes exactly the canonical layout of :mod:`judge_app.container`
(stored, UTF-8 flag, 1980-01-01, Unix mode 0644), so each hostile variant
differs from an acceptable file in the one way it is meant to.

Also here: a minimal hand-written XLSX workbook (:func:`xlsx_members`), so the
same tricks can be played on the spreadsheet importer.
"""

from __future__ import annotations

import functools
import stat
import struct
import zlib
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

LOCAL_SIGNATURE = 0x04034B50
CENTRAL_SIGNATURE = 0x02014B50
END_SIGNATURE = 0x06054B50
ZIP64_END_SIGNATURE = 0x06064B50
ZIP64_LOCATOR_SIGNATURE = 0x07064B50
DESCRIPTOR_SIGNATURE = 0x08074B50

FLAG_ENCRYPTED = 0x0001
FLAG_DATA_DESCRIPTOR = 0x0008
FLAG_UTF8 = 0x0800
STORED, DEFLATED = 0, 8
MADE_BY_UNIX, MADE_BY_DOS = 0x0314, 0x0014
DOS_DATE_1980 = 0x21
REGULAR = (stat.S_IFREG | 0o644) << 16


def unix_mode(mode: int) -> int:
    """The external attributes of a Unix entry with ``mode`` (type and permissions)."""
    return mode << 16


@dataclass(frozen=True)
class Member:
    """One entry; every field can lie, and the defaults are the canonical layout.

    ``data`` is what lies in the file after the local header (already
    compressed for ``method=DEFLATED``). ``crc``, ``plain_size`` and
    ``packed_size`` default to the truth about ``plain`` (or ``data``).
    """

    name: bytes
    data: bytes = b""
    plain: bytes | None = None  # the uncompressed content, when data is compressed
    method: int = STORED
    flags: int = FLAG_UTF8
    made_by: int = MADE_BY_UNIX
    version: int = 20
    external_attr: int = REGULAR
    crc: int | None = None
    plain_size: int | None = None
    packed_size: int | None = None
    local_name: bytes | None = None  # another name in the local header than in the directory
    local_extra: bytes = b""
    central_extra: bytes = b""
    comment: bytes = b""
    descriptor: bytes = b""  # bytes written after the data (a data descriptor)
    local_sizes_zero: bool = False  # local header says 0 for CRC and sizes (as with a descriptor)
    offset_delta: int = 0  # added to the directory's offset of the local header
    time: int = 0
    date: int = DOS_DATE_1980

    def true_crc(self) -> int:
        return zlib.crc32(self.plain if self.plain is not None else self.data)

    def header_values(self) -> tuple[int, int, int]:
        crc = self.true_crc() if self.crc is None else self.crc
        plain = len(self.plain if self.plain is not None else self.data)
        plain_size = plain if self.plain_size is None else self.plain_size
        packed_size = len(self.data) if self.packed_size is None else self.packed_size
        return crc, packed_size, plain_size


def build(
    members: list[Member],
    *,
    comment: bytes = b"",
    prefix: bytes = b"",
    count: int | None = None,
    directory_size: int | None = None,
    directory_offset: int | None = None,
    zip64_end: bool = False,
) -> bytes:
    """The archive's bytes; keyword arguments make the end record lie or add Zip64 records."""
    body = bytearray(prefix)
    central = bytearray()
    for m in members:
        crc, packed, plain = m.header_values()
        local_crc, local_packed, local_plain = (0, 0, 0) if m.local_sizes_zero else (crc, packed, plain)
        local_name = m.name if m.local_name is None else m.local_name
        offset = len(body)
        body += struct.pack(
            "<IHHHHHIIIHH", LOCAL_SIGNATURE, m.version, m.flags, m.method, m.time, m.date,
            local_crc, local_packed & 0xFFFFFFFF, local_plain & 0xFFFFFFFF, len(local_name), len(m.local_extra),
        )
        body += local_name + m.local_extra + m.data + m.descriptor
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", CENTRAL_SIGNATURE, m.made_by, m.version, m.flags, m.method, m.time, m.date,
            crc, packed & 0xFFFFFFFF, plain & 0xFFFFFFFF, len(m.name), len(m.central_extra), len(m.comment),
            0, 0, m.external_attr, (offset + m.offset_delta) & 0xFFFFFFFF,
        )
        central += m.name + m.central_extra + m.comment
    entries = len(members) if count is None else count
    size = len(central) if directory_size is None else directory_size
    start = len(body) if directory_offset is None else directory_offset
    tail = b""
    if zip64_end:
        zip64_at = len(body) + len(central)
        tail = struct.pack("<IQHHIIQQQQ", ZIP64_END_SIGNATURE, 44, 45, 45, 0, 0, entries, entries, size, start)
        tail += struct.pack("<IIQI", ZIP64_LOCATOR_SIGNATURE, 0, zip64_at, 1)
        entries, size, start = 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF
    end = struct.pack(
        "<IHHHHIIH", END_SIGNATURE, 0, 0, min(entries, 0xFFFF), min(entries, 0xFFFF), size & 0xFFFFFFFF,
        start & 0xFFFFFFFF, len(comment),
    )
    return bytes(body + central + tail + end + comment)


# --------------------------------------------------------------------------
# Members of particular kinds
# --------------------------------------------------------------------------


def stored(name: str | bytes, data: bytes = b"x", **fields) -> Member:
    raw = name.encode("utf-8") if isinstance(name, str) else name
    return Member(raw, data, **fields)


def deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def deflated(name: str | bytes, plain: bytes, **fields) -> Member:
    return replace(stored(name, deflate(plain), **fields), plain=plain, method=DEFLATED)


@functools.lru_cache(maxsize=8)
def deflated_zeros(size: int) -> tuple[bytes, int]:
    """Raw deflate of ``size`` zero bytes and their CRC-32, made 1 MiB at a time (a bomb's payload)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    parts, crc, left = [], 0, size
    while left:
        piece = chunk[: min(left, len(chunk))]
        parts.append(packer.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    parts.append(packer.flush())
    return b"".join(parts), crc


def bomb(name: str | bytes, size: int, **fields) -> Member:
    """A deflated member that truly expands to ``size`` zero bytes (about 1,000 times its size)."""
    data, crc = deflated_zeros(size)
    return replace(stored(name, data, **fields), method=DEFLATED, crc=crc, plain_size=size)


def symlink(name: str, target: str) -> Member:
    return stored(name, target.encode(), external_attr=unix_mode(stat.S_IFLNK | 0o777))


def directory(name: str, *, dos: bool = False) -> Member:
    if dos:
        return stored(name, b"", made_by=MADE_BY_DOS, external_attr=0x10)
    return stored(name, b"", external_attr=unix_mode(stat.S_IFDIR | 0o755))


def zip64_extra(plain_size: int, packed_size: int) -> bytes:
    """A Zip64 extended-information extra field carrying 64-bit sizes."""
    return struct.pack("<HHQQ", 0x0001, 16, plain_size, packed_size)


def with_descriptor(member: Member) -> Member:
    """The member as a streaming writer makes it: sizes in a data descriptor after the data."""
    crc, packed, plain = member.header_values()
    return replace(
        member, flags=member.flags | FLAG_DATA_DESCRIPTOR, local_sizes_zero=True,
        descriptor=struct.pack("<IIII", DESCRIPTOR_SIGNATURE, crc, packed, plain),
    )


# --------------------------------------------------------------------------
# A minimal XLSX workbook, written by hand
# --------------------------------------------------------------------------

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b"</Types>"
)
_ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    b'Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET = "xl/worksheets/sheet1.xml"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SHEET_OPEN = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_CLOSE = b"</sheetData></worksheet>"


def sheet_rows(rows: list[list[str]]) -> bytes:
    """``<row>`` elements of inline-string cells (row and column references left out, as Excel may)."""
    out = []
    for cells in rows:
        inner = "".join(f'<c t="inlineStr"><is><t xml:space="preserve">{escape(c)}</t></is></c>' for c in cells)
        out.append(f"<row>{inner}</row>")
    return "".join(out).encode("utf-8")


def sheet(rows: list[list[str]], *, prolog: bytes = XML_DECLARATION) -> bytes:
    return prolog + SHEET_OPEN + sheet_rows(rows) + SHEET_CLOSE


def xlsx_members(sheet_xml: bytes, *, compress: bool = True) -> list[Member]:
    """The parts of a workbook whose one worksheet is ``sheet_xml``; openpyxl reads it like one from Excel."""
    parts = [
        ("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _ROOT_RELS), ("xl/workbook.xml", _WORKBOOK),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS), (SHEET, sheet_xml),
    ]
    make = deflated if compress else stored
    return [make(name, data, flags=0) for name, data in parts]


def replace_part(members: list[Member], name: str, new: Member) -> list[Member]:
    return [new if m.name == name.encode() else m for m in members]


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    )
    + b"]>"
)
EXTERNAL_ENTITY = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def sheet_with_entity(prolog: bytes, entity: str) -> bytes:
    """A sheet whose one cell is ``&entity;``, declared in ``prolog`` (a DOCTYPE)."""
    cell = f'<row><c t="inlineStr"><is><t>&{entity};</t></is></c></row>'.encode()
    return prolog + SHEET_OPEN + sheet_rows([["id"]]) + cell + SHEET_CLOSE


def wide_sheet(rows: int) -> bytes:
    """Rows with one cell in the last column (XFD): a few bytes each, 16,384 cells each when read."""
    body = b"".join(b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (i, i) for i in range(1, rows + 1))
    return XML_DECLARATION + SHEET_OPEN + body + SHEET_CLOSE


def central_directory_only(entries: int) -> bytes:
    """A zip of ``entries`` tiny directory entries and no data (what a reader lists before reading)."""
    first = struct.pack("<IHHHHHIIIHH", LOCAL_SIGNATURE, 20, FLAG_UTF8, STORED, 0, DOS_DATE_1980, 0, 0, 0, 7, 0)
    first += b"0000000"  # so the file starts like every zip (the importer sniffs "PK\3\4")
    head = struct.Struct("<IHHHHHHIIIHHHHHII")
    directory = b"".join(
        head.pack(CENTRAL_SIGNATURE, MADE_BY_UNIX, 20, FLAG_UTF8, STORED, 0, DOS_DATE_1980, 0, 0, 0, 7, 0, 0, 0, 0,
                  REGULAR, 0) + b"%07d" % i
        for i in range(entries)
    )
    end = struct.pack("<IHHHHIIH", END_SIGNATURE, 0, 0, min(entries, 0xFFFF), min(entries, 0xFFFF),
                      len(directory), len(first), 0)
    return first + directory + end
