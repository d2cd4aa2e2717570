"""The canonical zip container: round trips, exact layout, atomic writes, hostile input."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import struct
import subprocess
import unicodedata
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judge_app import container as container_module
from judge_app import container_write as container_write_module
from judge_app.container import (
    DEFAULT_LIMITS,
    ContainerLimits,
    open_container,
)
from judge_app.container_write import write_container
from judge_app.errors import ContainerError
from judge_app.zip_layout import member_name_problem

THAI_NAME = "เอกสาร/ผลงาน.pdf"

SAMPLE_MEMBERS: list[tuple[str, bytes]] = [
    ("manifest.json", b'{"contest":"dlg-2565"}'),
    (THAI_NAME, b"%PDF-1.7 not really a pdf\n" * 3),
    ("empty.txt", b""),
]


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RawMember:
    """One member for :func:`raw_zip`; defaults give the canonical layout."""

    name: bytes
    data: bytes = b""
    method: int = 0
    flags: int = 0x0800
    made_by: int = 0x0314
    external_attr: int = (stat.S_IFREG | 0o644) << 16
    file_size: int | None = None  # defaults to len(data), i.e. stored
    crc: int | None = None


def raw_zip(members: list[RawMember]) -> bytes:
    """An independent zip writer, so the tests do not trust the module's own headers."""
    body = bytearray()
    central = bytearray()
    for m in members:
        crc = zlib.crc32(m.data) if m.crc is None else m.crc
        file_size = len(m.data) if m.file_size is None else m.file_size
        offset = len(body)
        body += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, m.flags, m.method, 0, 0x21, crc,
            len(m.data), file_size, len(m.name), 0,
        )
        body += m.name + m.data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, m.made_by, 20, m.flags, m.method, 0, 0x21,
            crc, len(m.data), file_size, len(m.name), 0, 0, 0, 0, m.external_attr, offset,
        )
        central += m.name
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(body), 0
    )
    return bytes(body + central + end)


def raw_named(*names: str | bytes) -> bytes:
    encoded = [n if isinstance(n, bytes) else n.encode("utf-8") for n in names]
    return raw_zip([RawMember(n, b"x") for n in encoded])


def zipfile_bytes(tmp: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    """A zip made by Python's zipfile (for cases our writer cannot produce)."""
    target = tmp / "made-by-zipfile.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" when building hostile zips
        with zipfile.ZipFile(target, "w") as archive:
            for info, data in members:
                archive.writestr(info, data)
    return target.read_bytes()


def regular(name: str, method: int = zipfile.ZIP_STORED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = method
    return info


def refused(path: Path, phrase: str, limits: ContainerLimits = DEFAULT_LIMITS) -> ContainerError:
    with pytest.raises(ContainerError) as caught:
        open_container(path, limits=limits)
    error = caught.value
    assert phrase in error.message, error.message
    assert error.path == path
    assert str(error).startswith(f"{path}: ")
    return error


def opens_and_reads(path: Path, limits: ContainerLimits = DEFAULT_LIMITS) -> bool:
    """True if the file opens and every member reads; False on ContainerError only."""
    try:
        with open_container(path, limits=limits) as box:
            for name in box.names:
                box.read(name)
    except ContainerError:
        return False
    return True


@pytest.fixture(scope="module")
def sample_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("sample") / "sample.zip"
    write_container(path, SAMPLE_MEMBERS)
    return path.read_bytes()


# --------------------------------------------------------------------------
# Writer and round trip
# --------------------------------------------------------------------------


def test_round_trip_with_bytes_and_path_members(tmp_path: Path) -> None:
    attachment = tmp_path / "big.bin"
    big = os.urandom(3 * 2**20 + 123)  # several read chunks
    attachment.write_bytes(big)
    path = tmp_path / "bundle.zip"
    members = [*SAMPLE_MEMBERS, ("ไฟล์แนบ/ภาพถ่าย 1.bin", attachment)]

    digest = write_container(path, members)

    assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
    with open_container(path) as box:
        assert box.path == path
        assert box.sha256 == digest
        assert box.names == [name for name, _ in members]
        for name, data in SAMPLE_MEMBERS:
            assert box.read(name) == data
            assert box.size(name) == len(data)
        assert box.size("ไฟล์แนบ/ภาพถ่าย 1.bin") == len(big)
        with box.open("ไฟล์แนบ/ภาพถ่าย 1.bin") as stream:
            assert stream.read(10) == big[:10]
            assert stream.read() == big[10:]
        extra = hashlib.md5()
        copied = tmp_path / "out" / "copy.bin"
        sha = box.copy_to("ไฟล์แนบ/ภาพถ่าย 1.bin", copied, hasher=extra)
        assert copied.read_bytes() == big
        assert sha == hashlib.sha256(big).hexdigest()
        assert extra.hexdigest() == hashlib.md5(big).hexdigest()
        assert THAI_NAME in box and "nope" not in box


def test_layout_is_exactly_the_specified_bytes(tmp_path: Path) -> None:
    path = tmp_path / "c.zip"
    write_container(path, SAMPLE_MEMBERS)
    expected = raw_zip([RawMember(n.encode("utf-8"), d) for n, d in SAMPLE_MEMBERS])
    assert path.read_bytes() == expected


def test_empty_container_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "empty.zip"
    write_container(path, [])
    assert path.read_bytes() == raw_zip([])
    with open_container(path) as box:
        assert box.names == []


def test_same_members_give_same_bytes_and_digest(tmp_path: Path) -> None:
    attachment = tmp_path / "a.bin"
    attachment.write_bytes(b"attachment")
    members = [*SAMPLE_MEMBERS, ("a.bin", attachment)]
    first = write_container(tmp_path / "one.zip", members)
    second = write_container(tmp_path / "two.zip", [*SAMPLE_MEMBERS, ("a.bin", b"attachment")])
    assert first == second
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_output_opens_in_python_zipfile(tmp_path: Path) -> None:
    path = tmp_path / "c.zip"
    write_container(path, SAMPLE_MEMBERS)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == [name for name, _ in SAMPLE_MEMBERS]
        for name, data in SAMPLE_MEMBERS:
            info = archive.getinfo(name)
            assert archive.read(name) == data
            assert info.compress_type == zipfile.ZIP_STORED
            assert info.flag_bits == 0x0800
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == stat.S_IFREG | 0o644
            assert info.create_system == 3
            assert info.extra == b"" and info.comment == b""
        assert archive.comment == b""


def _unzip() -> str:
    found = shutil.which("unzip")
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the unzip command is required in CI")
        pytest.skip("unzip is not installed")
    return found


def test_output_passes_unzip(tmp_path: Path) -> None:
    unzip = _unzip()
    path = tmp_path / "c.zip"
    write_container(path, SAMPLE_MEMBERS)
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    tested = subprocess.run([unzip, "-t", str(path)], capture_output=True, env=env, check=False)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert b"No errors detected" in tested.stdout
    listed = subprocess.run([unzip, "-l", str(path)], capture_output=True, env=env, check=False)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert b"manifest.json" in listed.stdout
    assert THAI_NAME.encode("utf-8") in listed.stdout  # bit 11: the name is read as UTF-8
    assert b"3 files" in listed.stdout


def test_progress_reports_bytes_up_to_the_file_size(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    path = tmp_path / "c.zip"
    write_container(path, SAMPLE_MEMBERS, progress=lambda done, total: calls.append((done, total)))
    size = path.stat().st_size
    assert calls[-1] == (size, size)
    assert all(total == size for _, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


# --------------------------------------------------------------------------
# Atomic writes
# --------------------------------------------------------------------------


def _only_target_left(folder: Path, target: Path) -> None:
    assert sorted(folder.iterdir()) == [target]


def test_failed_write_leaves_existing_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "bundle.zip"
    target.write_bytes(b"the old bundle")
    with pytest.raises(ContainerError) as caught:
        write_container(target, [("a.txt", b"a"), ("b.pdf", tmp_path / "missing.pdf")])
    assert "cannot read member 'b.pdf'" in caught.value.message
    assert caught.value.path == target
    assert target.read_bytes() == b"the old bundle"
    _only_target_left(tmp_path, target)


def test_failure_mid_write_removes_the_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "bundle.zip"
    target.write_bytes(b"old")

    def explode(done: int, total: int) -> None:
        if done > 100:
            raise RuntimeError("disk pulled out")

    with pytest.raises(RuntimeError):
        write_container(target, [("a.bin", os.urandom(5000))], progress=explode)
    assert target.read_bytes() == b"old"
    _only_target_left(tmp_path, target)


def test_member_changed_during_write_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    attachment = source / "a.bin"
    attachment.write_bytes(b"original content")
    target = tmp_path / "out" / "bundle.zip"
    target.parent.mkdir()
    target.write_bytes(b"old")

    def tamper(done: int, total: int) -> None:
        attachment.write_bytes(b"ORIGINAL CONTENT")  # same size, other CRC

    with pytest.raises(ContainerError, match="changed while the container was being written"):
        write_container(target, [("a.bin", attachment)], progress=tamper)
    assert target.read_bytes() == b"old"
    _only_target_left(target.parent, target)


# --------------------------------------------------------------------------
# Writer refusals
# --------------------------------------------------------------------------


BAD_NAMES = [
    ("", "empty"),
    ("../evil.txt", "path traversal"),
    ("a/../../evil.txt", "path traversal"),
    ("/etc/passwd", "absolute path"),
    ("C:\\Windows\\x.dll", "absolute path"),
    ("C:/Windows/x.dll", "absolute path"),
    ("\\\\server\\share", "absolute path"),
    ("a\\b.txt", "backslash"),
    ("a//b.txt", "empty segment"),
    ("folder/", "empty segment"),
    ("a/./b.txt", "'.' segment"),
    ("a\x00b.txt", "NUL or control character (U+0000)"),
    ("a\x1fb.txt", "control character (U+001F)"),
    ("a\x7fb.txt", "control character (U+007F)"),
    ("x" * 256, "longer than 255 bytes"),
    ("ก" * 86, "longer than 255 bytes (258 bytes"),
]


@pytest.mark.parametrize(("name", "phrase"), BAD_NAMES)
def test_writer_refuses_bad_names(tmp_path: Path, name: str, phrase: str) -> None:
    target = tmp_path / "c.zip"
    with pytest.raises(ContainerError) as caught:
        write_container(target, [(name, b"x")])
    assert phrase in caught.value.message
    assert caught.value.path == target
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_name_rules_accept_ordinary_names() -> None:
    for name in [THAI_NAME, "a.txt", "ไฟล์ที่ 1 (ฉบับแก้ไข).docx", "x" * 255, "ก" * 85, "a..b/c."]:
        assert member_name_problem(name) is None, name


@pytest.mark.parametrize(
    ("names", "phrase"),
    [
        (["a.txt", "a.txt"], "duplicate name"),
        (["Report.PDF", "report.pdf"], "clashes with 'Report.PDF'"),
        ([unicodedata.normalize("NFC", "café.txt"), unicodedata.normalize("NFD", "café.txt")],
         "Unicode normalisation"),
    ],
)
def test_writer_refuses_clashing_names(tmp_path: Path, names: list[str], phrase: str) -> None:
    with pytest.raises(ContainerError, match=phrase):
        write_container(tmp_path / "c.zip", [(n, b"") for n in names])


def test_writer_refuses_members_over_the_zip_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(container_write_module, "MAX_CONTAINER_BYTES", 1000)
    attachment = tmp_path / "big.bin"
    attachment.write_bytes(b"x" * 1001)
    with pytest.raises(ContainerError, match="member 'big.bin' is 1001 bytes, over the limit"):
        write_container(tmp_path / "c.zip", [("big.bin", attachment)])
    with pytest.raises(ContainerError, match="member 'b' is 1001 bytes"):
        write_container(tmp_path / "c.zip", [("b", b"x" * 1001)])
    with pytest.raises(ContainerError, match="the container would be .* bytes, over the limit"):
        write_container(tmp_path / "c.zip", [("a", b"x" * 600), ("b", b"x" * 600)])
    assert not (tmp_path / "c.zip").exists()


def test_writer_rejects_wrong_types(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        write_container(tmp_path / "c.zip", [("a", "text, not bytes")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        write_container(tmp_path / "c.zip", [(b"a", b"")])  # type: ignore[list-item]


# --------------------------------------------------------------------------
# Reader refusals
# --------------------------------------------------------------------------


def _write(tmp_path: Path, data: bytes, name: str = "hostile.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [b"", b"PK", b"hello, this is not a zip file at all" * 10, b"PK\x05\x06" + b"\xff" * 18],
)
def test_refuses_non_zip_bytes(tmp_path: Path, data: bytes) -> None:
    refused(_write(tmp_path, data), "not a zip file or truncated")


@pytest.mark.parametrize("keep", [0.5, 0.9, -1])
def test_refuses_truncated_container(tmp_path: Path, sample_bytes: bytes, keep: float) -> None:
    cut = len(sample_bytes) - 1 if keep == -1 else int(len(sample_bytes) * keep)
    refused(_write(tmp_path, sample_bytes[:cut]), "not a zip file or truncated")


def test_refuses_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.zip", "cannot open the container")


def test_refuses_too_many_members(tmp_path: Path) -> None:
    path = _write(tmp_path, raw_named("a", "b", "c", "d"))
    refused(path, "too many members: 4, the limit is 3", ContainerLimits(max_members=3))
    assert opens_and_reads(path, ContainerLimits(max_members=4))


def test_refuses_more_entries_than_the_end_record_admits(tmp_path: Path) -> None:
    data = bytearray(raw_named("a", "b", "c", "d"))
    struct.pack_into("<HH", data, len(data) - 22 + 8, 1, 1)  # the end record claims 1 entry
    refused(_write(tmp_path, bytes(data)), "too many members: 4", ContainerLimits(max_members=3))


def test_refuses_a_central_directory_too_big_for_the_member_limit(tmp_path: Path) -> None:
    data = bytearray(raw_named(*[f"{i:0200d}" for i in range(3)]))
    struct.pack_into("<HH", data, len(data) - 22 + 8, 1, 1)  # the end record claims 1 entry
    limits = ContainerLimits(max_members=1)
    refused(_write(tmp_path, bytes(data)), "too many members: the central directory", limits)


@pytest.mark.parametrize(("name", "phrase"), [(n, p) for n, p in BAD_NAMES if n])
def test_refuses_hostile_names(tmp_path: Path, name: str, phrase: str) -> None:
    # folder/ is a directory entry to a reader, which is the more telling message
    phrase = "directory entry" if name.endswith("/") else phrase
    error = refused(_write(tmp_path, raw_named("ok.txt", name)), phrase)
    assert repr(name) in error.message


def test_refuses_names_that_are_not_utf8(tmp_path: Path) -> None:
    refused(_write(tmp_path, raw_named(b"caf\xe9.txt")), "not a zip file or truncated")


@pytest.mark.parametrize(
    ("mode", "phrase"),
    [
        (stat.S_IFLNK | 0o777, "is a symbolic link"),
        (stat.S_IFDIR | 0o755, "is a directory entry"),
        (stat.S_IFIFO | 0o644, "is not a regular file"),
        (stat.S_IFCHR | 0o644, "is not a regular file"),
    ],
)
def test_refuses_entries_that_are_not_regular_files(
    tmp_path: Path, mode: int, phrase: str
) -> None:
    member = RawMember(b"link", b"/etc/passwd", external_attr=mode << 16)
    error = refused(_write(tmp_path, raw_zip([member])), phrase)
    assert "'link'" in error.message


def test_refuses_directory_entries_made_by_zipfile(tmp_path: Path) -> None:
    data = zipfile_bytes(tmp_path, [("docs/", b""), (regular("docs/a.txt"), b"a")])
    refused(_write(tmp_path, data), "'docs/': is a directory entry")


def test_refuses_msdos_directory_entries(tmp_path: Path) -> None:
    member = RawMember(b"docs", made_by=20, external_attr=0x10)
    refused(_write(tmp_path, raw_zip([member])), "is a directory entry")


@pytest.mark.parametrize(
    ("names", "phrase"),
    [
        (["a.txt", "a.txt"], "'a.txt': duplicate name"),
        (["Report.pdf", "REPORT.pdf"], "clashes with 'Report.pdf'"),
        (["เอกสาร/a.txt", "เอกสาร/A.txt"], "letter case"),
        ([unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")],
         "Unicode normalisation"),
    ],
)
def test_refuses_duplicate_and_clashing_names(
    tmp_path: Path, names: list[str], phrase: str
) -> None:
    data = zipfile_bytes(tmp_path, [(regular(n), b"x") for n in names])
    refused(_write(tmp_path, data), phrase)


def test_refuses_encrypted_members(tmp_path: Path) -> None:
    member = RawMember(b"secret.txt", b"x", flags=0x0801)
    refused(_write(tmp_path, raw_zip([member])), "'secret.txt' is encrypted")


def test_refuses_member_over_the_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, raw_zip([RawMember(b"big", b"x" * 11)]))
    limits = ContainerLimits(max_member_bytes=10)
    refused(path, "member 'big' declares 11 bytes, over the limit of 10 bytes per file", limits)


def test_refuses_members_over_the_total_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, raw_zip([RawMember(b"a", b"x" * 10), RawMember(b"b", b"x" * 10)]))
    limits = ContainerLimits(max_total_bytes=15)
    refused(path, "20 bytes in total (counting up to member 'b'), over the limit of 15", limits)


def test_refuses_lying_sizes_as_a_zip_bomb(tmp_path: Path) -> None:
    # A stored member that claims more bytes than it holds is the same shape as a bomb.
    member = RawMember(b"liar", b"x" * 10, file_size=10_000)
    refused(_write(tmp_path, raw_zip([member])), "refused as a zip bomb")
    empty_claims_much = RawMember(b"void", b"", file_size=1)
    refused(_write(tmp_path, raw_zip([empty_claims_much])), "would expand unbounded times")


def test_refuses_a_zip_bomb_without_decompressing(tmp_path: Path, monkeypatch) -> None:
    data = zipfile_bytes(
        tmp_path, [(regular("zeros.bin", zipfile.ZIP_DEFLATED), bytes(50 * 10**6))]
    )
    path = _write(tmp_path, data)
    assert path.stat().st_size < 200_000

    def no_decompression(*args, **kwargs):
        raise AssertionError("decompression was attempted")

    monkeypatch.setattr(zipfile, "_get_decompressor", no_decompression)
    monkeypatch.setattr(zlib, "decompressobj", no_decompression)
    monkeypatch.setattr(zlib, "decompress", no_decompression)
    refused(path, "'zeros.bin' would expand")
    refused(path, "refused as a zip bomb")


def test_refuses_compressed_members(tmp_path: Path) -> None:
    member = regular("random.bin", zipfile.ZIP_DEFLATED)
    data = zipfile_bytes(tmp_path, [(member, os.urandom(5000))])
    refused(_write(tmp_path, data), "'random.bin' is compressed (method 8)")


def test_refuses_zip64_records(tmp_path: Path, sample_bytes: bytes) -> None:
    locator = b"PK\x06\x07" + struct.pack("<IQI", 0, 0, 1)
    data = sample_bytes[:-22] + locator + sample_bytes[-22:]
    refused(_write(tmp_path, data), "Zip64")


def test_refuses_too_large_file(tmp_path: Path, monkeypatch, sample_bytes: bytes) -> None:
    monkeypatch.setattr(container_module, "MAX_CONTAINER_BYTES", 100)
    refused(_write(tmp_path, sample_bytes), "over the limit of 100 bytes")


def _mutated(data: bytes, offset: int, new: bytes) -> bytes:
    return data[:offset] + new + data[offset + len(new) :]


@pytest.mark.parametrize(
    "alter",
    [
        pytest.param(lambda d: d + b"trailing junk", id="appended"),
        pytest.param(lambda d: b"prefix" + d, id="prepended"),
        pytest.param(lambda d: d[:-2] + struct.pack("<H", 4) + b"note", id="comment"),
        pytest.param(lambda d: _mutated(d, 10, b"\x01\x00"), id="local-time"),
        pytest.param(lambda d: _mutated(d, 6, b"\x08\x08"), id="local-flags"),
    ],
)
def test_refuses_non_canonical_layouts(tmp_path: Path, sample_bytes: bytes, alter) -> None:
    refused(_write(tmp_path, alter(sample_bytes)), "the file was altered after it was made")


def test_altered_message_names_the_first_differing_offset(
    tmp_path: Path, sample_bytes: bytes
) -> None:
    path = _write(tmp_path, _mutated(sample_bytes, 12, b"\x22"))
    error = refused(path, "altered after it was made")
    assert "bytes at offset 12 differ from the canonical layout" in error.message


def test_refuses_zips_made_by_other_tools(tmp_path: Path) -> None:
    # Valid and harmless, but not byte-for-byte ours: extra fields, dates, attributes.
    data = zipfile_bytes(tmp_path, [(regular("a.txt"), b"a"), ("b.txt", b"b")])
    refused(_write(tmp_path, data), "altered after it was made")


def test_refuses_a_lying_local_header(tmp_path: Path) -> None:
    # The central directory is right, but the local header names another file.
    data = raw_named("good.txt")
    data = data.replace(b"good.txt", b"evil.txt", 1)
    refused(_write(tmp_path, data), "bytes at offset 30 differ")


# --------------------------------------------------------------------------
# Reading members
# --------------------------------------------------------------------------


def _damaged_copy(tmp_path: Path, sample_bytes: bytes) -> Path:
    data = bytearray(sample_bytes)
    start = data.index(b"%PDF")
    data[start + 5] ^= 0x01
    return _write(tmp_path, bytes(data), "damaged.zip")


def test_crc_mismatch_is_refused_on_read(tmp_path: Path, sample_bytes: bytes) -> None:
    path = _damaged_copy(tmp_path, sample_bytes)
    with open_container(path) as box:
        assert box.read("manifest.json") == SAMPLE_MEMBERS[0][1]
        with pytest.raises(ContainerError, match="is damaged") as caught:
            box.read(THAI_NAME)
        assert caught.value.path == path
        with pytest.raises(ContainerError, match="CRC-32"):
            with box.open(THAI_NAME) as stream:
                stream.read()
        dest = tmp_path / "out" / "x.pdf"
        with pytest.raises(ContainerError, match="is damaged"):
            box.copy_to(THAI_NAME, dest)
        assert list(dest.parent.iterdir()) == []


def test_read_refuses_unknown_names_and_oversize(tmp_path: Path, sample_bytes: bytes) -> None:
    path = _write(tmp_path, sample_bytes, "ok.zip")
    with open_container(path) as box:
        with pytest.raises(ContainerError, match="no file 'nope.txt' in the container"):
            box.read("nope.txt")
        with pytest.raises(ContainerError, match="no file"):
            box.size("nope.txt")
        with pytest.raises(ContainerError, match="more than the 5 allowed"):
            box.read("manifest.json", max_bytes=5)
        assert box.read("manifest.json", max_bytes=1000) == SAMPLE_MEMBERS[0][1]


def test_require_names(tmp_path: Path, sample_bytes: bytes) -> None:
    path = _write(tmp_path, sample_bytes, "ok.zip")
    names = [name for name, _ in SAMPLE_MEMBERS]
    with open_container(path) as box:
        box.require_names(reversed(names))
        with pytest.raises(ContainerError, match="unlisted file 'empty.txt' in the container"):
            box.require_names(names[:2])
        with pytest.raises(ContainerError, match=r"missing file 'extra.pdf' \(and 1 more\)"):
            box.require_names([*names, "extra.pdf", "more.pdf"])


def test_closed_container_refuses_reads(tmp_path: Path, sample_bytes: bytes) -> None:
    box = open_container(_write(tmp_path, sample_bytes, "ok.zip"))
    box.close()
    box.close()
    with pytest.raises(ValueError, match="closed"):
        box.read("manifest.json")


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError):
        ContainerLimits(max_member_bytes=2**31)
    with pytest.raises(ValueError):
        ContainerLimits(max_members=70_000)
    with pytest.raises(ValueError):
        ContainerLimits(max_ratio=0.5)
    assert DEFAULT_LIMITS == ContainerLimits(
        max_members=20_000, max_member_bytes=512 * 2**20, max_total_bytes=2**31 - 1,
        max_ratio=100, max_name_bytes=255,
    )


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

def property_settings(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )


def test_every_byte_flip_is_detected(tmp_path: Path, sample_bytes: bytes) -> None:
    path = tmp_path / "flipped.zip"
    for offset in range(len(sample_bytes)):
        path.write_bytes(_mutated(sample_bytes, offset, bytes([sample_bytes[offset] ^ 0xFF])))
        assert not opens_and_reads(path), f"a change at offset {offset} went unnoticed"


@property_settings(300)
@given(data=st.data())
def test_any_single_byte_change_is_detected(
    tmp_path_factory: pytest.TempPathFactory, sample_bytes: bytes, data: st.DataObject
) -> None:
    offset = data.draw(st.integers(0, len(sample_bytes) - 1), label="offset")
    other_values = st.integers(0, 255).filter(lambda v: v != sample_bytes[offset])
    value = data.draw(other_values, label="value")
    path = tmp_path_factory.mktemp("byte") / "c.zip"
    path.write_bytes(_mutated(sample_bytes, offset, bytes([value])))
    assert not opens_and_reads(path)


@property_settings(300)
@given(blob=st.one_of(
    st.binary(max_size=400),
    st.binary(max_size=200).map(lambda b: b + b"PK\x05\x06" + bytes(18)),
    st.binary(max_size=200).map(lambda b: b"PK\x03\x04" + b),
))
def test_arbitrary_bytes_only_raise_container_error(
    tmp_path_factory: pytest.TempPathFactory, blob: bytes
) -> None:
    path = tmp_path_factory.mktemp("blob") / "c.zip"
    path.write_bytes(blob)
    opens_and_reads(path)  # any exception but ContainerError fails the test


def _mutations(size: int) -> st.SearchStrategy:
    position = st.integers(0, size)
    return st.one_of(
        st.tuples(st.just("truncate"), position, st.just(b"")),
        st.tuples(st.just("insert"), position, st.binary(min_size=1, max_size=30)),
        st.tuples(st.just("delete"), position, st.integers(1, 30)),
        st.tuples(st.just("overwrite"), position, st.binary(min_size=1, max_size=8)),
    )


def _apply(data: bytes, mutation: tuple) -> bytes:
    kind, at, arg = mutation
    if kind == "truncate":
        return data[:at]
    if kind == "insert":
        return data[:at] + arg + data[at:]
    if kind == "delete":
        return data[:at] + data[at + arg :]
    return data[:at] + arg + data[at + len(arg) :]


@pytest.fixture(scope="module")
def foreign_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A zip by Python's zipfile, compressed: mutations exercise the friendly checks."""
    folder = tmp_path_factory.mktemp("foreign")
    return zipfile_bytes(
        folder,
        [(regular("a.txt", zipfile.ZIP_DEFLATED), b"hello " * 50), ("dir/", b""),
         (regular(THAI_NAME), b"%PDF")],
    )


@property_settings(300)
@given(data=st.data())
def test_mutated_containers_only_raise_container_error(
    tmp_path_factory: pytest.TempPathFactory,
    sample_bytes: bytes,
    foreign_bytes: bytes,
    data: st.DataObject,
) -> None:
    original = data.draw(st.sampled_from([sample_bytes, foreign_bytes]), label="original")
    mutated = original
    for mutation in data.draw(st.lists(_mutations(len(original)), min_size=1, max_size=3)):
        mutated = _apply(mutated, mutation)
    path = tmp_path_factory.mktemp("mutated") / "c.zip"
    path.write_bytes(mutated)
    survived = opens_and_reads(path)
    if original is sample_bytes and survived:
        assert mutated == sample_bytes  # only a no-op mutation may pass


_segment = st.text(
    alphabet=st.sampled_from("abcXYZ019-_ .กขคงเอกสารผลงาน"), min_size=1, max_size=12
).filter(lambda s: s not in {".", ".."})


@property_settings(50)
@given(
    members=st.lists(
        st.tuples(
            st.lists(_segment, min_size=1, max_size=3).map("/".join), st.binary(max_size=300)
        ),
        max_size=6,
        unique_by=lambda m: unicodedata.normalize("NFC", m[0].casefold()),
    )
)
def test_round_trip_property(
    tmp_path_factory: pytest.TempPathFactory, members: list[tuple[str, bytes]]
) -> None:
    path = tmp_path_factory.mktemp("rt") / "c.zip"
    digest = write_container(path, members)
    with open_container(path) as box:
        assert box.sha256 == digest
        assert box.names == [name for name, _ in members]
        assert [box.read(name) for name in box.names] == [data for _, data in members]
    assert path.read_bytes() == raw_zip([RawMember(n.encode("utf-8"), d) for n, d in members])

