"""Hostile-input suite: no file, however broken or hostile, gets more than a clear refusal.

Every reader of outside files is given hostile archives (built byte by byte in
tests/hostile_zips.py), hostile JSON, hostile spreadsheets and fuzzed inputs
(hypothesis, with a fixed budget per target). The only exceptions allowed out
are the project's own (JudgeAppError and subclasses); anything else fails the
test with its traceback. Zip bombs must be refused before anything is
decompressed, which the tests measure (bytes decompressed, tracemalloc peak).

Budget: the default run tries a few thousand inputs in well under a minute;
``DLG_LONG=1`` multiplies every budget by 20. The figures (inputs tried per
target) are printed at the end of the module and written to
``<pytest basetemp>/hostile-input-figures.txt``. Optional coverage-guided
harnesses for the same targets are in fuzz/ (atheris).
"""

from __future__ import annotations

import base64
import json
import os
import stat
import sys
import tracemalloc
import unicodedata
import zipfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

import openpyxl  # noqa: F401 - imported before any memory is measured
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile_zips as hz
from conftest import play_judge
from judge_app import canonical
from judge_app.bundle import MANIFEST, MANIFEST_SIGNATURE, build_bundle, open_bundle
from judge_app.container import open_container
from judge_app.container_write import write_container
from judge_app.enrolment import PAYLOAD as ENROLMENT_PAYLOAD
from judge_app.enrolment import SIGNATURE as ENROLMENT_SIGNATURE
from judge_app.enrolment import EnrolmentError, read_enrolment, write_enrolment
from judge_app.errors import BundleError, CanonicalError, ContainerError, JudgeAppError, ScoreFileError
from judge_app.errors import ValidationError
from judge_app.importers import FIELD_LABELS, ColumnMapping, guess_mapping, preview_import
from judge_app.judging import JudgeSession
from judge_app.keys import PrivateKey
from judge_app.merge import REJECTED, merge_files, merge_one
from judge_app.contest_json import contest_from_json, contest_to_json, load_contest, rubric_from_json
from judge_app.paper import read_typing_csv
from judge_app.scorefile import MINISIG, PAYLOAD, SSH_NAMESPACE, SSHSIG, parse_score_file, read_score_file
from judge_app.signatures import minisign_sign, sshsig_sign
from judge_app.table_files import read_table

LONG = os.environ.get("DLG_LONG", "") == "1"
SCALE = 20 if LONG else 1
TRIED: Counter[str] = Counter()
"""Inputs tried per target in this run (the suite's figures)."""
REFUSED: Counter[str] = Counter()
"""Of those, the inputs the reader refused with its own clear error (the rest it accepted)."""
NOTES: list[str] = []


def budget(examples: int) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None,
                    suppress_health_check=list(HealthCheck))


class _FiguresReport:
    """A plugin registered by this module, so its figures print in pytest's end-of-run summary."""

    def __init__(self, path: Path):
        self.path = path

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.path.exists():
            terminalreporter.write_sep("-", "hostile-input figures")
            terminalreporter.write(self.path.read_text())
            terminalreporter.write_line(f"(written to {self.path})")


@pytest.fixture(scope="module", autouse=True)
def figures(request, tmp_path_factory):
    path = tmp_path_factory.getbasetemp() / "hostile-input-figures.txt"
    request.config.pluginmanager.register(_FiguresReport(path), "hostile-input-figures")
    yield TRIED
    width = max((len(t) for t in TRIED), default=10) + 2
    lines = [f"{'DLG_LONG=1 (20x)' if LONG else 'default'} budget; any other exception would have failed the run",
             f"  {'target':<{width}}{'tried':>8}{'refused':>9}{'accepted':>9}"]
    lines += [f"  {target:<{width}}{count:>8}{REFUSED[target]:>9}{count - REFUSED[target]:>9}"
              for target, count in sorted(TRIED.items())]
    total = sum(TRIED.values())
    lines.append(f"  {'total':<{width}}{total:>8}{sum(REFUSED.values()):>9}{total - sum(REFUSED.values()):>9}")
    lines += sorted(set(NOTES))
    path.write_text("\n".join(lines) + "\n")


def only_own_error(target: str, call: Callable[[], Any], allowed: type[JudgeAppError]) -> JudgeAppError | None:
    """Run one input through a reader: it may succeed or raise ``allowed``; anything else escapes."""
    TRIED[target] += 1
    try:
        call()
    except allowed as error:
        assert str(error).strip(), "an error without a message is not a clear error"
        REFUSED[target] += 1
        return error
    return None


# =============================================================================
# Readers, and what each may raise
# =============================================================================


def read_whole_container(path: Path) -> None:
    with open_container(path) as box:
        for name in box.names:
            box.read(name)


READERS: dict[str, tuple[Callable[[Path], object], type[JudgeAppError]]] = {
    "container": (read_whole_container, ContainerError),
    "bundle": (lambda p: open_bundle(p, None), BundleError),
    "score file": (read_score_file, ScoreFileError),
    "enrolment": (read_enrolment, EnrolmentError),
    "xlsx import": (read_table, ValidationError),
}


class DecompressionMeter:
    """Counts every byte zipfile decompresses (for any reader that uses zipfile)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.bytes = 0
        original = zipfile._get_decompressor
        meter = self

        class Counting:
            def __init__(self, inner):
                self._inner = inner

            def decompress(self, data, *args):
                out = self._inner.decompress(data, *args)
                meter.bytes += len(out)
                return out

            def __getattr__(self, name):
                return getattr(self._inner, name)

        def counting(compress_type):
            inner = original(compress_type)
            return Counting(inner) if inner is not None else None

        monkeypatch.setattr(zipfile, "_get_decompressor", counting)


@contextmanager
def peak_memory():
    """Yields a list that holds the tracemalloc peak (bytes) once the block ends."""
    result: list[int] = []
    tracemalloc.start()
    try:
        yield result
    finally:
        result.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()


# =============================================================================
# Hostile archives: every reader refuses each with a clear message
# =============================================================================

MiB = 1 << 20
OK = hz.stored("manifest.json", b"{}")


@dataclass(frozen=True)
class Case:
    members: Callable[[], list[hz.Member]] | Callable[[], bytes]
    phrases: tuple[str, ...]  # the refusal names one of these
    everywhere: bool = True  # the phrase also reaches bundle, score-file and enrolment messages


def _case(members, *phrases, everywhere=True) -> Case:
    return Case(members, phrases, everywhere)


def _dos_regular(name: str) -> hz.Member:
    return hz.stored(name, b"x", made_by=hz.MADE_BY_DOS, external_attr=0x20)


HOSTILE_ARCHIVES: dict[str, Case] = {
    # path traversal and names that are not plain relative paths
    "dotdot": _case(lambda: [OK, hz.stored("../../.bashrc")], "path traversal"),
    "dotdot-inside": _case(lambda: [OK, hz.stored("attachments/../../x.pdf")], "path traversal"),
    "absolute": _case(lambda: [OK, hz.stored("/etc/passwd")], "absolute path"),
    "drive-letter": _case(lambda: [OK, hz.stored("C:/Windows/win.ini")], "absolute path"),
    "drive-relative": _case(lambda: [OK, hz.stored("C:evil.txt")], "absolute path"),
    "unc-path": _case(lambda: [OK, hz.stored("\\\\server\\share\\x")], "absolute path"),
    "backslash-traversal": _case(lambda: [OK, hz.stored("attachments\\..\\..\\x")], "backslash"),
    "empty-segment": _case(lambda: [OK, hz.stored("a//b")], "empty segment"),
    "dot-segment": _case(lambda: [OK, hz.stored("./a")], "'.' segment"),
    "nul-in-name": _case(lambda: [OK, hz.stored(b"a\x00.pdf")], "NUL or control character"),
    "escape-in-name": _case(lambda: [OK, hz.stored("a\x1b[31m.pdf")], "NUL or control character"),
    "name-300-bytes": _case(lambda: [OK, hz.stored("a" * 300)], "longer than 255 bytes"),
    "invalid-utf8-name": _case(lambda: [OK, hz.stored(b"caf\xe9.pdf")], "not a zip file or truncated"),
    "cp437-name": _case(lambda: [OK, hz.stored(b"caf\x82.pdf", flags=0)], "altered after it was made"),
    # things that are not plain files
    "symlink": _case(lambda: [OK, hz.symlink("link", "/etc/passwd")], "symbolic link"),
    "unix-directory": _case(lambda: [OK, hz.directory("docs")], "directory entry"),
    "dos-directory": _case(lambda: [OK, hz.directory("docs", dos=True)], "directory entry"),
    "trailing-slash": _case(lambda: [OK, hz.stored("docs/")], "directory entry"),
    "fifo": _case(lambda: [OK, hz.stored("pipe", external_attr=hz.unix_mode(stat.S_IFIFO | 0o644))],
                  "not a regular file"),
    "dos-made-file": _case(lambda: [_dos_regular("a.txt")], "altered after it was made"),
    # duplicate names, also in letter case and Unicode normalisation
    "duplicate": _case(lambda: [OK, hz.stored("manifest.json")], "duplicate name"),
    "case-duplicate": _case(lambda: [hz.stored("Report.pdf"), hz.stored("REPORT.PDF")], "letter case"),
    "nfc-nfd-duplicate": _case(lambda: [hz.stored(unicodedata.normalize("NFC", "café.pdf")),
                                        hz.stored(unicodedata.normalize("NFD", "café.pdf"))], "normalisation"),
    "kelvin-sign-duplicate": _case(lambda: [hz.stored("key.txt"), hz.stored("\u212aey.txt")], "clashes with"),
    "sharp-s-duplicate": _case(lambda: [hz.stored("straße.txt"), hz.stored("STRASSE.txt")], "clashes with"),
    # zip bombs: ratio, absolute size per file and in total, lies
    "bomb-50MiB-deflated": _case(lambda: [OK, hz.bomb("zeros.bin", 50 * MiB)],
                                 "refused as a zip bomb", "over the limit of"),
    "bomb-stored-liar": _case(lambda: [OK, hz.stored("liar.bin", b"x" * 10, plain_size=10 * MiB)],
                              "refused as a zip bomb", "over the limit of"),
    "bomb-empty-claims-much": _case(lambda: [OK, hz.stored("void", b"", plain_size=1)], "expand unbounded times"),
    "bomb-600MiB-member": _case(lambda: [OK, hz.stored("big", b"", plain_size=600 * MiB, packed_size=600 * MiB)],
                                "over the limit of"),
    "bomb-5x500MiB-total": _case(
        lambda: [hz.stored(f"big{i}", b"", plain_size=500 * MiB, packed_size=500 * MiB) for i in range(5)],
        "too many members", "in total"),
    "overlapping-entries": _case(lambda: hz.build([hz.stored("a.pdf", b"A" * 4096),
                                                   hz.stored("b.pdf", b"A" * 4096, offset_delta=-4096 - 35)]),
                                 "altered after it was made", "not a zip file"),
    "end-record-claims-65535": _case(lambda: hz.build([OK], count=0xFFFF), "too many members"),
    "directory-size-lie": _case(lambda: hz.build([OK], directory_size=0x7FFFFFF0),
                                "before the file does", "too many members", "not a zip file"),
    "directory-offset-lie": _case(lambda: hz.build([OK], directory_offset=5), "not a zip file", "altered"),
    # Zip64, data descriptors, encryption, extra fields, comments
    "zip64-end-records": _case(lambda: hz.build([OK], zip64_end=True), "Zip64"),
    "zip64-extra-1TiB": _case(lambda: [OK, hz.stored("huge", b"", plain_size=0xFFFFFFFF, packed_size=0xFFFFFFFF,
                                                     central_extra=hz.zip64_extra(2**40, 2**40))],
                              "over the limit of", "not a zip file"),
    "zip64-extra-small": _case(lambda: [OK, hz.stored("a.txt", central_extra=hz.zip64_extra(1, 1))], "altered"),
    "data-descriptor": _case(lambda: [hz.with_descriptor(OK)], "altered after it was made"),
    "encrypted-flag": _case(lambda: [OK, hz.stored("secret.pdf", flags=hz.FLAG_UTF8 | hz.FLAG_ENCRYPTED)],
                            "is encrypted"),
    "local-extra-field": _case(lambda: [OK, hz.stored("a.txt", local_extra=b"UT\x05\x00\x01\x00\x00\x00\x00")],
                               "altered after it was made"),
    "central-extra-field": _case(lambda: [OK, hz.stored("a.txt", central_extra=b"UT\x05\x00\x01\x00\x00\x00\x00")],
                                 "altered after it was made"),
    "member-comment": _case(lambda: [OK, hz.stored("a.txt", comment=b"hello")], "altered after it was made"),
    "archive-comment": _case(lambda: hz.build([OK], comment=b"PK\x05\x06 fake"), "altered", "not a zip"),
    "self-extractor-prefix": _case(lambda: hz.build([OK], prefix=b"MZ" + bytes(200)), "altered after it was made"),
    # the central directory and the local headers disagree
    "local-name-differs": _case(lambda: [OK, hz.stored("a.txt", local_name=b"../evil")], "altered"),
    "local-offset-off-by-one": _case(lambda: [OK, hz.stored("a.txt", offset_delta=1)], "altered", "not a zip"),
    "local-sizes-zero": _case(lambda: [OK, hz.stored("a.txt", b"xyz", local_sizes_zero=True)], "altered"),
    "crc-lie": _case(lambda: [hz.stored("manifest.json", b"{}", crc=1)], "damaged", everywhere=False),
    # compression and versions our containers never use
    "deflated": _case(lambda: [OK, hz.deflated("a.txt", b"hello " * 100)], "is compressed (method 8)"),
    "unknown-method-99": _case(lambda: [OK, hz.stored("a.txt", method=99)], "is compressed (method 99)"),
    "version-45": _case(lambda: [hz.stored("manifest.json", b"{}", version=45)], "altered after it was made"),
    "timestamp": _case(lambda: [hz.stored("manifest.json", b"{}", time=0x6000)], "altered after it was made"),
    # not zips at all
    "empty-file": _case(lambda: b"", "not a zip file"),
    "random-bytes": _case(lambda: bytes(range(256)) * 3, "not a zip file"),
    "end-record-only": _case(lambda: hz.build([]) [:-2] + b"\x00", "not a zip file", "altered"),
    "truncated-half": _case(lambda: hz.build([OK, hz.stored("a.pdf", b"%PDF" * 100)])[:300], "not a zip file"),
}


def archive_bytes(case: Case) -> bytes:
    made = case.members()
    return made if isinstance(made, bytes) else hz.build(made)


def test_each_hand_built_baseline_is_a_valid_container(tmp_path):
    """So that every refusal below is due to the one hostile thing, not to the builder."""
    path = tmp_path / "ok.zip"
    path.write_bytes(hz.build([OK, hz.stored("attachments/E1/ผลงาน.pdf", b"%PDF-1.7")]))
    read_whole_container(path)
    assert zipfile.ZipFile(path).testzip() is None


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize("kind", list(HOSTILE_ARCHIVES))
def test_hostile_archive_is_refused_clearly_and_nothing_is_decompressed(tmp_path, monkeypatch, kind, reader):
    case = HOSTILE_ARCHIVES[kind]
    path = tmp_path / f"hostile-{kind}.zip"
    blob = archive_bytes(case)
    path.write_bytes(blob)
    read, allowed = READERS[reader]
    meter = DecompressionMeter(monkeypatch)
    with peak_memory() as peak:
        error = only_own_error(f"hostile archives × {reader}", lambda: read(path), allowed)
    if reader == "xlsx import" and not blob.startswith(b"PK\x03\x04"):
        return  # not a zip to the importer: read as CSV text, which may well succeed
    assert error is not None, f"{kind} was accepted by the {reader} reader"
    assert str(path) in str(error), "the message names the file"
    if reader == "container" or (case.everywhere and reader != "xlsx import"):
        assert any(p in error.message for p in case.phrases), error.message
    assert meter.bytes < 64 * 1024, f"{meter.bytes} bytes decompressed before refusing"
    assert peak[0] < 8 * MiB, f"peak {peak[0]} bytes of memory to refuse {path.stat().st_size} bytes"


# =============================================================================
# Zip bombs are refused before decompression, within a memory bound
# =============================================================================


def test_a_300MiB_container_bomb_is_refused_without_decompressing(tmp_path, monkeypatch):
    path = tmp_path / "bomb.dlgbundle"
    path.write_bytes(hz.build([OK, hz.bomb("attachments/E1/zeros.pdf", 300 * MiB)]))
    assert path.stat().st_size < MiB
    meter = DecompressionMeter(monkeypatch)
    for reader, (read, allowed) in READERS.items():
        with peak_memory() as peak:
            assert only_own_error("zip bombs", lambda: read(path), allowed) is not None
        assert meter.bytes < 64 * 1024 and peak[0] < 4 * MiB, (reader, meter.bytes, peak[0])


def test_a_huge_manifest_is_refused_without_reading_it(tmp_path, monkeypatch):
    import judge_app.bundle as bundle_module

    monkeypatch.setattr(bundle_module, "MAX_MANIFEST_BYTES", 4 * MiB)
    path = tmp_path / "huge.dlgbundle"
    write_container(path, [(MANIFEST, b" " * (5 * MiB)), (MANIFEST_SIGNATURE, b"x")])
    with peak_memory() as peak:
        error = only_own_error("huge manifests", lambda: open_bundle(path, None), BundleError)
    assert "more than the 4194304 allowed" in error.message
    assert peak[0] < 4 * MiB, peak[0]  # hashing reads 1 MiB at a time; the 5 MiB manifest is never held


def test_a_score_file_over_its_limits_is_refused_by_declared_size(tmp_path):
    path = tmp_path / "big.dlgscores"
    path.write_bytes(hz.build([hz.stored(PAYLOAD, b"", plain_size=33 * MiB, packed_size=33 * MiB)]))
    with peak_memory() as peak:
        error = only_own_error("huge manifests", lambda: read_score_file(path), ScoreFileError)
    assert "over the limit of 33554432 bytes per file" in error.message
    assert peak[0] < 2 * MiB


def sparse_file(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of ``size`` bytes that takes no disk space (a hole after ``head``)."""
    with open(path, "wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


OVERLONG: dict[str, tuple[Callable[[Path], object], type[JudgeAppError], int, str]] = {
    "score file": (read_score_file, ScoreFileError, 3 * 2**30, "far too large"),
    "contest file": (load_contest, ValidationError, 3 * 2**30, "too large to be a contest file"),
    "csv or xlsx": (read_table, ValidationError, 3 * 2**30, "larger than 50 MB"),
    "bundle": (lambda p: open_bundle(p, None), BundleError, 3 * 2**30, "over the limit of 2147483647 bytes"),
    "enrolment": (read_enrolment, EnrolmentError, 3 * 2**30, "over the limit"),
}


@pytest.mark.parametrize("kind", list(OVERLONG))
def test_an_overlong_file_is_refused_before_it_is_read(tmp_path, kind):
    """A 3 GiB file (sparse: no disk used) given to each reader; reading it whole would need 3 GiB of memory."""
    read, allowed, size, phrase = OVERLONG[kind]
    path = sparse_file(tmp_path / "overlong", size, head=b"PK\x03\x04")
    with peak_memory() as peak:
        error = only_own_error("overlong files", lambda: read(path), allowed)
    assert error is not None and phrase in error.message, error
    assert peak[0] < 4 * MiB, peak[0]


@pytest.mark.parametrize("read", [load_contest, read_score_file, read_table, read_enrolment,
                                  lambda p: open_bundle(p, None)])
def test_a_folder_instead_of_a_file_is_refused(tmp_path, read):
    only_own_error("folders given as files", lambda: read(tmp_path), JudgeAppError)


def test_merge_refuses_an_overlong_file_before_reading_it(tmp_path, enrolled_db):
    path = sparse_file(tmp_path / "overlong.dlgscores", 100 * MiB)
    with enrolled_db.open_db() as db:
        with peak_memory() as peak:
            outcome = merge_files(db, [path])[0]
        assert outcome.status == REJECTED and "too large" in outcome.reason
    assert peak[0] < 16 * MiB, peak[0]


# =============================================================================
# Hostile XLSX workbooks: bombs, entity expansion, external entities, wide rows
# =============================================================================


def _write_xlsx(tmp_path: Path, members: list[hz.Member], name: str = "hostile.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(hz.build(members))
    return path


def test_defusedxml_availability_is_reported():
    """openpyxl parses with defusedxml only if it is installed; the importer must not depend on it."""
    import importlib.util

    from openpyxl import DEFUSEDXML

    NOTES.append(f"openpyxl parses XML with defusedxml: {'yes' if DEFUSEDXML else 'no, not installed'}; "
                 "the importer refuses DTDs and bombs itself either way")
    assert DEFUSEDXML == (importlib.util.find_spec("defusedxml") is not None)


def test_a_plain_hand_built_workbook_reads(tmp_path):
    path = _write_xlsx(tmp_path, hz.xlsx_members(hz.sheet([["id", "ชื่อ"], ["E1", "อบต. ก & <ข>"]])))
    table = read_table(path)
    assert table.headers == ["id", "ชื่อ"] and table.rows == [(2, ["E1", "อบต. ก & <ข>"])]


@pytest.mark.parametrize(
    ("kind", "prolog", "entity"),
    [("billion-laughs", hz.BILLION_LAUGHS, "lol9"), ("external-entity", hz.EXTERNAL_ENTITY, "xxe")],
)
def test_entity_tricks_in_a_workbook_are_refused_before_parsing(tmp_path, monkeypatch, kind, prolog, entity):
    members = hz.replace_part(hz.xlsx_members(hz.sheet([])), hz.SHEET,
                              hz.deflated(hz.SHEET, hz.sheet_with_entity(prolog, entity), flags=0))
    path = _write_xlsx(tmp_path, members)
    meter = DecompressionMeter(monkeypatch)
    with peak_memory() as peak:
        error = only_own_error("xlsx entity tricks", lambda: read_table(path), ValidationError)
    assert error is not None and "DTD" in error.message, error
    assert "root:" not in error.message  # nothing of /etc/passwd
    assert peak[0] < 4 * MiB and meter.bytes < MiB, (peak[0], meter.bytes)


def test_a_dtd_in_any_part_is_refused(tmp_path):
    doctype = b'<?xml version="1.0"?>\n<!DOCTYPE Types>\n'
    members = hz.xlsx_members(hz.sheet([["id"]]))
    content_types = members[0]
    members[0] = hz.deflated(content_types.name, doctype + content_types.plain.split(b"\n", 1)[1], flags=0)
    error = only_own_error("xlsx entity tricks", lambda: read_table(_write_xlsx(tmp_path, members)), ValidationError)
    assert error is not None and "[Content_Types].xml" in error.message and "DTD" in error.message


@pytest.mark.parametrize(
    ("kind", "make", "phrase"),
    [
        ("300MiB-sheet", lambda: hz.bomb(hz.SHEET, 300 * MiB, flags=0), "zip bomb"),
        ("sheet-declares-2GiB", lambda: hz.stored(hz.SHEET, b"", plain_size=2**31 - 1, packed_size=2**31 - 1,
                                                  flags=0), "unpack"),
        ("ratio-150", lambda: hz.deflated(hz.SHEET, hz.sheet([]), plain_size=150 * MiB, packed_size=MiB,
                                          flags=0), "zip bomb"),
    ],
)
def test_a_workbook_bomb_is_refused_before_decompressing(tmp_path, monkeypatch, kind, make, phrase):
    members = hz.replace_part(hz.xlsx_members(hz.sheet([])), hz.SHEET, make())
    path = _write_xlsx(tmp_path, members)
    meter = DecompressionMeter(monkeypatch)
    with peak_memory() as peak:
        error = only_own_error("xlsx bombs", lambda: read_table(path), ValidationError)
    assert error is not None and phrase in error.message, error
    assert meter.bytes < MiB and peak[0] < 4 * MiB, (meter.bytes, peak[0])


def test_a_workbook_with_a_huge_central_directory_is_refused_before_listing_it(tmp_path):
    """zipfile builds an object per directory entry: 300,000 of them would cost over 100 MiB."""
    path = tmp_path / "many-parts.xlsx"
    path.write_bytes(hz.central_directory_only(300_000))
    with peak_memory() as peak:
        error = only_own_error("xlsx bombs", lambda: read_table(path), ValidationError)
    assert error is not None and "parts" in error.message, error
    assert peak[0] < path.stat().st_size + 8 * MiB, peak[0]  # the file itself is read once, whole


def test_rows_reaching_the_last_column_cannot_exhaust_memory(tmp_path):
    """A few bytes per row, 16,384 cells per row when read: capped by cells, not only rows."""
    path = _write_xlsx(tmp_path, hz.replace_part(hz.xlsx_members(b""), hz.SHEET,
                                                 hz.deflated(hz.SHEET, hz.wide_sheet(5_000), flags=0)))
    assert path.stat().st_size < 100_000
    with peak_memory() as peak:
        error = only_own_error("xlsx bombs", lambda: read_table(path), ValidationError)
    assert error is not None and "cells" in error.message, error
    assert peak[0] < 200 * MiB, peak[0]  # unbounded, it would be 5,000 rows x 16,384 cells (> 600 MiB)


def test_a_csv_with_too_many_cells_is_refused(tmp_path, monkeypatch):
    import judge_app.table_files as table_files

    monkeypatch.setattr(table_files, "MAX_CELLS", 10)
    path = tmp_path / "wide.csv"
    path.write_text("a,b,c,d\n1,2,3,4\n5,6,7,8\n", encoding="utf-8")
    error = only_own_error("csv bombs", lambda: read_table(path), ValidationError)
    assert error is not None and "more than 10 cells" in error.message


# =============================================================================
# Hostile JSON: written by hand, so it can hold what no JSON library writes
# =============================================================================


class Raw(str):
    """JSON text written as it is: NaN, 1e999, a 5,000-digit number, a lone surrogate escape..."""


class Pairs(list):
    """A JSON object written from (key, value) pairs in order, so a key can repeat."""


def hostile_dumps(value: Any) -> bytes:
    """Canonical JSON (sorted keys, no spaces) wherever the value is ordinary, so readers parse it deeply.

    U+DC80 to U+DCFF stand for the raw bytes 0x80 to 0xFF, so a table can spell invalid UTF-8.
    """
    return _json_text(value).encode("utf-8", "surrogateescape")


def _json_text(value: Any) -> str:
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, Pairs):
        return "{" + ",".join(f"{_json_text(k)}:{_json_text(v)}" for k, v in value) + "}"
    if isinstance(value, dict):
        return "{" + ",".join(f"{_json_text(k)}:{_json_text(value[k])}" for k in sorted(value)) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_json_text(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


HOSTILE_JSON: dict[str, str] = {
    "100k-open-brackets": "[" * 100_000,
    "100k-nested-arrays": "[" * 100_000 + "]" * 100_000,
    "100k-nested-objects": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "nested-40": "[" * 40 + "]" * 40,
    "int-5000-digits": "1" * 5000,
    "negative-int-4400-digits": "-" + "9" * 4400,
    "int-4000-digits": "9" * 4000,
    "int-2**64": str(2**64),
    "nan": "NaN",
    "infinity": "Infinity",
    "minus-infinity": "-Infinity",
    "1e999": "1e999",
    "float": "1.5",
    "minus-zero": "-0",
    "duplicate-keys": '{"a":1,"a":2}',
    "lone-surrogate": '"\\ud800"',
    "reversed-surrogates": '"\\udfff\\ud800"',
    "nul-escape": '"a\\u0000b"',
    "invalid-utf8": '"\udcff"',  # written as the raw byte 0xFF
    "overlong-utf8": '"\udcc0\udcaf"',  # 0xC0 0xAF, an overlong "/"
    "unterminated": '{"a":',
    "trailing-garbage": "{}x",
    "empty": "",
}


ATTACKER = PrivateKey.generate()


@pytest.fixture(scope="module")
def small_contest(demo):
    """The demo contest cut down to judge J01 and the first two entries assigned to them."""
    _, contest = demo
    round_ = contest.rounds[0]
    mine = round_.entries_of("J01")[:2]
    return replace(contest, entries=tuple(contest.entry(e) for e in mine), judges=(contest.judge("J01"),),
                   rounds=(replace(round_, assignments={"J01": mine}),))


@pytest.fixture(scope="module")
def small_bundle(demo, small_contest, tmp_path_factory):
    """J01's bundle of the small contest, and its members to rewrite at will."""
    path = tmp_path_factory.mktemp("small-bundle") / "small.dlgbundle"
    build_bundle(small_contest, small_contest.rounds[0].id, "J01", demo[0], PrivateKey.generate(), path)
    with open_container(path) as box:
        return path, {name: box.read(name) for name in box.names}


def signed_bundle(path: Path, manifest: bytes, attachments: dict[str, bytes], key: PrivateKey = ATTACKER) -> Path:
    signature = minisign_sign(key, manifest, trusted_comment="hostile").encode()
    others = [(n, d) for n, d in attachments.items() if n not in (MANIFEST, MANIFEST_SIGNATURE)]
    write_container(path, [(MANIFEST, manifest), (MANIFEST_SIGNATURE, signature), *others])
    return path


def manifest_tree(members: dict[str, bytes], key: PrivateKey = ATTACKER) -> dict[str, Any]:
    """The real manifest, claiming ``key`` as the secretariat's (so a signature by ``key`` verifies)."""
    tree = json.loads(members[MANIFEST])
    tree["secretariat"]["public_key"] = key.public_key.to_base64()
    return tree


@pytest.fixture(scope="module")
def played(issued_template, tmp_path_factory):
    """A real signed score file of judge J03 and the judge's key."""
    return play_judge(issued_template, "J03", tmp_path_factory.mktemp("played"))


def signed_score_file(payload: bytes, key: PrivateKey) -> bytes:
    members = [
        (PAYLOAD, payload),
        (MINISIG, minisign_sign(key, payload, trusted_comment="hostile").encode()),
        (SSHSIG, sshsig_sign(key, payload, namespace=SSH_NAMESPACE).encode()),
    ]
    return pack(members)


def pack(members: list[tuple[str, bytes]]) -> bytes:
    return hz.build([hz.stored(name, data) for name, data in members])


def score_tree(played) -> dict[str, Any]:
    with open_container(played.score_file) as box:
        return json.loads(box.read(PAYLOAD))


@pytest.fixture(scope="module")
def enrolment_tree(tmp_path_factory):
    path = tmp_path_factory.mktemp("enrolment") / "J01.dlgenrol"
    key = PrivateKey.generate()
    write_enrolment(path, "J01", "ศาสตราจารย์ ทดสอบ", key)
    with open_container(path) as box:
        return json.loads(box.read(ENROLMENT_PAYLOAD)), key


def signed_enrolment(path: Path, payload: bytes, key: PrivateKey) -> Path:
    signature = minisign_sign(key, payload, trusted_comment="hostile").encode()
    path.write_bytes(pack([(ENROLMENT_PAYLOAD, payload), (ENROLMENT_SIGNATURE, signature)]))
    return path


@pytest.mark.parametrize("kind", list(HOSTILE_JSON))
def test_hostile_json_gets_only_clear_errors_everywhere(tmp_path, kind, small_bundle, played, enrolment_tree, demo):
    raw = Raw(HOSTILE_JSON[kind])
    # canonical JSON, as a whole document
    only_own_error("hostile JSON", lambda: canonical.loads(hostile_dumps(raw)), CanonicalError)
    # inside a bundle manifest, signed (a manifest names its own key; pinning comes after parsing)
    _, members = small_bundle
    manifest = manifest_tree(members)
    manifest["entries"][0]["summary"] = raw
    bundle = signed_bundle(tmp_path / "b.dlgbundle", hostile_dumps(manifest), members)
    assert only_own_error("hostile JSON", lambda: open_bundle(bundle, None), BundleError) or kind == "nul-escape"
    whole = signed_bundle(tmp_path / "w.dlgbundle", hostile_dumps(raw), members)
    assert only_own_error("hostile JSON", lambda: open_bundle(whole, None), BundleError)
    # inside a score file signed by the judge's own key
    payload = score_tree(played)
    payload["entries"][0]["overall_comment"] = raw
    data = signed_score_file(hostile_dumps(payload), played.key)
    refused = only_own_error("hostile JSON", lambda: parse_score_file(data), ScoreFileError)
    assert refused or kind == "nul-escape"
    # inside an enrolment file
    tree, key = enrolment_tree
    tree = dict(tree, judge_name=raw)
    enrolment = signed_enrolment(tmp_path / "e.dlgenrol", hostile_dumps(tree), key)
    assert only_own_error("hostile JSON", lambda: read_enrolment(enrolment), EnrolmentError) or kind == "nul-escape"
    # inside a contest file, where a text is expected
    _, contest = demo
    contest_json = contest_to_json(contest)
    contest_json["entries"][0]["summary"] = raw
    contest_file = tmp_path / "contest.json"
    contest_file.write_bytes(hostile_dumps(contest_json))
    assert only_own_error("hostile JSON", lambda: load_contest(contest_file), ValidationError) or kind == "nul-escape"


def test_nesting_at_every_depth_up_to_the_recursion_limit_gives_a_clear_error(tmp_path, small_contest):
    """Each depth from 1 to past Python's recursion limit, where a parser or repr() would overflow."""
    contest_file = tmp_path / "contest.json"
    tree = contest_to_json(small_contest)
    for depth in range(1, sys.getrecursionlimit() + 100, 7):
        nested = Raw("[" * depth + "]" * depth)
        contest_file.write_bytes(hostile_dumps({**tree, "format": nested}))
        assert only_own_error("hostile JSON nesting", lambda: load_contest(contest_file), ValidationError)
        only_own_error("hostile JSON nesting", lambda: canonical.loads(nested.encode()), CanonicalError)


def test_duplicate_keys_in_a_contest_file_are_refused(tmp_path, demo):
    _, contest = demo
    tree = contest_to_json(contest)
    tree["rounds"][0]["rubric"]["criteria"][0] = Pairs(
        [*sorted(tree["rounds"][0]["rubric"]["criteria"][0].items()), ("weight", "99")])
    path = tmp_path / "contest.json"
    path.write_bytes(hostile_dumps(tree))
    error = only_own_error("hostile JSON", lambda: load_contest(path), ValidationError)
    assert error is not None and "'weight'" in error.message and "twice" in error.message


def test_ids_cannot_end_in_a_line_break(demo):
    """``$`` in a regular expression also matches before a final newline; an id must not carry one."""
    _, contest = demo
    tree = contest_to_json(contest)
    tree["judges"][0]["id"] = tree["judges"][0]["id"] + "\n"
    with pytest.raises(ValidationError, match="not a valid id"):
        contest_from_json(tree)


# =============================================================================
# Fuzzing: hostile trees, byte mutations, random archives
# =============================================================================

HOSTILE_TEXTS = [
    "", " ", "\u200b", "../../etc/passwd", "/etc/passwd", "C:\\Windows", "a\x00b", "\x1b[2J", "\u202eexe.pdf",
    "J01\n", "e" * 65, "attachments/E1/../../x", "CON", "ก" * 1000, "\r\n", "{0}%s%n", "'; DROP TABLE scores;--",
    "3.5", "-1", "1e3", "๓", "999999999.999999", "1000000000", "0.0000001", "NaN", "r1", "J01", "sao",
]
RAW_TOKENS = [t for k, t in HOSTILE_JSON.items() if "100k" not in k and k not in ("invalid-utf8", "overlong-utf8")]


def hostile_values() -> st.SearchStrategy:
    leaf = st.one_of(
        st.none(), st.booleans(), st.integers(),
        st.sampled_from([2**31, 2**53 + 1, 2**63, 2**64, -(2**63) - 1, 10**100, 10**4000]),
        st.text(max_size=20), st.sampled_from(HOSTILE_TEXTS),
        st.sampled_from(RAW_TOKENS).map(Raw),
        st.sampled_from([1000, 70_000]).map(lambda n: "x" * n),
    )
    return st.recursive(
        leaf,
        lambda kids: st.one_of(
            st.lists(kids, max_size=3), st.dictionaries(st.sampled_from(["id", "a", "", "format"]), kids, max_size=3),
            st.lists(st.tuples(st.sampled_from(["id", "format"]), kids), min_size=2, max_size=3).map(Pairs),
        ),
        max_leaves=6,
    )


def mutate(data: st.DataObject, tree: Any, times: int = 3) -> Any:
    for _ in range(data.draw(st.integers(1, times), label="mutations")):
        tree = _mutate_once(data, tree)
    return tree


def _mutate_once(data: st.DataObject, node: Any) -> Any:
    """Walk down to a random node and replace, drop, add, duplicate, wrap or multiply it."""
    if isinstance(node, (dict, list)) and not isinstance(node, Pairs) and node and data.draw(st.integers(0, 9)) < 8:
        if isinstance(node, dict):
            key = data.draw(st.sampled_from(sorted(node)))
            return {**node, key: _mutate_once(data, node[key])}
        index = data.draw(st.integers(0, len(node) - 1))
        return [*node[:index], _mutate_once(data, node[index]), *node[index + 1:]]
    action = data.draw(st.sampled_from(["same-type", "same-type", "replace", "drop", "add", "duplicate", "wrap",
                                        "multiply"]))
    if action == "same-type":
        return _same_type(data, node)
    if isinstance(node, dict) and not isinstance(node, Pairs) and node:
        key = data.draw(st.sampled_from(sorted(node)))
        if action == "drop":
            return {k: v for k, v in node.items() if k != key}
        if action == "add":
            new_key = data.draw(st.sampled_from(["extra", "", "__proto__", "format"]))
            return {**node, new_key: data.draw(hostile_values())}
        if action == "duplicate":
            return Pairs([*sorted(node.items()), (key, data.draw(hostile_values()))])
    if action == "wrap":
        return [node]
    if action == "multiply" and isinstance(node, list) and node:
        return node * data.draw(st.sampled_from([0, 2, max(2, 300 // len(node))]))
    return data.draw(hostile_values(), label="hostile value")


def _same_type(data: st.DataObject, node: Any) -> Any:
    """A value of the same type, so the input still parses and reaches the rules behind the parser."""
    if isinstance(node, bool) or node is None:
        return data.draw(st.sampled_from([True, False, None]))
    if isinstance(node, int):
        return data.draw(st.one_of(st.integers(-3, 3), st.integers(), st.sampled_from([2**63 - 1, 2**63, 10**4000])))
    if isinstance(node, str):
        return data.draw(st.one_of(st.sampled_from(HOSTILE_TEXTS), st.text(max_size=12), st.just(node + node)))
    if isinstance(node, list) and node:
        index = data.draw(st.integers(0, len(node) - 1))
        return data.draw(st.sampled_from([node[::-1], node[:index] + node[index + 1:], node + [node[index]]]))
    return node


@budget(200)
@given(data=st.data())
def test_fuzz_bundle_manifest_signed_by_its_own_key(tmp_path_factory, small_bundle, data):
    _, members = small_bundle
    tree = mutate(data, manifest_tree(members))
    path = signed_bundle(tmp_path_factory.mktemp("manifest") / "m.dlgbundle", hostile_dumps(tree), members)
    only_own_error("bundle: hostile manifests", lambda: open_bundle(path, None), BundleError)


def _byte_mutations(size: int) -> st.SearchStrategy:
    at = st.integers(0, max(size - 1, 0))
    return st.lists(st.one_of(
        st.tuples(st.just("cut"), at, st.just(b"")),
        st.tuples(st.just("insert"), at, st.binary(min_size=1, max_size=40)),
        st.tuples(st.just("delete"), at, st.integers(1, 60).map(lambda n: b"\0" * n)),
        st.tuples(st.just("overwrite"), at, st.binary(min_size=1, max_size=8)),
    ), min_size=1, max_size=3)


def apply_mutations(blob: bytes, mutations) -> bytes:
    for kind, at, arg in mutations:
        if kind == "cut":
            blob = blob[:at]
        elif kind == "insert":
            blob = blob[:at] + arg + blob[at:]
        elif kind == "delete":
            blob = blob[:at] + blob[at + len(arg):]
        else:
            blob = blob[:at] + arg + blob[at + len(arg):]
    return blob


@budget(100)
@given(data=st.data())
def test_fuzz_bundle_bytes(tmp_path_factory, small_bundle, data):
    original, _ = small_bundle
    blob = original.read_bytes()
    mutated = apply_mutations(blob, data.draw(_byte_mutations(len(blob))))
    path = tmp_path_factory.mktemp("bytes") / "b.dlgbundle"
    path.write_bytes(mutated)
    refused = only_own_error("bundle: mutated bytes", lambda: open_bundle(path, None), BundleError)
    assert refused or mutated == blob


@pytest.fixture
def enrolled_db(issued, played):
    with issued.open_db() as db:
        db.enrol_key("J03", played.key.public_key, how="test")
    return issued


@budget(200)
@given(data=st.data())
def test_fuzz_score_payload_signed_by_the_judge_then_merged(enrolled_db, played, data):
    """What a dishonest judge could send: any payload, validly signed by the enrolled key."""
    tree = mutate(data, score_tree(played))
    raw = signed_score_file(hostile_dumps(tree), played.key)
    parsed: list = []
    refused = only_own_error("score file: hostile payloads", lambda: parsed.append(parse_score_file(raw)),
                             ScoreFileError)
    with enrolled_db.open_db() as db:
        TRIED["merge: hostile payloads"] += 1
        outcome = merge_one(db, "hostile.dlgscores", raw, refused or parsed[0])
        assert outcome.reason.strip()
        REFUSED["merge: hostile payloads"] += outcome.status == REJECTED
        if refused:
            assert outcome.status == REJECTED


SIGNATURE_LINES = ["untrusted comment: x", "trusted comment: x", "-----BEGIN SSH SIGNATURE-----",
                   "-----END SSH SIGNATURE-----", "RWQ" + "A" * 100, "U1NIU0lH", "", "\x00", "é" * 10, "=" * 4]


@budget(80)
@given(data=st.data())
def test_fuzz_score_file_signature_texts(played, data):
    with open_container(played.score_file) as box:
        members = {name: box.read(name) for name in box.names}
    name = data.draw(st.sampled_from([MINISIG, SSHSIG]))
    lines = members[name].decode().split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(lines)))
        new = data.draw(st.one_of(st.sampled_from(SIGNATURE_LINES), st.text(max_size=80)))
        lines = data.draw(st.sampled_from([lines[:at] + [new] + lines[at:], lines[:at] + [new] + lines[at + 1:],
                                           lines[:at] + lines[at + 1:]]))
    text = "\n".join(lines).encode("utf-8")
    if data.draw(st.booleans()):
        text = text.replace(b"\n", b"\r\n")
    original = members[name]
    members[name] = text
    raw = pack(list(members.items()))
    refused = only_own_error("score file: signature texts", lambda: parse_score_file(raw), ScoreFileError)
    assert refused or signed_content(name, text) == signed_content(name, original), text


def signed_content(name: str, text: bytes) -> bytes:
    """What a signature text's signature covers: minisign's lines but the untrusted comment; SSH's blob.

    Readers may accept other spellings of a genuine signature (CRLF, no final
    newline, another untrusted comment, other armour line breaks), never other content.
    """
    lines = text.replace(b"\r\n", b"\n").strip(b"\n").split(b"\n")
    if name == MINISIG:
        return b"\n".join(lines[1:])
    return base64.b64decode(b"".join(lines[1:-1]))


@budget(100)
@given(data=st.data())
def test_fuzz_enrolment(tmp_path_factory, enrolment_tree, data):
    tree, key = enrolment_tree
    path = tmp_path_factory.mktemp("enrol") / "e.dlgenrol"
    if data.draw(st.booleans()):
        signed_enrolment(path, hostile_dumps(mutate(data, tree)), key)
    else:
        blob = signed_enrolment(path, canonical.dumps(tree), key).read_bytes()
        path.write_bytes(apply_mutations(blob, data.draw(_byte_mutations(len(blob)))))
    only_own_error("enrolment", lambda: read_enrolment(path), EnrolmentError)


ZIP_NAMES = [b"manifest.json", b"scores.json", b"enrolment.json", b"[Content_Types].xml", b"../x", b"a/", b"/a",
             b"C:x", b"a\\b", b"a\x00", b"\xff\xfe", "ก.pdf".encode(), b"A", b"a", b"x" * 300, b""]


def zip_members() -> st.SearchStrategy:
    return st.builds(
        hz.Member,
        name=st.one_of(st.sampled_from(ZIP_NAMES), st.binary(max_size=12)),
        data=st.one_of(st.binary(max_size=64), st.just(hz.deflate(b"<a/>" * 50))),
        method=st.sampled_from([0, 0, 8, 12, 99]),
        flags=st.sampled_from([0x800, 0x800, 0, 0x801, 0x808, 0x840]),
        made_by=st.sampled_from([hz.MADE_BY_UNIX, hz.MADE_BY_DOS, 0x0A14]),
        version=st.sampled_from([20, 20, 45, 63]),
        external_attr=st.sampled_from([hz.REGULAR, hz.unix_mode(stat.S_IFLNK | 0o777), 0x10, 0,
                                       hz.unix_mode(stat.S_IFDIR | 0o755), 0xFFFFFFFF]),
        crc=st.one_of(st.none(), st.integers(0, 2**32 - 1)),
        plain_size=st.one_of(st.none(), st.sampled_from([0, 1, 2**31 - 1, 2**32 - 1, 300 * MiB])),
        packed_size=st.one_of(st.none(), st.sampled_from([0, 1, 2**32 - 1])),
        local_name=st.one_of(st.none(), st.sampled_from(ZIP_NAMES)),
        central_extra=st.one_of(st.just(b""), st.just(hz.zip64_extra(2**33, 2**33)), st.binary(max_size=12)),
        offset_delta=st.sampled_from([0, 0, 1, -1, 2**31]),
    )


@budget(150)
@given(members=st.lists(zip_members(), max_size=4), count=st.one_of(st.none(), st.integers(0, 0xFFFF)),
       zip64=st.booleans(), comment=st.sampled_from([b"", b"x", b"PK\x05\x06"]))
def test_fuzz_random_archives_in_every_reader(tmp_path_factory, members, count, zip64, comment):
    path = tmp_path_factory.mktemp("archive") / "a.zip"
    path.write_bytes(hz.build(members, count=count, zip64_end=zip64, comment=comment))
    for reader, (read, allowed) in READERS.items():
        only_own_error(f"random archives × {reader}", lambda: read(path), allowed)


HEADER_ROWS = [
    ["รหัส", "ชื่อหน่วยงาน", "ประเภท อปท.", "จังหวัด", "ชื่อผลงาน", "สรุปผลงาน", "อีเมล"],
    ["id", "organisation", "type", "province", "project title", "summary", "contact", "phone", "email"],
    ["judge_id", "entry_id", "criterion_id", "score", "comment"],
]
CSV_CELLS = st.one_of(st.text(max_size=30), st.sampled_from(
    HOSTILE_TEXTS + ['"', '""', '"a"b', 'a"b', "\r", "\n", "\x00", ",", ";", "\t", "อบต.", "ทน.", "x@y.th", "E001"]))


@st.composite
def csv_files(draw) -> bytes:
    rows = draw(st.lists(st.lists(CSV_CELLS, max_size=9), max_size=12))
    if draw(st.booleans()):
        rows = [draw(st.sampled_from(HEADER_ROWS))] + rows
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))

    def cell(text: str) -> str:
        return draw(st.sampled_from(['"' + text.replace('"', '""') + '"', text]))

    text = end.join(",".join(cell(c) for c in row) for row in rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp874", "utf-16"]))
    blob = text.encode(encoding, "replace")
    return blob + draw(st.sampled_from([b"", b"\xff\xfe", b"\x81", b'"']))


def import_everything(path: Path, existing) -> None:
    """read_table, then guessing columns and previewing the import (with the guess and a random mapping)."""
    table = read_table(path)
    preview_import(table, guess_mapping(table.headers), existing)


@pytest.fixture(scope="module")
def existing_entries(demo):
    return demo[1].entries[:20]


@budget(250)
@given(data=st.data(), blob=st.one_of(csv_files(), st.binary(max_size=600)))
def test_fuzz_csv_import(tmp_path_factory, existing_entries, data, blob):
    path = tmp_path_factory.mktemp("csv") / "portal.csv"
    path.write_bytes(blob)
    only_own_error("csv import + preview", lambda: import_everything(path, existing_entries), ValidationError)
    only_own_error("paper typing csv", lambda: read_typing_csv(path), ValidationError)
    try:
        table = read_table(path)
    except ValidationError:
        return
    columns = st.one_of(st.none(), st.integers(0, 12))
    mapping = ColumnMapping(**{name: data.draw(columns) for name in FIELD_LABELS})
    only_own_error("csv import: random mappings", lambda: preview_import(table, mapping, existing_entries),
                   ValidationError)


CELL_REFS = [None, "A1", "B2", "XFD1", "A0", "AAAA1", "1A", "", "A-1", "A99999999999", "ZZZ1", "a1"]
CELL_TYPES = [None, "n", "s", "b", "e", "str", "inlineStr", "d", "x"]
CELL_VALUES = ["1", "0", "-1", "1e308", "1e309", "nan", "inf", "99999999999999999999", "2958466", "-700000",
               "2020-02-30", "0x1A", "", "1.5", "TRUE", "#DIV/0!"]


@st.composite
def xlsx_sheets(draw) -> bytes:
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        cells = []
        for _ in range(draw(st.integers(0, 5))):
            ref, kind = draw(st.sampled_from(CELL_REFS)), draw(st.sampled_from(CELL_TYPES))
            value = draw(st.one_of(st.sampled_from(CELL_VALUES), st.text(max_size=12)))
            style = draw(st.sampled_from([None, "0", "1", "99"]))
            attrs = "".join(f' {k}="{v}"' for k, v in (("r", ref), ("t", kind), ("s", style)) if v is not None)
            inner = f"<is><t>{hz.escape(value)}</t></is>" if kind == "inlineStr" else f"<v>{hz.escape(value)}</v>"
            cells.append(f"<c{attrs}>{inner}</c>")
        row_ref = draw(st.sampled_from(["", ' r="1"', ' r="0"', ' r="1048577"', ' r="x"', ' r="99999999999"']))
        rows.append(f"<row{row_ref}>{''.join(cells)}</row>")
    header = hz.sheet_rows([draw(st.sampled_from(HEADER_ROWS))])
    return hz.XML_DECLARATION + hz.SHEET_OPEN + header + "".join(rows).encode() + hz.SHEET_CLOSE


@budget(150)
@given(data=st.data(), sheet_xml=xlsx_sheets())
def test_fuzz_xlsx_import(tmp_path_factory, existing_entries, data, sheet_xml):
    members = hz.replace_part(hz.xlsx_members(b""), hz.SHEET, hz.deflated(hz.SHEET, sheet_xml, flags=0))
    if data.draw(st.booleans()):
        shared = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si></sst>'
        members.append(hz.deflated("xl/sharedStrings.xml", shared, flags=0))
    if data.draw(st.integers(0, 3)) == 0:
        members.pop(data.draw(st.integers(0, len(members) - 1)))
    blob = hz.build(members)
    if data.draw(st.integers(0, 3)) == 0:
        blob = apply_mutations(blob, data.draw(_byte_mutations(len(blob))))
    path = tmp_path_factory.mktemp("xlsx") / "portal.xlsx"
    path.write_bytes(blob)
    only_own_error("xlsx import + preview", lambda: import_everything(path, existing_entries), ValidationError)
    only_own_error("paper typing xlsx", lambda: read_typing_csv(path), ValidationError)


@budget(200)
@given(data=st.data())
def test_fuzz_contest_loader(tmp_path_factory, small_contest, data):
    tree = mutate(data, contest_to_json(small_contest), times=4)
    path = tmp_path_factory.mktemp("contest") / "contest.json"
    path.write_bytes(hostile_dumps(tree))
    only_own_error("contest loader", lambda: load_contest(path), ValidationError)
    try:
        parsed = json.loads(path.read_bytes())
    except (ValueError, RecursionError):
        return  # not JSON: load_contest above refused it already
    only_own_error("contest loader", lambda: contest_from_json(parsed), ValidationError)


@budget(150)
@given(data=st.data())
def test_fuzz_rubric_loader(small_contest, data):
    tree = mutate(data, contest_to_json(small_contest)["rounds"][0]["rubric"], times=3)
    try:
        parsed = json.loads(hostile_dumps(tree))
    except (ValueError, RecursionError):
        return  # not JSON: the contest loader's refusal, fuzzed above
    only_own_error("rubric loader", lambda: rubric_from_json(parsed), ValidationError)


# =============================================================================
# The judge window's bundle opening and the secretariat's merge stay clean
# =============================================================================


def hostile_bundles(folder: Path, members: dict[str, bytes]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    manifest = manifest_tree(members)
    deep, huge = dict(manifest), dict(manifest)
    deep["entries"] = Raw("[" * 100_000)
    huge["bundle_id"] = Raw("1" * 5000)
    traversal = folder / "traversal.dlgbundle"
    traversal.write_bytes(hz.build([hz.stored(MANIFEST, members[MANIFEST]), hz.stored("../../.bashrc")]))
    bomb = folder / "bomb.dlgbundle"
    bomb.write_bytes(hz.build([hz.stored(MANIFEST, members[MANIFEST]), hz.bomb("attachments/x.pdf", 50 * MiB)]))
    return {
        "traversal": traversal, "bomb": bomb,
        "deep-json": signed_bundle(folder / "deep.dlgbundle", hostile_dumps(deep), members),
        "huge-number": signed_bundle(folder / "huge.dlgbundle", hostile_dumps(huge), members),
    }


def test_the_judge_window_refuses_hostile_bundles_and_stores_nothing(tmp_path, small_bundle):
    _, members = small_bundle
    data_dir = tmp_path / "judge-data"
    for kind, path in hostile_bundles(tmp_path / "hostile", members).items():
        def open_session():
            JudgeSession.open(path, data_dir=data_dir).close()

        error = only_own_error("judge window: hostile bundles", open_session, BundleError)
        assert error is not None and str(path) in str(error), kind
        stored = sorted(p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*")) if data_dir.exists() else []
        assert stored == [], f"{kind}: the refused bundle left {stored}"


def test_merge_rejects_hostile_score_files_and_merges_nothing(tmp_path, enrolled_db, played):
    folder = tmp_path / "incoming"
    folder.mkdir()
    payload = score_tree(played)
    hostile: dict[str, bytes] = {
        "traversal": pack([(PAYLOAD, b"{}"), ("../../evil", b"x")]),
        "bomb": hz.build([hz.stored(PAYLOAD, b"{}"), hz.bomb(MINISIG, 50 * MiB)]),
        "deep-json": signed_score_file(hostile_dumps({**payload, "entries": Raw("[" * 100_000)}), played.key),
        "huge-number": signed_score_file(hostile_dumps({**payload, "sequence": Raw("1" * 5000)}), played.key),
        "sequence-2**63": signed_score_file(hostile_dumps({**payload, "sequence": 2**63}), played.key),
        "sequence-10**4000-unenrolled": signed_score_file(hostile_dumps(
            {**payload, "sequence": 10**4000, "judge_public_key": ATTACKER.public_key.to_base64(),
             "judge_fingerprint": ATTACKER.public_key.fingerprint}), ATTACKER),
        "surrogate-comment": signed_score_file(hostile_dumps(
            {**payload, "entries": [{**payload["entries"][0], "overall_comment": Raw('"\\ud800"')},
                                    *payload["entries"][1:]]}), played.key),
    }
    paths = []
    for kind, blob in hostile.items():
        paths.append(folder / f"{kind}.dlgscores")
        paths[-1].write_bytes(blob)
    with enrolled_db.open_db() as db:
        TRIED["merge: hostile score files"] += len(paths)
        outcomes = merge_files(db, paths)
        REFUSED["merge: hostile score files"] += sum(o.status == REJECTED for o in outcomes)
        for kind, outcome in zip(hostile, outcomes, strict=True):
            assert outcome.status == REJECTED and outcome.reason.strip(), (kind, outcome)
        for table in ("scores", "entry_results", "submissions"):
            assert db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
        kept = db.conn.execute("SELECT outcome, count(*) FROM score_files GROUP BY outcome").fetchall()
        assert [tuple(row) for row in kept] == [("rejected", len(paths))]  # raw bytes kept for audit
        genuine = merge_files(db, [played.score_file])[0]
        assert genuine.status == "accepted", genuine
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

