"""Tools for the tests to play a dishonest or mistaken party: repack and re-sign score files."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from judge_app import canonical
from judge_app.container import open_container
from judge_app.container_write import write_container
from judge_app.keys import PrivateKey
from judge_app.scorefile import MINISIG, PAYLOAD, SSH_NAMESPACE, SSHSIG
from judge_app.scoring import total_str, weighted_total
from judge_app.signatures import minisign_sign, sshsig_sign
from judge_app.zip_layout import CENTRAL_STRUCT, END_STRUCT, Entry, layout


def read_members(path: Path) -> dict[str, bytes]:
    with open_container(path) as container:
        return {name: container.read(name) for name in container.names}


def payload_of(path: Path) -> dict[str, Any]:
    return json.loads(read_members(path)[PAYLOAD])


def write_signed(path: Path, payload: dict[str, Any], key: PrivateKey, *, claim_key: bool = True) -> Path:
    """Write a well-formed score file of ``payload`` signed by ``key``.

    With ``claim_key`` the payload names ``key`` as the judge's key (a
    consistent forgery); without it the payload keeps whatever key it names,
    so the signatures cannot verify.
    """
    payload = dict(payload)
    if claim_key:
        payload["judge_public_key"] = key.public_key.to_base64()
        payload["judge_fingerprint"] = key.public_key.fingerprint
    data = canonical.dumps(payload)
    write_container(path, [
        (PAYLOAD, data),
        (MINISIG, minisign_sign(key, data, trusted_comment="forged").encode()),
        (SSHSIG, sshsig_sign(key, data, namespace=SSH_NAMESPACE).encode()),
    ])
    return path


def repack_with_payload(source: Path, destination: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    """Edit the payload but keep the original signatures (what a tamperer without the key can do)."""
    members = read_members(source)
    payload = json.loads(members[PAYLOAD])
    edit(payload)
    members[PAYLOAD] = canonical.dumps(payload)
    write_container(destination, [(PAYLOAD, members[PAYLOAD]), (MINISIG, members[MINISIG]), (SSHSIG, members[SSHSIG])])
    return destination


# ---------------------------------------------------------------- byte-level damage and re-spelling


def write_members(path: Path, members: dict[str, bytes]) -> Path:
    """A canonical container of ``members`` in the order score files use (fresh CRCs and headers)."""
    write_container(path, [(name, members[name]) for name in (PAYLOAD, MINISIG, SSHSIG) if name in members]
                    + [(name, data) for name, data in members.items() if name not in (PAYLOAD, MINISIG, SSHSIG)])
    return path


@dataclass(frozen=True)
class Region:
    """A stretch of a container file: which header or member data it is."""

    label: str
    start: int
    end: int


def regions(data: bytes) -> list[Region]:
    """Split a canonical container into its local headers, member data, directory records and end record.

    Computed from the layout the writer follows; the caller can check the
    regions tile the file exactly (``start`` of each is the ``end`` of the last).
    """
    members = _members_of_bytes(data)
    entries = [Entry(name, name.encode("utf-8"), zlib.crc32(body), len(body)) for name, body in members.items()]
    segments, _ = layout(entries)
    found: list[Region] = []
    offset = 0
    for entry, header, body in zip(entries, segments[0::2], segments[1::2]):
        found.append(Region(f"local header {entry.name}", offset, offset + header.length))
        offset += header.length
        found.append(Region(f"data {entry.name}", offset, offset + body.length))
        offset += body.length
    for entry in entries:
        end = offset + CENTRAL_STRUCT.size + len(entry.name_bytes)
        found.append(Region(f"central record {entry.name}", offset, end))
        offset = end
    found.append(Region("end record", offset, offset + segments[-1].length))
    return found


def _members_of_bytes(data: bytes) -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file"
        path.write_bytes(data)
        return read_members(path)


def flipped(data: bytes, offset: int, mask: int) -> bytes:
    """``data`` with the byte at ``offset`` XOR-ed with ``mask`` (non-zero, so it always differs)."""
    assert mask & 0xFF, "a zero mask changes nothing"
    return data[:offset] + bytes([data[offset] ^ (mask & 0xFF)]) + data[offset + 1:]


def respellings(members: dict[str, bytes]) -> dict[str, dict[str, bytes]]:
    """Variants of a genuine file that change only bytes no signature covers.

    Anyone can make these without the judge's key: the minisign untrusted
    comment, line endings, the final newline, the SSH armour's line width.
    The signed payload is untouched.
    """
    minisig, sshsig = members[MINISIG], members[SSHSIG]
    first, rest = minisig.split(b"\n", 1)
    lines = sshsig.decode("ascii").split("\n")
    body = "".join(lines[1:-2])
    rewrapped = "\n".join([lines[0], *(body[i:i + 64] for i in range(0, len(body), 64)), lines[-2], ""])
    variants = {
        "minisign untrusted comment edited": {MINISIG: first + b" (copy)\n" + rest},
        "minisign with CRLF line ends": {MINISIG: minisig.replace(b"\n", b"\r\n")},
        "minisign without its final newline": {MINISIG: minisig[:-1]},
        "SSH signature with CRLF line ends": {SSHSIG: sshsig.replace(b"\n", b"\r\n")},
        "SSH signature without its final newline": {SSHSIG: sshsig[:-1]},
        "SSH signature armour wrapped at 64 columns": {SSHSIG: rewrapped.encode("ascii")},
    }
    return {label: {**members, **change} for label, change in variants.items()}


def not_score_files(genuine: bytes) -> dict[str, bytes]:
    """Files of other kinds someone might drop on the merge by mistake or on purpose."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, body in _members_of_bytes(genuine).items():
            archive.writestr(name, body)
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w") as archive:
        for name, body in _members_of_bytes(genuine).items():
            archive.writestr(name, body)
    return {
        "empty file": b"",
        "text": "คะแนนของกรรมการ J01\n".encode("utf-8"),
        "PDF header": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "PNG header": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "gzip of the score file": gzip.compress(genuine, mtime=0),
        "score file members re-zipped deflated": buffer.getvalue(),
        "score file members re-zipped by Python's zipfile": stored.getvalue(),
        "score file twice in a row": genuine + genuine,
        "score file with a byte appended": genuine + b"\x00",
        "score file with a byte prepended": b"\x00" + genuine,
        "only the end record": genuine[-END_STRUCT.size:],
        "random bytes": bytes(random.Random(2565).randrange(256) for _ in range(len(genuine))),
    }


# ---------------------------------------------------------------- the catalogue of forgeries


@dataclass
class Scene:
    """Real score files of a played round, and the databases forgeries are merged into.

    ``files[judge, sequence]`` are genuine exports; ``baseline`` the ones merged
    in the ``merged`` snapshot (J01's 1 and 3, the others' 1); ``fresh`` has the
    keys of J01-J04 enrolled and nothing merged; J05's key is never enrolled.
    """

    contest: Any
    played: dict[str, Any]
    files: dict[tuple[str, int], Path]
    baseline: list[Path]
    fresh: Path
    merged: Path
    bundles: dict[str, dict[str, Any]]
    stranger: PrivateKey
    foreign: dict[str, Path]
    controls: dict[str, Path] = field(default_factory=dict)
    hostile: dict[str, Path] = field(default_factory=dict)

    def key(self, who: str) -> PrivateKey:
        return self.stranger if who == "stranger" else self.played[who].key


Edit = Callable[["Scene", dict[str, Any]], None]
Maker = Callable[["Scene", Path], list[Path]]


@dataclass(frozen=True)
class Kind:
    """One kind of forgery: how to make its files and the words its refusal must contain.

    ``state`` is the database it is thrown at ("fresh" or "merged");
    ``parse_level`` says whether the file is refused before any merge rule
    (unreadable, unsigned, malformed) or by a rule; ``batch_safe`` whether its
    refusal holds whatever else is imported in the same batch.
    """

    name: str
    state: str
    make: Maker
    fragments: tuple[str, ...]
    parse_level: bool
    batch_safe: bool = True

    def files(self, scene: Scene, folder: Path) -> list[Path]:
        own = folder / "".join(c if c.isalnum() else "-" for c in self.name)
        own.mkdir(parents=True, exist_ok=True)
        return self.make(scene, own)


def resigned(*edits: Edit, base: tuple[str, int] = ("J01", 3), sequence: int | None = 4,
             signer: str = "J01") -> Maker:
    """The base file's payload, edited, given ``sequence`` and signed by ``signer`` (a judge or "stranger").

    Signed by the judge's own key with the next free sequence, the file differs
    from one the merge accepts only by what the edit breaks.
    """
    def make(scene: Scene, folder: Path) -> list[Path]:
        made = []
        for number, edit in enumerate(edits):
            payload = payload_of(scene.files[base])
            if sequence is not None:
                payload["sequence"] = sequence
            edit(scene, payload)
            made.append(write_signed(folder / f"{number}.dlgscores", payload, scene.key(signer),
                                     claim_key=signer != base[0]))
        return made
    return make


def tampered(*edits: Callable[[dict[str, Any]], None], base: tuple[str, int] = ("J01", 1)) -> Maker:
    """The base file's payload edited and repacked with its original signatures."""
    def make(scene: Scene, folder: Path) -> list[Path]:
        return [repack_with_payload(scene.files[base], folder / f"{n}.dlgscores", edit) for n, edit in enumerate(edits)]
    return make


def repacked(*changes: Callable[["Scene", dict[str, bytes]], dict[str, bytes]], base: tuple[str, int] = ("J01", 1)) -> Maker:
    """The base file's members changed by each function (which returns the new members), repacked."""
    def make(scene: Scene, folder: Path) -> list[Path]:
        return [write_members(folder / f"{n}.dlgscores", change(scene, read_members(scene.files[base])))
                for n, change in enumerate(changes)]
    return make


def genuine(*which: tuple[str, int]) -> Maker:
    return lambda scene, folder: [scene.files[w] for w in which]


def foreign(name: str) -> Maker:
    return lambda scene, folder: [scene.foreign[name]]


def both(*makers: Maker) -> Maker:
    return lambda scene, folder: [path for maker in makers for path in maker(scene, folder)]


# Edits of a payload -------------------------------------------------------

def first(payload: dict[str, Any], status: str) -> dict[str, Any]:
    return next(e for e in payload["entries"] if e["status"] == status)


def score(criterion: str, value: Any) -> Edit:
    return lambda scene, p: first(p, "scored")["scores"].__setitem__(criterion, value)


def field_(name: str, value: Any) -> Edit:
    return lambda scene, p: p.__setitem__(name, value)


def entry_field(status: str, name: str, value: Any) -> Edit:
    return lambda scene, p: first(p, status).__setitem__(name, value)


def comment(scene: Scene, payload: dict[str, Any]) -> None:
    first(payload, "scored")["overall_comment"] = "ความเห็นที่เปลี่ยนไปหลังส่ง"


def bundle_of(judge: str, *, with_id: bool = True) -> Edit:
    def edit(scene: Scene, payload: dict[str, Any]) -> None:
        payload["bundle_sha256"] = scene.bundles[judge]["sha256"]
        if with_id:
            payload["bundle_id"] = scene.bundles[judge]["bundle_id"]
    return edit


def unassigned_entry(scene: Scene) -> str:
    assigned = set(scene.contest.rounds[0].entries_of("J01"))
    return next(e.id for e in scene.contest.entries if e.id not in assigned)


def replace_entry_id(new_id: Callable[[Scene], str]) -> Edit:
    return lambda scene, p: p["entries"][-1].__setitem__("entry_id", new_id(scene))


def append_copy_as(new_id: Callable[[Scene], str]) -> Edit:
    return lambda scene, p: p["entries"].append({**p["entries"][-1], "entry_id": new_id(scene)})


def drop(status: str) -> Edit:
    return lambda scene, p: p["entries"].remove(first(p, status))


def duplicate_entry(scene: Scene, payload: dict[str, Any]) -> None:
    payload["entries"].append(dict(first(payload, "scored")))


def total_plus_a_cent(scene: Scene, payload: dict[str, Any]) -> None:
    entry = first(payload, "scored")
    entry["total"] = str(Decimal(entry["total"]) + Decimal("0.01"))


def rescore_conflict(scene: Scene, payload: dict[str, Any]) -> None:
    """Turn the entry the judge declared a conflict on into a fully, correctly scored one."""
    rubric = scene.contest.rounds[0].rubric
    values = {c: Decimal("3") for c in rubric.criterion_ids}
    entry = first(payload, "conflict")
    entry.update(status="scored", conflict_reason="", scores={c: "3" for c in values},
                 total=total_str(weighted_total(rubric, values)))


def not_scored_with_scores(scene: Scene, payload: dict[str, Any]) -> None:
    entry = first(payload, "scored")
    entry.update(status="not_scored", total=None)


def fingerprint_of_another(scene: Scene, payload: dict[str, Any]) -> None:
    payload["judge_fingerprint"] = scene.stranger.public_key.fingerprint


# Changes to members (for the "damaged" kinds) ---------------------------

def signatures_from(other: tuple[str, int]) -> Callable[[Scene, dict[str, bytes]], dict[str, bytes]]:
    def change(scene: Scene, members: dict[str, bytes]) -> dict[str, bytes]:
        theirs = read_members(scene.files[other])
        return {**members, MINISIG: theirs[MINISIG], SSHSIG: theirs[SSHSIG]}
    return change


def one_signature_by(member: str, who: str) -> Callable[[Scene, dict[str, bytes]], dict[str, bytes]]:
    def change(scene: Scene, members: dict[str, bytes]) -> dict[str, bytes]:
        key = scene.key(who)
        made = (minisign_sign(key, members[PAYLOAD], trusted_comment="forged") if member == MINISIG
                else sshsig_sign(key, members[PAYLOAD], namespace=SSH_NAMESPACE))
        return {**members, member: made.encode()}
    return change


def without(member: str) -> Callable[[Scene, dict[str, bytes]], dict[str, bytes]]:
    return lambda scene, members: {k: v for k, v in members.items() if k != member}


def with_member(name: str, body: bytes) -> Callable[[Scene, dict[str, bytes]], dict[str, bytes]]:
    return lambda scene, members: {**members, name: body}


def reserialised(**options: Any) -> Callable[[Scene, dict[str, bytes]], dict[str, bytes]]:
    def change(scene: Scene, members: dict[str, bytes]) -> dict[str, bytes]:
        return {**members, PAYLOAD: json.dumps(json.loads(members[PAYLOAD]), **options).encode("utf-8")}
    return change


def _raise_score(p: dict[str, Any]) -> None:
    entry = first(p, "scored")
    entry["scores"]["C1"] = "5" if entry["scores"]["C1"] != "5" else "4"


def _lower_total(p: dict[str, Any]) -> None:
    first(p, "scored")["total"] = "1.00"


SIGNED_DAMAGE = ("signature does not verify",)
NOT_A_SCORE_FILE = ("not a valid score file",)

KINDS: list[Kind] = [
    # Damaged or edited without the key: refused before any rule ------------------------------
    Kind("payload edited, signatures kept", "fresh", both(
        tampered(_raise_score, _lower_total, lambda p: p.__setitem__("sequence", 9),
                 lambda p: p.__setitem__("judge_id", "J02"), lambda p: p["entries"].pop(),
                 lambda p: first(p, "scored").__setitem__("overall_comment", "แก้ไข"),
                 lambda p: first(p, "conflict").__setitem__("status", "not_scored")),
        tampered(_raise_score, base=("J03", 1))), SIGNED_DAMAGE, parse_level=True),
    Kind("payload re-serialised, not canonical", "fresh", repacked(
        reserialised(indent=1), reserialised(ensure_ascii=True, sort_keys=True, separators=(",", ":")),
        reserialised(separators=(", ", ": "))), ("not in canonical form",), parse_level=True),
    Kind("signatures of another file", "fresh", repacked(signatures_from(("J01", 2)), signatures_from(("J02", 1))),
         SIGNED_DAMAGE, parse_level=True),
    Kind("one of the two signatures forged", "fresh", repacked(
        one_signature_by(MINISIG, "stranger"), one_signature_by(SSHSIG, "stranger"),
        one_signature_by(MINISIG, "J02"), one_signature_by(SSHSIG, "J02")), SIGNED_DAMAGE, parse_level=True),
    Kind("signed by another key, payload naming the judge's", "fresh", lambda scene, folder: [
        write_signed(folder / f"{who}.dlgscores", payload_of(scene.files["J01", 1]), scene.key(who), claim_key=False)
        for who in ("J02", "stranger")], SIGNED_DAMAGE, parse_level=True),
    Kind("member missing, added or not text", "fresh", repacked(
        without(SSHSIG), without(MINISIG), with_member("notes.txt", b"hi"),
        with_member(MINISIG, b"\xff\xfe not utf-8")),
        ("missing file", "too many members", "not text"), parse_level=True),

    # Signed, but breaking a merge rule -------------------------------------------------------
    Kind("signed with another judge's key", "merged", both(resigned(comment, signer="J02"),
                                                          resigned(comment, signer="J03")),
         ("signed with the key of judge J02", "signed with the key of judge J03"), parse_level=False),
    Kind("payload re-signed by an unenrolled key", "merged", both(
        resigned(comment, signer="stranger"), resigned(score("C1", "5"), base=("J02", 1), sequence=2, signer="stranger")),
        ("not judge J01's enrolled key", "not judge J02's enrolled key"), parse_level=False),
    Kind("payload claiming another judge", "merged", resigned(field_("judge_id", "J02"), field_("judge_id", "J03")),
         ("claims judge J02 but is signed with the key of judge J01",
          "claims judge J03 but is signed with the key of judge J01"), parse_level=False),
    Kind("judge without an enrolled key", "merged", genuine(("J05", 1)), ("has no enrolled key",), parse_level=False),
    Kind("judge not in the contest", "merged", resigned(field_("judge_id", "J99")),
         ("'J99' is not a judge of this contest",), parse_level=False),
    Kind("bundle of another judge", "merged", resigned(bundle_of("J02"), bundle_of("J03", with_id=False)),
         ("issued to judge J02", "issued to judge J03"), parse_level=False),
    Kind("bundle never issued", "merged", both(resigned(field_("bundle_sha256", "0" * 64)),
                                               foreign("another secretariat")),
         ("never issued by this secretariat",), parse_level=False),
    Kind("bundle id altered", "merged", resigned(field_("bundle_id", "0" * 32)),
         ("bundle id in the file does not match",), parse_level=False),
    Kind("file of another contest", "merged", both(resigned(field_("contest_id", "dlg-2566")),
                                                   foreign("another contest")),
         ("belongs to contest 'dlg-2566', not 'dlg-2565'",), parse_level=False),
    Kind("file of another round", "merged", resigned(field_("round_id", "r2"), field_("round_id", "R1")),
         ("which contest dlg-2565 does not have",), parse_level=False),
    Kind("entry not assigned to the judge", "merged", resigned(
        replace_entry_id(unassigned_entry), append_copy_as(unassigned_entry), replace_entry_id(lambda s: "E9999")),
        ("is not assigned to judge J01",), parse_level=False),
    Kind("assigned entry missing", "merged", resigned(drop("scored"), drop("conflict")),
         ("are missing from the file",), parse_level=False),
    Kind("entry listed twice", "merged", resigned(duplicate_entry), ("appears twice in the file",), parse_level=False),
    Kind("unknown criterion", "merged", resigned(score("C9", "3")), ("unknown criteria C9",), parse_level=False),
    Kind("scored entry lacking a criterion", "merged",
         resigned(lambda s, p: first(p, "scored")["scores"].pop("C7")), ("is marked scored but lacks C7",),
         parse_level=False),
    Kind("score out of range", "merged", resigned(*(score("C2", v) for v in ("5.5", "0.5", "0", "-1", "6", "100"))),
         ("outside the scale",), parse_level=False),
    Kind("score off the scale's steps", "merged", resigned(*(score("C2", v) for v in ("3.3", "2.25", "4.75", "1.000001"))),
         ("not on the scale's steps",), parse_level=False),
    Kind("total not matching the scores", "merged", resigned(
        entry_field("scored", "total", "99.99"), total_plus_a_cent, entry_field("scored", "total", None)),
        ("does not match its scores",), parse_level=False),
    Kind("conflict carrying scores", "merged", resigned(
        entry_field("conflict", "scores", {"C1": "5"}), entry_field("conflict", "total", "80.00")),
        ("declared a conflict of interest but carries scores",), parse_level=False),
    Kind("not-scored entry carrying scores", "merged", resigned(not_scored_with_scores),
         ("marked not scored but carries scores",), parse_level=False),

    # Signed by the judge, but against what was merged before ---------------------------------
    Kind("rollback to an older sequence", "merged", both(genuine(("J01", 2)), resigned(comment, sequence=2)),
         ("is older than sequence 3 already merged",), parse_level=False, batch_safe=False),
    Kind("equivocation: same sequence, other content", "merged", both(
        resigned(comment, sequence=3), resigned(comment, base=("J01", 1), sequence=1),
        resigned(comment, base=("J02", 1), sequence=1, signer="J02")),
        ("(equivocation)",), parse_level=False, batch_safe=False),
    Kind("scores an entry declared a conflict earlier", "merged", resigned(rescore_conflict),
         ("declared a conflict of interest on it in sequence 3",), parse_level=False, batch_safe=False),

    # Signed by the judge, but malformed -----------------------------------------------------
    Kind("malformed payload, signed", "merged", resigned(
        field_("format", "dlg-scores/2"), field_("note", "x"), field_("sequence", 0), field_("sequence", True),
        field_("bundle_sha256", "X" * 64), field_("exported_at", "2565-01-01 09:00"), fingerprint_of_another,
        entry_field("scored", "status", "maybe"), score("C1", 3), entry_field("scored", "total", 80),
        field_("entries", {})),
        ("payload format", "unknown fields", "payload field 'sequence' must be", "wrong type", "not a SHA-256", "not a UTC time",
         "fingerprint does not match", "is not one of", "plain decimal", "decimal string or null"),
        parse_level=True),
]


def hostile_files(scene: Scene, folder: Path) -> dict[str, Path]:
    """Forgeries anyone can make that crashed the merge instead of being refused when this suite was written."""
    members = read_members(scene.files["J01", 1])
    huge = payload_of(scene.files["J01", 1])
    huge["sequence"] = 2**64
    junk = Path(os.fsdecode(bytes(folder) + b"/junk-\xff.dlgscores"))
    junk.write_bytes(b"PK\x03\x04 not really")
    return {
        "sequence beyond SQLite's integer": write_signed(folder / "huge.dlgscores", huge, scene.stranger),
        "number of 5000 digits": write_members(folder / "digits.dlgscores", {**members, PAYLOAD: members[PAYLOAD].replace(
            b'"sequence":1', b'"sequence":1' + b"0" * 5000)}),
        "lone surrogate escape in the payload": write_members(folder / "surrogate.dlgscores", {
            **members, PAYLOAD: members[PAYLOAD].replace(b'"judge_id":"J01"', b'"judge_id":"J01\\ud800"')}),
        "junk under a non-UTF-8 file name": junk,
    }
