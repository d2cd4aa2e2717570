"""Adding entries' attachments from a folder, matched to the entries by id.

The portal hands the secretariat a folder of files beside the entries sheet.
Each file belongs to the entry whose id starts its name (``E012_proposal.pdf``,
``E012 - slides.pdf``, ``E012.pdf``) or whose id names the sub-folder it is in
(``E012/…``, ``E012 เทศบาลตำบลหนองบัว/…``; one level deep). Ids compare
without regard to letter case but exactly: the id must be followed by ``_``,
``-``, ``.``, a space or the end of the name, and the longest id that fits
wins, so a file of E12 never goes to E1.

Two steps, as for the entries sheet, so nothing changes until an officer has
seen what will change:

1. :func:`match_attachments` reads the folder (hashing every file, copying
   nothing) and says which file goes to which entry, which are already
   attached, and every file it will not add and why.
2. :func:`add_attachments` copies the new files under the contest's
   attachments root (``attachments/<entry id>/<name>``, as the demo contest
   lays them out) and records them in the contest in one transaction.
   Running it again with the same folder adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .atomic import fsync_directory
from .bundle import attachment_path_in_bundle
from .errors import ValidationError
from .contest_json import contest_from_json, contest_to_json
from .model import Attachment, Entry
from .secretariat import ContestDatabase
from .zip_layout import member_name_problem

#: Largest file added; a bundle carries every file of a judge's entries to their laptop.
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
#: Characters that may follow an id at the start of a file or folder name.
SEPARATORS = "_-. "
#: Folder under the attachments root that holds one sub-folder per entry (the demo's layout).
ATTACHMENTS_FOLDER = "attachments"
OTHER_MEDIA_TYPE = "application/octet-stream"

# Why a file is not added (FileProblem.kind); the window words each kind in its language.
UNMATCHED = "unmatched"
UNKNOWN_ID = "unknown_id"
DUPLICATE = "duplicate"
NAME_TAKEN = "name_taken"
UNSAFE_NAME = "unsafe_name"
TOO_LARGE = "too_large"
EMPTY = "empty"
NOT_READ = "not_read"

Progress = Callable[[int, int, str], None]

_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
_EXPECTED_SUFFIX = {"application/pdf": (".pdf",), "image/png": (".png",), "image/jpeg": (".jpg", ".jpeg")}
_KNOWN_SUFFIXES = {suffix for suffixes in _EXPECTED_SUFFIX.values() for suffix in suffixes}
# Left out without a word: what file managers and Office leave in every folder.
_JUNK = {"thumbs.db", "desktop.ini", ".ds_store"}
# Characters Windows refuses in a file name: the judge's laptop must be able to write the name.
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*]')
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
# Direction controls can make "slides\u202Efdp.exe" look like "slidesexe.pdf".
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# What a name that belongs to no entry looks like when it was meant for one ("E099", "E-099", "2567").
_ID_LIKE = re.compile(r"^[A-Za-z]{0,8}[-_.]?\d+(?=[-_. ]|$)")


@dataclass(frozen=True)
class FoundFile:
    """A file of the folder that belongs to an entry."""

    source: Path
    shown: str  # the path inside the chosen folder, as the officer sees it
    entry_id: str
    name: str  # the attachment's name, made safe for every judge's computer
    size: int
    sha256: str
    media_type: str
    already_attached: bool = False

    @property
    def recognised(self) -> bool:
        """PDF, PNG or JPEG, which the judge's window shows itself."""
        return self.media_type != OTHER_MEDIA_TYPE

    @property
    def misnamed(self) -> bool:
        """The name ends in .pdf, .png or .jpg but the content is of another type (a judge would be puzzled)."""
        suffix = Path(self.name).suffix.casefold()
        return suffix in _KNOWN_SUFFIXES and suffix not in _EXPECTED_SUFFIX.get(self.media_type, ())


@dataclass(frozen=True)
class FileProblem:
    """Why one file (or folder) of the chosen folder is not added."""

    shown: str
    kind: str
    message: str
    entry_id: str = ""

    def __str__(self) -> str:
        return f"{self.shown}: {self.message}"


@dataclass
class AttachmentMatch:
    """What adding the folder would do; nothing has been copied."""

    folder: Path
    files: list[FoundFile] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    #: Entries that would still have no attachment at all (none in the contest, none here).
    entries_without_files: list[str] = field(default_factory=list)

    @property
    def new_files(self) -> list[FoundFile]:
        return [f for f in self.files if not f.already_attached]

    @property
    def already_attached(self) -> list[FoundFile]:
        return [f for f in self.files if f.already_attached]

    @property
    def unrecognised(self) -> list[FoundFile]:
        """Files added as ``application/octet-stream``: the judge opens them with another program."""
        return [f for f in self.files if not f.recognised]

    def by_entry(self) -> dict[str, list[FoundFile]]:
        grouped: dict[str, list[FoundFile]] = defaultdict(list)
        for found in self.files:
            grouped[found.entry_id].append(found)
        return dict(grouped)


@dataclass(frozen=True)
class OutOfDateBundle:
    """A bundle already issued to a judge that holds an entry whose attachments changed."""

    judge_id: str
    round_id: str
    file_name: str
    issued_at: str
    entry_ids: tuple[str, ...]


@dataclass(frozen=True)
class AttachmentsAdded:
    added: int
    entry_ids: tuple[str, ...]
    #: Issue these judges' bundles again so they carry the new files.
    out_of_date: tuple[OutOfDateBundle, ...]


# =============================================================================
# Matching
# =============================================================================


def entry_id_of_name(name: str, ids: dict[str, str]) -> str | None:
    """The entry id that starts ``name``, from ``ids`` (case-folded id → id); the longest that fits.

    Only prefixes ending at a separator (or the end of the name) are looked up,
    so the cost does not grow with the number of entries.
    """
    folded = unicodedata.normalize("NFC", name).casefold()
    for end in range(min(len(folded), 64), 0, -1):
        if end == len(folded) or folded[end] in SEPARATORS:
            found = ids.get(folded[:end])
            if found is not None:
                return found
    return None


def safe_name(name: str) -> tuple[str, str | None]:
    """The name an attachment gets, and why the file cannot be added (None if it can).

    Characters Windows refuses become ``_`` and trailing dots and spaces go,
    since a judge on Windows must be able to save the file. Control
    characters, path separators and direction controls are refused outright:
    they only get into a name by accident or to deceive.
    """
    name = unicodedata.normalize("NFC", name)
    for char in name:
        if unicodedata.category(char) == "Cc":
            return name, f"the name contains a control character (U+{ord(char):04X}); rename the file"
        if char in "/\\":
            return name, "the name contains a path separator (/ or \\); rename the file"
        if char in _BIDI_CONTROLS:
            return name, (f"the name contains a text-direction control (U+{ord(char):04X}) that can disguise "
                          "the file's type; rename the file")
    cleaned = _WINDOWS_FORBIDDEN.sub("_", name).strip(" ").rstrip(". ")
    if not cleaned:
        return name, "the name is empty once made safe; rename the file"
    if cleaned.split(".")[0].casefold() in _WINDOWS_DEVICES:
        cleaned = "_" + cleaned
    return cleaned, None


def detect_media_type(head: bytes) -> str:
    """The media type from a file's first bytes: PDF, PNG, JPEG, or ``application/octet-stream``."""
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    return OTHER_MEDIA_TYPE


def _ignored(name: str) -> bool:
    return name.startswith((".", "~$")) or name.casefold() in _JUNK


def _sorted_dir(folder: Path) -> list[os.DirEntry]:
    with os.scandir(folder) as items:
        return sorted((i for i in items if not _ignored(i.name)), key=lambda i: i.name)


def _no_entry(shown: str, name: str, what: str) -> FileProblem:
    like = _ID_LIKE.match(unicodedata.normalize("NFC", name))
    if like:
        return FileProblem(shown, UNKNOWN_ID, f"no entry has the id {like.group(0)!r}; {what} is not added")
    return FileProblem(shown, UNMATCHED, f"the name does not start with an entry id (as in E012_proposal.pdf) "
                                         f"and no folder named after an entry holds it; {what} is not added")


def _candidates(folder: Path, ids: dict[str, str]) -> tuple[list[tuple[Path, str, str]], list[FileProblem]]:
    """(file, shown path, entry id) of every file that names an entry, and the ones that do not."""
    found: list[tuple[Path, str, str]] = []
    problems: list[FileProblem] = []
    for item in _sorted_dir(folder):
        if item.is_symlink():
            problems.append(FileProblem(item.name, NOT_READ, "is a link; copy the real file into the folder"))
        elif item.is_dir():
            entry_id = entry_id_of_name(item.name, ids)
            if entry_id is None:
                problems.append(_no_entry(item.name + "/", item.name, "nothing in this folder"))
                continue
            for inner in _sorted_dir(Path(item.path)):
                shown = f"{item.name}/{inner.name}"
                if inner.is_symlink() or not inner.is_file():
                    problems.append(FileProblem(shown, NOT_READ, "only files directly inside an entry's folder are "
                                                                 "read (not links or deeper folders)", entry_id))
                else:
                    found.append((Path(inner.path), shown, entry_id))
        elif item.is_file():
            entry_id = entry_id_of_name(item.name, ids)
            if entry_id is None:
                problems.append(_no_entry(item.name, item.name, "the file"))
            else:
                found.append((Path(item.path), item.name, entry_id))
    return found, problems


def _hash_file(path: Path) -> tuple[str, bytes]:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        head = handle.read(1 << 20)
        chunk = head
        while chunk:
            digest.update(chunk)
            chunk = handle.read(1 << 20)
    return digest.hexdigest(), head[:16]


def _name_key(name: str) -> str:
    """Names that one Windows or macOS folder would hold as the same file (see zip_layout.NameRegistry)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


def _inspect(source: Path, shown: str, entry_id: str) -> FoundFile | FileProblem:
    """Name, size, hash and type of one matched file, or why it cannot be added."""
    name, refused = safe_name(source.name)
    if refused is None:
        refused = member_name_problem(attachment_path_in_bundle(entry_id, name))
        if refused is not None:
            return FileProblem(shown, UNSAFE_NAME, f"{refused}; shorten the file name", entry_id)
    else:
        return FileProblem(shown, UNSAFE_NAME, refused, entry_id)
    try:
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            return FileProblem(shown, TOO_LARGE, f"is {size / (1024 * 1024):.1f} MB, more than the "
                                                 f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB a bundle may carry "
                                                 "per file; make it smaller (e.g. a lighter PDF)", entry_id)
        if size == 0:
            return FileProblem(shown, EMPTY, "is empty (0 bytes)", entry_id)
        sha256, head = _hash_file(source)
    except OSError as exc:
        return FileProblem(shown, NOT_READ, f"cannot be read ({exc.strerror or exc})", entry_id)
    return FoundFile(source, shown, entry_id, name, size, sha256, detect_media_type(head))


def match_attachments(folder: str | Path, entries: Sequence[Entry], *,
                      progress: Progress | None = None) -> AttachmentMatch:
    """Which file of ``folder`` goes to which entry, and every file that will not be added and why.

    Reads and hashes every matched file (for duplicates and to know what is
    already attached) but copies nothing. Hidden files and the ones file
    managers leave (``Thumbs.db``, ``.DS_Store``, ``~$`` lock files) are passed over.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError("is not a folder", path=folder)
    ids = {entry.id.casefold(): entry.id for entry in entries}
    try:
        candidates, problems = _candidates(folder, ids)
    except OSError as exc:
        raise ValidationError(f"cannot be read ({exc.strerror or exc})", path=folder) from None
    match = AttachmentMatch(folder, problems=problems)
    by_id = {entry.id: entry for entry in entries}
    seen_sha: dict[tuple[str, str], str] = {}  # (entry, sha) → shown path of the first file with it
    seen_name: dict[tuple[str, str], str] = {}  # (entry, name key) → shown path
    for number, (source, shown, entry_id) in enumerate(candidates):
        if progress:
            progress(number, len(candidates), shown)
        inspected = _inspect(source, shown, entry_id)
        if isinstance(inspected, FileProblem):
            match.problems.append(inspected)
            continue
        entry = by_id[entry_id]
        problem = _clash(inspected, entry, seen_sha, seen_name)
        if problem is not None:
            match.problems.append(problem)
            continue
        already = any(a.sha256 == inspected.sha256 for a in entry.attachments)
        match.files.append(replace(inspected, already_attached=already))
        seen_sha[(entry_id, inspected.sha256)] = shown
        seen_name[(entry_id, _name_key(inspected.name))] = shown
    if progress:
        progress(len(candidates), len(candidates), "")
    with_files = {f.entry_id for f in match.files}
    match.entries_without_files = [e.id for e in entries if not e.attachments and e.id not in with_files]
    return match


def _clash(found: FoundFile, entry: Entry, seen_sha: dict, seen_name: dict) -> FileProblem | None:
    """Why ``found`` would repeat a file of the entry or take another file's name (None if it would not)."""
    shown, entry_id = found.shown, entry.id
    for attachment in entry.attachments:
        same_content = attachment.sha256 == found.sha256
        same_name = _name_key(attachment.name) == _name_key(found.name)
        if same_content and not same_name:
            return FileProblem(shown, DUPLICATE, f"entry {entry_id} already has this file, as "
                                                 f"{attachment.name!r}", entry_id)
        if same_name and not same_content:
            return FileProblem(shown, NAME_TAKEN, f"entry {entry_id} already has another file named "
                                                  f"{attachment.name!r}; rename this one to add it too", entry_id)
    earlier = seen_sha.get((entry_id, found.sha256))
    if earlier is not None:
        return FileProblem(shown, DUPLICATE, f"the same content as {earlier} (entry {entry_id}); only that one is kept",
                           entry_id)
    earlier = seen_name.get((entry_id, _name_key(found.name)))
    if earlier is not None:
        return FileProblem(shown, NAME_TAKEN, f"would have the same name as {earlier} for entry {entry_id} "
                                              "(names differing only in letter case are one file on Windows); "
                                              "rename one of them", entry_id)
    return None


# =============================================================================
# Copying and recording
# =============================================================================


def add_attachments(db: ContestDatabase, match: AttachmentMatch, *,
                    progress: Progress | None = None) -> AttachmentsAdded:
    """Copy the match's new files under the attachments root and record them, all or nothing.

    Files are copied first (temporary file, fsync, then linked into place so
    an existing file is never replaced; a different file already there makes
    the copy take the name ``name (2).pdf``), then the contest is updated in
    one transaction. If that fails, the copies made here are removed again.
    Files already recorded for their entry are skipped, so running this twice
    with the same folder adds nothing the second time.
    """
    root = db.attachments_root
    new = match.new_files
    created: list[Path] = []
    records: dict[str, list[Attachment]] = defaultdict(list)
    try:
        for number, found in enumerate(new):
            if progress:
                progress(number, len(new), found.shown)
            relative, made = _store(root, found)
            if made:
                created.append(root / relative)
            records[found.entry_id].append(
                Attachment(found.name, relative, found.media_type, found.size, found.sha256))
        if progress:
            progress(len(new), len(new), "")
        changed = _record(db, records)
    except BaseException:
        _remove(created, root)
        raise
    # Copies that were not recorded (another window recorded the same file meanwhile) are not kept.
    recorded = {a.file for entry in db.contest.entries for a in entry.attachments}
    _remove([p for p in created if p.relative_to(root).as_posix() not in recorded], root)
    added = sum(changed.values())
    return AttachmentsAdded(added, tuple(changed), tuple(out_of_date_bundles(db, changed)))


def _store(root: Path, found: FoundFile) -> tuple[str, bool]:
    """Put the file under ``root``; return its path relative to the root and whether a copy was made."""
    folder = root / ATTACHMENTS_FOLDER / found.entry_id
    folder.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = found.name.rpartition(".")
    if not stem:
        stem, dot, suffix = found.name, "", ""
    for attempt in range(1, 100):
        name = found.name if attempt == 1 else f"{stem} ({attempt}){dot}{suffix}"
        target = folder / name
        relative = f"{ATTACHMENTS_FOLDER}/{found.entry_id}/{name}"
        if target.exists():
            if target.is_file() and target.stat().st_size == found.size and _hash_file(target)[0] == found.sha256:
                return relative, False
            continue
        if _copy_into_place(found, target):
            return relative, True
    raise ValidationError(f"too many other files named like {found.name!r} are in the way", path=folder)


def _copy_into_place(found: FoundFile, target: Path) -> bool:
    """Copy ``found`` to ``target`` unless something is there by then; False if it was."""
    fd, tmp_name = tempfile.mkstemp(prefix=".adding-", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        digest, size = hashlib.sha256(), 0
        with os.fdopen(fd, "wb") as out, open(found.source, "rb") as source:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if size != found.size or digest.hexdigest() != found.sha256:
            raise ValidationError("changed since the folder was checked; check the folder again", path=found.source)
        os.chmod(tmp, 0o644)
        placed = _place_without_replacing(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    if placed:
        fsync_directory(target.parent)
    return placed


def _place_without_replacing(tmp: Path, target: Path) -> bool:
    """Give ``tmp``'s data the name ``target`` only if no file has it (a hard link never replaces)."""
    try:
        os.link(tmp, target)
        return True
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links (FAT on a USB stick)
        if target.exists():
            return False
        os.replace(tmp, target)
        return True


def _remove(paths: Iterable[Path], root: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != root and folder.is_relative_to(root):
            try:
                folder.rmdir()  # only if empty: another entry's or an older file stays
            except OSError:
                break
            folder = folder.parent


def _record(db: ContestDatabase, records: dict[str, list[Attachment]]) -> dict[str, int]:
    """Add the attachments to their entries in one transaction; return entry id → how many were added."""
    changed: dict[str, int] = {}
    with db.transaction():
        db._contest = None  # read what is in the file now, under the write lock
        contest = db.contest
        entries = []
        for entry in contest.entries:
            fresh = []
            for attachment in records.get(entry.id, ()):
                taken = {a.sha256 for a in (*entry.attachments, *fresh)}
                names = {_name_key(a.name) for a in (*entry.attachments, *fresh)}
                if attachment.sha256 not in taken and _name_key(attachment.name) not in names:
                    fresh.append(attachment)
            if fresh:
                changed[entry.id] = len(fresh)
                entry = replace(entry, attachments=entry.attachments + tuple(fresh))
            entries.append(entry)
        if not changed:
            return changed
        updated = contest_from_json(contest_to_json(replace(contest, entries=tuple(entries))))
        db.conn.execute("UPDATE meta SET value = ? WHERE key = 'contest_json'",
                        (json.dumps(contest_to_json(updated), ensure_ascii=False),))
    db._contest = updated
    return changed


def out_of_date_bundles(db: ContestDatabase, entry_ids: Iterable[str]) -> list[OutOfDateBundle]:
    """The latest bundle of each judge and round that holds any of ``entry_ids`` (by today's assignments)."""
    wanted = set(entry_ids)
    latest: dict[tuple[str, str], dict] = {}
    for row in db.bundles():  # ordered by judge and issue time: the last one wins
        latest[(row["round_id"], row["judge_id"])] = row
    found = []
    for (round_id, judge_id), row in sorted(latest.items(), key=lambda item: (item[0][1], item[0][0])):
        try:
            held = db.contest.round(round_id).entries_of(judge_id)
        except KeyError:
            continue
        hit = tuple(e for e in held if e in wanted)
        if hit:
            found.append(OutOfDateBundle(judge_id, round_id, row["file_name"], row["issued_at"], hit))
    return found
