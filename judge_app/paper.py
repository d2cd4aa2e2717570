"""Paper fallback: a judge's printed score sheet, typed in twice by officers, with its scan.

A judge who could not use the app scores on the blank sheet
(:func:`judge_app.pdf.score_sheet.render_blank_sheet`). An officer types the
sheet in twice, the second time without seeing the first; :func:`compare_typings`
lists every field the two typings disagree on, and :func:`enter_paper_sheet`
stores nothing until they agree. The sheet's scan is kept beside the scores.

Paper sheets live in their own tables (``paper_sheets``, ``paper_scores``); the
database views put them beside the signed files with ``source = 'paper'``, so
they count in the results but are never passed off as signed. A signed file's
scored or conflict row for the same judge and entry always wins; a paper sheet
only fills what the signed file left unscored.

Replacing a stored sheet needs ``replace=True`` and is never silent: the old
sheet (scores, comments, who typed it and when, and its scan bytes) is written
to the ``decisions`` table as kind :data:`REPLACED_KIND`, with whether results
had been viewed by then, before the new sheet takes its place.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from dataclasses import replace as replace_fields
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Mapping

from .decimals import decimal_str
from .errors import SecretariatError, ValidationError
from .importers import RowProblem
from .table_files import read_table
from .model import ID_RULE, Round
from .scoring import ScoreError, check_score, total_str, weighted_total
from .secretariat import ContestDatabase, now_utc

STATUSES = ("scored", "conflict")
#: A scan larger than this is more likely the wrong file than one sheet.
MAX_SCAN_BYTES = 20 * 1024 * 1024
#: The file types a scan may have, by their first bytes, with the names they may carry.
SCAN_TYPES: tuple[tuple[bytes, str, tuple[str, ...]], ...] = (
    (b"%PDF-", "PDF", (".pdf",)),
    (b"\x89PNG\r\n\x1a\n", "PNG", (".png",)),
    (b"\xff\xd8\xff", "JPEG", (".jpg", ".jpeg")),
)
#: ``decisions.kind`` of a paper sheet replaced by a later one (its value: the old sheet as JSON).
REPLACED_KIND = "paper_sheet_replaced"
#: In a typing CSV, criterion ids that carry something other than a score.
CONFLICT_ROW = "conflict"
OVERALL_ROW = "overall"


@dataclass(frozen=True)
class PaperSheet:
    """One typing of one paper sheet: what the officer read off the judge's paper.

    ``scores`` maps criterion id → the score as typed (a decimal string; Thai
    digits and "3.0" are accepted and normalised when stored).
    """

    judge_id: str
    entry_id: str
    status: str  # 'scored' | 'conflict'
    scores: Mapping[str, str] = field(default_factory=dict)
    comments: Mapping[str, str] = field(default_factory=dict)
    overall_comment: str = ""
    conflict_reason: str = ""


@dataclass(frozen=True)
class Mismatch:
    """One field the two typings disagree on (``criterion_id`` empty for a field of the whole sheet)."""

    field: str  # judge_id, entry_id, status, score, comment, overall_comment or conflict_reason
    criterion_id: str
    first: str
    second: str

    def __str__(self) -> str:
        what = f"{self.criterion_id} {self.field}" if self.criterion_id else self.field.replace("_", " ")
        return f"{what}: first typing {_shown(self.first)}, second typing {_shown(self.second)}"


class PaperMismatch(SecretariatError):
    """The two typings of a paper sheet differ; nothing was stored."""

    def __init__(self, judge_id: str, entry_id: str, mismatches: list[Mismatch]):
        self.mismatches = mismatches
        lines = "\n".join(f"  {m}" for m in mismatches)
        super().__init__(f"judge {judge_id}, entry {entry_id}: the two typings differ in {len(mismatches)} "
                         f"place(s); nothing was stored\n{lines}")


@dataclass(frozen=True)
class StoredSheet:
    """A paper sheet as stored; ``in_force`` is False once a signed file scored the same entry."""

    round_id: str
    judge_id: str
    entry_id: str
    status: str
    total: str | None
    scores: dict[str, str]
    comments: dict[str, str]
    overall_comment: str
    conflict_reason: str
    scan_name: str
    scan_sha256: str
    scan_size: int
    entered_by: str
    entered_at: str
    in_force: bool


def _shown(value: str) -> str:
    return repr(value) if value else "(empty)"


# =============================================================================
# Comparing two typings
# =============================================================================

_THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NUMBER = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")
_INVISIBLE = str.maketrans({"\u200b": None, "\ufeff": None, "\u00a0": " "})


def normalise_text(text: str) -> str:
    """Text as compared between typings: one space between words, Thai digits as Arabic, NFKC.

    NFKC makes the two ways of typing sara am (ำ and ํ + า) the same.
    """
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_THAI_TO_ARABIC)
    return " ".join(text.split())


def normalise_score(text: str) -> str:
    """A typed score in its one spelling ("๓.๕" → "3.5", " 3.0 " → "3"); other text comes back cleaned."""
    cleaned = "".join(normalise_text(text).split())
    if _NUMBER.match(cleaned):
        try:
            return decimal_str(Decimal(cleaned))
        except InvalidOperation:  # pragma: no cover - the pattern admits only plain numbers
            pass
    return cleaned


def compare_typings(first: PaperSheet, second: PaperSheet) -> list[Mismatch]:
    """Every field in which the two typings of a sheet differ, after normalising spelling."""
    found: list[Mismatch] = []

    def check(name: str, criterion_id: str, a: str, b: str, normalise=normalise_text) -> None:
        if normalise(a) != normalise(b):
            found.append(Mismatch(name, criterion_id, a.strip(), b.strip()))

    check("judge_id", "", first.judge_id, second.judge_id)
    check("entry_id", "", first.entry_id, second.entry_id)
    check("status", "", first.status, second.status)
    for name, a_map, b_map, normalise in (("score", first.scores, second.scores, normalise_score),
                                          ("comment", first.comments, second.comments, normalise_text)):
        for criterion_id in _union_in_order(a_map, b_map):
            check(name, criterion_id, a_map.get(criterion_id, ""), b_map.get(criterion_id, ""), normalise)
    check("overall_comment", "", first.overall_comment, second.overall_comment)
    check("conflict_reason", "", first.conflict_reason, second.conflict_reason)
    return found


def _union_in_order(a: Mapping[str, str], b: Mapping[str, str]) -> list[str]:
    return list(a) + [key for key in b if key not in a]


# =============================================================================
# The scan
# =============================================================================


@dataclass(frozen=True)
class Scan:
    name: str
    data: bytes
    kind: str  # PDF, PNG or JPEG

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_scan(path: str | Path) -> Scan:
    """The scan of a paper sheet, checked: a PDF, PNG or JPEG (by content) of at most 20 MB."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SCAN_BYTES + 1)
    except FileNotFoundError:
        raise ValidationError("the scan is not there", path=path) from None
    except IsADirectoryError:
        raise ValidationError("is a folder, not a scan", path=path) from None
    except OSError as exc:
        raise ValidationError(f"the scan cannot be read ({exc.strerror or exc})", path=path) from None
    if len(data) > MAX_SCAN_BYTES:
        raise ValidationError(f"the scan is larger than {MAX_SCAN_BYTES // (1024 * 1024)} MB; "
                              "scan at a lower resolution or choose the right file", path=path)
    for magic, kind, suffixes in SCAN_TYPES:
        if data.startswith(magic):
            if path.suffix.lower() not in suffixes:
                raise ValidationError(f"the file is a {kind} but its name ends in {path.suffix or '(nothing)'}; "
                                      f"rename it to end in {suffixes[0]}", path=path)
            return Scan(path.name, data, kind)
    raise ValidationError("the scan must be a PDF, PNG or JPEG file (this one is none of them)", path=path)


# =============================================================================
# Storing a sheet
# =============================================================================


def enter_paper_sheet(db: ContestDatabase, round_id: str, first: PaperSheet, second: PaperSheet,
                      scan_path: str | Path, entered_by: str, *, replace: bool = False) -> StoredSheet:
    """Store a paper sheet typed twice, with its scan, in one transaction; or refuse and store nothing.

    Raises :class:`PaperMismatch` when the typings differ, :class:`ValidationError`
    when the sheet breaks the rubric or the scan is unfit, and
    :class:`SecretariatError` when the judge is not assigned the entry, a signed
    file already scored it (the signed file wins), or a paper sheet is already
    stored and ``replace`` is not set.
    """
    mismatches = compare_typings(first, second)
    if mismatches:
        raise PaperMismatch(first.judge_id.strip(), first.entry_id.strip(), mismatches)
    judge_id, entry_id, status = first.judge_id.strip(), first.entry_id.strip(), first.status.strip()
    first = replace_fields(first, status=status)
    where = f"judge {judge_id}, entry {entry_id}"
    round_ = _assigned_round(db, round_id, judge_id, entry_id)
    scores, comments = _checked_sheet(first, round_, where)
    by = " ".join(entered_by.split())
    if not by:
        raise ValidationError(f"{where}: say who typed the sheet in (entered by)")
    scan = read_scan(scan_path)
    total = total_str(weighted_total(round_.rubric, {c: Decimal(v) for c, v in scores.items()})) \
        if status == "scored" else None
    entered_at = now_utc()
    with db.transaction():
        _refuse_over_signed(db, round_id, judge_id, entry_id, status, where)
        old = _sheet_rows(db, round_id, judge_id, entry_id)
        if old:
            if not replace:
                raise SecretariatError(
                    f"{where}: a paper sheet typed by {old[0]['entered_by']} on {old[0]['entered_at']} is already "
                    "stored; replace it explicitly (the old sheet is kept in the audit record)")
            _record_replacement(db, old[0], by, entered_at)
            db.conn.execute("DELETE FROM paper_scores WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
                            (round_id, judge_id, entry_id))
            db.conn.execute("DELETE FROM paper_sheets WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
                            (round_id, judge_id, entry_id))
        db.conn.execute(
            "INSERT INTO paper_sheets (round_id, judge_id, entry_id, status, total, overall_comment, conflict_reason,"
            " scan_sha256, scan_name, scan, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (round_id, judge_id, entry_id, status, total, first.overall_comment.strip(),
             first.conflict_reason.strip(), scan.sha256, scan.name, scan.data, by, entered_at))
        db.conn.executemany(
            "INSERT INTO paper_scores (round_id, judge_id, entry_id, criterion_id, score, comment)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(round_id, judge_id, entry_id, c, scores.get(c, ""), comments.get(c, ""))
             for c in round_.rubric.criterion_ids if c in scores])
        stored = _sheet_rows(db, round_id, judge_id, entry_id)[0]
    return _stored(db, stored)


def _assigned_round(db: ContestDatabase, round_id: str, judge_id: str, entry_id: str) -> Round:
    contest = db.contest
    try:
        round_ = contest.round(round_id)
    except KeyError:
        raise SecretariatError(f"contest {contest.id} has no round {round_id!r}") from None
    try:
        contest.judge(judge_id)
    except KeyError:
        raise SecretariatError(f"there is no judge {judge_id!r} in contest {contest.id}") from None
    try:
        contest.entry(entry_id)
    except KeyError:
        raise SecretariatError(f"there is no entry {entry_id!r} in contest {contest.id}") from None
    if entry_id not in round_.entries_of(judge_id):
        raise SecretariatError(f"entry {entry_id} is not assigned to judge {judge_id} in round {round_id}; "
                               "a paper sheet can only be typed for an assigned entry")
    return round_


def _checked_sheet(sheet: PaperSheet, round_: Round, where: str) -> tuple[dict[str, str], dict[str, str]]:
    """The sheet's scores in their one spelling and its comments, or ValidationError naming every problem."""
    problems: list[str] = []
    rubric = round_.rubric
    known = set(rubric.criterion_ids)
    if sheet.status not in STATUSES:
        problems.append(f"status must be scored or conflict, not {sheet.status!r}")
    unknown = sorted((set(sheet.scores) | set(sheet.comments)) - known)
    if unknown:
        problems.append(f"the round's rubric has no criterion {', '.join(unknown)}")
    scores: dict[str, str] = {}
    for criterion_id, typed in sheet.scores.items():
        if criterion_id not in known:
            continue
        try:
            scores[criterion_id] = decimal_str(check_score(rubric.criterion(criterion_id), normalise_score(typed)))
        except ScoreError as exc:
            problems.append(str(exc))
    if sheet.status == "scored":
        missing = [c for c in rubric.criterion_ids if c not in sheet.scores]
        if missing:
            problems.append(f"a scored sheet needs every criterion; not typed: {', '.join(missing)}")
    elif sheet.status == "conflict" and sheet.scores:
        problems.append("the sheet declares a conflict of interest, so it cannot carry scores")
    # A criterion's comment is stored on its score row; without a score it would have nowhere to go.
    unscored = sorted(c for c, text in sheet.comments.items() if text.strip() and c in known and c not in sheet.scores)
    if unscored:
        problems.append(f"comment on {', '.join(unscored)} without a score (write it in the overall comment)")
    if problems:
        raise ValidationError(f"{where}: " + "; ".join(problems))
    return scores, {c: text.strip() for c, text in sheet.comments.items() if text.strip()}


def _refuse_over_signed(db: ContestDatabase, round_id: str, judge_id: str, entry_id: str, status: str,
                        where: str) -> None:
    row = db.conn.execute(
        "SELECT e.status, f.file_name FROM entry_results e JOIN score_files f ON f.sha256 = e.score_file"
        " WHERE e.round_id = ? AND e.judge_id = ? AND e.entry_id = ? AND e.status IN ('scored', 'conflict')",
        (round_id, judge_id, entry_id)).fetchone()
    if row is not None:
        what = "scored" if row[0] == "scored" else "declared a conflict of interest on"
        raise SecretariatError(f"{where}: the judge's signed score file {row[1]} already {what} this entry; "
                               "the signed file wins, so the paper sheet was not stored")
    if status == "scored":
        declared = db.conn.execute(
            "SELECT reason FROM declared_conflicts WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
            (round_id, judge_id, entry_id)).fetchone()
        if declared is not None:
            raise SecretariatError(f"{where}: the judge declared a conflict of interest on this entry "
                                   f"({declared[0] or 'no reason given'}); a paper sheet cannot score it")


def _record_replacement(db: ContestDatabase, old: dict, by: str, at: str) -> None:
    """Keep the sheet being replaced, whole (scan included), in the decisions table."""
    scores = db.conn.execute(
        "SELECT criterion_id, score, comment FROM paper_scores WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
        (old["round_id"], old["judge_id"], old["entry_id"])).fetchall()
    seen = db.conn.execute("SELECT 1 FROM results_viewed WHERE round_id = ?", (old["round_id"],)).fetchone()
    record = {
        "judge_id": old["judge_id"], "entry_id": old["entry_id"], "replaced_by": by,
        "old": {key: old[key] for key in ("status", "total", "overall_comment", "conflict_reason", "entered_by",
                                          "entered_at", "scan_name", "scan_sha256")}
        | {"scores": {c: s for c, s, _ in scores}, "comments": {c: t for c, _, t in scores if t},
           "scan_base64": base64.b64encode(old["scan"]).decode("ascii")},
    }
    db.conn.execute(
        "INSERT INTO decisions (round_id, kind, value, decided_at, results_seen_before) VALUES (?, ?, ?, ?, ?)",
        (old["round_id"], REPLACED_KIND, json.dumps(record, ensure_ascii=False, sort_keys=True), at, int(bool(seen))))


# =============================================================================
# Reading what is stored
# =============================================================================


def _sheet_rows(db: ContestDatabase, round_id: str, judge_id: str | None = None,
                entry_id: str | None = None) -> list[dict]:
    where, params = "round_id = ?", [round_id]
    if judge_id is not None:
        where += " AND judge_id = ? AND entry_id = ?"
        params += [judge_id, entry_id]
    return list(db.db["paper_sheets"].rows_where(where, params, order_by="judge_id, entry_id"))


def _stored(db: ContestDatabase, row: dict) -> StoredSheet:
    keys = (row["round_id"], row["judge_id"], row["entry_id"])
    scores = db.conn.execute(
        "SELECT criterion_id, score, comment FROM paper_scores WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
        keys).fetchall()
    signed = db.conn.execute(
        "SELECT 1 FROM entry_results WHERE round_id = ? AND judge_id = ? AND entry_id = ?"
        " AND status IN ('scored', 'conflict')", keys).fetchone()
    return StoredSheet(
        round_id=row["round_id"], judge_id=row["judge_id"], entry_id=row["entry_id"], status=row["status"],
        total=row["total"], scores={c: s for c, s, _ in scores}, comments={c: t for c, _, t in scores if t},
        overall_comment=row["overall_comment"], conflict_reason=row["conflict_reason"],
        scan_name=row["scan_name"], scan_sha256=row["scan_sha256"], scan_size=len(row["scan"]),
        entered_by=row["entered_by"], entered_at=row["entered_at"], in_force=signed is None)


@dataclass(frozen=True)
class SheetSlot:
    """An entry assigned to a judge, as the paper fallback sees it."""

    entry_id: str
    signed: str | None  # 'scored' or 'conflict' when the judge's signed file settled it (no paper then)
    paper: bool  # a paper sheet is stored for it already

    @property
    def open_for_paper(self) -> bool:
        return self.signed is None


def sheet_slots(db: ContestDatabase, round_id: str, judge_id: str) -> list[SheetSlot]:
    """Every entry assigned to the judge in the round, with what signed files and paper already hold."""
    keys = (round_id, judge_id)
    signed = dict(db.conn.execute(
        "SELECT entry_id, status FROM entry_results WHERE round_id = ? AND judge_id = ?"
        " AND status IN ('scored', 'conflict')", keys).fetchall())
    paper = {row[0] for row in db.conn.execute(
        "SELECT entry_id FROM paper_sheets WHERE round_id = ? AND judge_id = ?", keys)}
    return [SheetSlot(e, signed.get(e), e in paper) for e in db.contest.round(round_id).entries_of(judge_id)]


def paper_sheets(db: ContestDatabase, round_id: str) -> list[StoredSheet]:
    """Every paper sheet stored for the round, by judge and entry."""
    return [_stored(db, row) for row in _sheet_rows(db, round_id)]


def paper_scan(db: ContestDatabase, round_id: str, judge_id: str, entry_id: str) -> tuple[str, bytes]:
    """The stored scan of one paper sheet: its file name and bytes."""
    row = db.conn.execute(
        "SELECT scan_name, scan FROM paper_sheets WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
        (round_id, judge_id, entry_id)).fetchone()
    if row is None:
        raise SecretariatError(f"no paper sheet is stored for judge {judge_id}, entry {entry_id} "
                               f"in round {round_id}")
    return row[0], bytes(row[1])


def replaced_sheets(db: ContestDatabase, round_id: str) -> list[dict]:
    """Every paper sheet replaced by a later one (oldest first), as recorded, without the scan bytes."""
    rows = db.conn.execute(
        "SELECT value, decided_at, results_seen_before FROM decisions WHERE round_id = ? AND kind = ? ORDER BY id",
        (round_id, REPLACED_KIND)).fetchall()
    records = []
    for value, at, seen in rows:
        record = json.loads(value)
        record["old"].pop("scan_base64", None)
        records.append(record | {"replaced_at": at, "results_seen_before": bool(seen)})
    return records


# =============================================================================
# Typings from a spreadsheet (for the command line)
# =============================================================================

_TYPING_COLUMNS = ("judge_id", "entry_id", "criterion_id", "score")


class TypingFileError(ValidationError):
    """A typing file has bad rows; ``problems`` lists each with its line and column."""

    def __init__(self, problems: list[RowProblem], *, path: Path):
        self.problems = problems
        listed = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s); nothing was read\n{listed}", path=path)


def read_typing_csv(path: str | Path) -> list[PaperSheet]:
    """Read one typing of many paper sheets from a CSV file (or an XLSX workbook).

    The first row names the columns ``judge_id, entry_id, criterion_id, score``
    and optionally ``comment`` (any order, any case). Each further row is one
    line of a sheet, and the rows of one judge and entry make that sheet:

    * a criterion id with its score (Thai digits allowed) and an optional comment
      on that criterion; a row with an empty score records only the comment;
    * criterion id ``overall`` with the overall comment in ``comment``;
    * criterion id ``conflict`` marks the sheet as a declared conflict of
      interest, with the reason in ``comment`` (or in ``score``).

    The file may be UTF-8 (with or without BOM) or Thai Windows cp874. Raises
    :class:`TypingFileError` listing every bad row (line and column) at once.
    """
    path = Path(path)
    table = read_table(path)
    headers = [h.strip().lower().lstrip("\ufeff") for h in table.headers]
    problems: list[RowProblem] = []
    missing = [name for name in _TYPING_COLUMNS if name not in headers]
    if missing:
        problems.append(RowProblem(table.header_line, "", f"no column {', '.join(missing)} (the first row must name "
                                                          "judge_id, entry_id, criterion_id, score[, comment])"))
        raise TypingFileError(problems, path=path)
    column = {name: headers.index(name) for name in (*_TYPING_COLUMNS, "comment") if name in headers}

    sheets: dict[tuple[str, str], dict] = {}
    first_line: dict[tuple[str, str, str], int] = {}
    for line, cells in table.rows:
        def cell(name: str) -> str:
            index = column.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        judge_id, entry_id, criterion_id = cell("judge_id"), cell("entry_id"), cell("criterion_id")
        score, comment = cell("score"), cell("comment")
        bad = [RowProblem(line, name, f"{value!r} is not a valid id" if value else f"{name} is empty")
               for name, value in (("judge_id", judge_id), ("entry_id", entry_id), ("criterion_id", criterion_id))
               if not ID_RULE.match(value)]
        if bad:
            problems.extend(bad)
            continue
        earlier = first_line.setdefault((judge_id, entry_id, criterion_id), line)
        if earlier != line:
            problems.append(RowProblem(line, "criterion_id", f"{criterion_id} of judge {judge_id}, entry {entry_id} "
                                                             f"is already on line {earlier}"))
            continue
        sheet = sheets.setdefault((judge_id, entry_id), {"scores": {}, "comments": {}, "overall": "",
                                                         "conflict": None})
        if criterion_id == CONFLICT_ROW:
            if score and comment and normalise_text(score) != normalise_text(comment):
                problems.append(RowProblem(line, "comment", "give the conflict reason in one cell, not two"))
            sheet["conflict"] = comment or score
        elif criterion_id == OVERALL_ROW:
            if score:
                problems.append(RowProblem(line, "score", "the overall row carries a comment, not a score"))
            sheet["overall"] = comment
        elif score:
            value = normalise_score(score)
            if not _NUMBER.match(value):
                problems.append(RowProblem(line, "score", f"{score!r} is not a number"))
            sheet["scores"][criterion_id] = value
            if comment:
                sheet["comments"][criterion_id] = comment
        elif comment:
            sheet["comments"][criterion_id] = comment
        else:
            problems.append(RowProblem(line, "score", f"no score and no comment for {criterion_id}"))
    if problems:
        raise TypingFileError(problems, path=path)
    return [
        PaperSheet(judge_id, entry_id, "conflict" if parts["conflict"] is not None else "scored",
                   parts["scores"], parts["comments"], parts["overall"], parts["conflict"] or "")
        for (judge_id, entry_id), parts in sheets.items()
    ]
