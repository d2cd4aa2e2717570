"""Reading, checking and writing the contest JSON format, "dlg-contest/1".

A contest file is one UTF-8 JSON object: ``format`` (always "dlg-contest/1"),
the contest's identity (id, Thai/English titles and organiser, Buddhist-era
year), its ``rounds`` (each with a rubric of weighted criteria, a deadline and
which judge scores which entries), its ``entries`` (organisations with their
projects, contacts and attachments) and its ``judges``. The README documents
every field. The values it builds are the immutable dataclasses of
:mod:`judge_app.model`; this module imports that one, never the reverse.

Loading checks every rule at once and reports all problems together, each
naming the field (``rounds[0].rubric.criteria[2].weight``), so a secretariat
officer can fix a file in one pass. Why the checks exist:

* ids follow ``ID_RULE`` and are unique per kind, because they name files,
  bundle members and database rows, and judges' scores are matched by them;
* a criterion's scale must be non-negative, increasing, evenly divided by its
  step and at most ``MAX_SCALE_STEPS`` values, and its level descriptors must
  sit on that scale in rising order, so the score a judge picks is well
  defined; the rubric's weights must sum to 100 so totals are percentages;
* assignments may only name known judges and entries, each entry once;
* attachment names are plain file names and attachment paths stay inside the
  contest folder (the same rules as bundle members, :mod:`judge_app.zip_layout`),
  with a sha256 to check the file against;
* text must be real text: a lone surrogate (a ``\\ud800``-style escape) would
  fail later when written out as UTF-8, far from its cause;
* values quoted in messages are cut short so a hostile file cannot flood the
  screen, and at most 50 problems are listed;
* ``load_contest`` refuses a file too large to be a contest, bytes that are not
  UTF-8, a key given twice in one object (json would silently keep the last),
  numbers too long to read and nesting too deep, each as a ``ValidationError``
  naming the file rather than a crash.

Writing (``contest_to_json``, ``save_contest``) produces the same format, so a
contest round-trips unchanged; the ``*_to_json`` pieces are also what bundles
carry.
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from .atomic import write_bytes_atomic
from .decimals import decimal_str, parse_decimal
from .errors import ValidationError
from .model import (
    ID_RULE,
    MAX_SCALE_STEPS,
    ORG_TYPES,
    Attachment,
    Contact,
    Contest,
    Criterion,
    Entry,
    Judge,
    Level,
    Round,
    Rubric,
)
from .zip_layout import member_name_problem

CONTEST_FORMAT = "dlg-contest/1"

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# ---------------------------------------------------------------- to JSON


def level_to_json(level: Level) -> dict[str, Any]:
    return {"score": decimal_str(level.score), "th": level.description_th, "en": level.description_en}


def criterion_to_json(criterion: Criterion) -> dict[str, Any]:
    return {
        "id": criterion.id,
        "title_th": criterion.title_th,
        "title_en": criterion.title_en,
        "guidance_th": criterion.guidance_th,
        "guidance_en": criterion.guidance_en,
        "weight": decimal_str(criterion.weight),
        "scale": {
            "min": decimal_str(criterion.scale_min),
            "max": decimal_str(criterion.scale_max),
            "step": decimal_str(criterion.step),
        },
        "levels": [level_to_json(level) for level in criterion.levels],
    }


def rubric_to_json(rubric: Rubric) -> dict[str, Any]:
    return {"criteria": [criterion_to_json(c) for c in rubric.criteria]}


def attachment_to_json(attachment: Attachment) -> dict[str, Any]:
    return {
        "name": attachment.name,
        "file": attachment.file,
        "media_type": attachment.media_type,
        "size": attachment.size,
        "sha256": attachment.sha256,
    }


def entry_to_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "org_name": entry.org_name,
        "org_type": entry.org_type,
        "province": entry.province,
        "project_title": entry.project_title,
        "summary": entry.summary,
        "contact": {"name": entry.contact.name, "phone": entry.contact.phone, "email": entry.contact.email},
        "attachments": [attachment_to_json(a) for a in entry.attachments],
    }


def judge_to_json(judge: Judge) -> dict[str, Any]:
    return {
        "id": judge.id,
        "name": judge.name,
        "affiliation": judge.affiliation,
        "province": judge.province,
        "position": judge.position,
    }


def round_to_json(round_: Round, *, with_assignments: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": round_.id,
        "title_th": round_.title_th,
        "title_en": round_.title_en,
        "deadline": round_.deadline,
        "rubric": rubric_to_json(round_.rubric),
    }
    if with_assignments:
        data["assignments"] = {judge: list(entries) for judge, entries in round_.assignments.items()}
    return data


def contest_header_to_json(contest: Contest) -> dict[str, Any]:
    """The contest's identity without rounds, entries or judges (as bundles carry it)."""
    return {
        "id": contest.id,
        "title_th": contest.title_th,
        "title_en": contest.title_en,
        "organiser_th": contest.organiser_th,
        "organiser_en": contest.organiser_en,
        "year_be": contest.year_be,
    }


def contest_to_json(contest: Contest) -> dict[str, Any]:
    return {
        "format": CONTEST_FORMAT,
        **contest_header_to_json(contest),
        "rounds": [round_to_json(r) for r in contest.rounds],
        "entries": [entry_to_json(e) for e in contest.entries],
        "judges": [judge_to_json(j) for j in contest.judges],
    }


def save_contest(contest: Contest, path: Path) -> None:
    """Write the contest JSON (indented, for people to read and diff) atomically."""
    text = json.dumps(contest_to_json(contest), ensure_ascii=False, indent=2) + "\n"
    write_bytes_atomic(path, text.encode("utf-8"))


# ---------------------------------------------------------------- from JSON


class _Problems:
    """Collects every problem found while reading, each with its field path."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, problem: str) -> None:
        self.items.append(f"{where}: {problem}")

    def raise_if_any(self, what: str, path: Path | None) -> None:
        if self.items:
            shown = self.items[:50]
            more = len(self.items) - len(shown)
            lines = "\n  - ".join(shown)
            tail = f"\n  (and {more} more problems)" if more else ""
            noun = "problem" if len(self.items) == 1 else "problems"
            raise ValidationError(f"{what} has {len(self.items)} {noun}:\n  - {lines}{tail}", path=path)


class _Reader:
    """Typed field access that records problems instead of stopping at the first."""

    def __init__(self, problems: _Problems):
        self.problems = problems

    def obj(self, data: Any, where: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.problems.add(where, "must be an object")
            return {}
        return data

    def list(self, data: dict[str, Any], key: str, where: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list):
            self.problems.add(f"{where}.{key}", "is missing or not a list")
            return []
        return value

    def text(self, data: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
        value = data.get(key, None if required else "")
        if not isinstance(value, str) or (required and not value.strip()):
            self.problems.add(f"{where}.{key}", "is missing or empty" if value in (None, "") else "must be text")
            return ""
        if not value.isascii() and not _encodable(value):
            self.problems.add(f"{where}.{key}", "holds a lone surrogate (a \\ud800-style escape), which is not text")
            return ""
        return value

    def ident(self, data: dict[str, Any], key: str, where: str) -> str:
        value = self.text(data, key, where)
        if value and not ID_RULE.match(value):
            self.problems.add(f"{where}.{key}", f"{_short(value)} is not a valid id (letters, digits, . _ -; at most 64)")
        return value

    def decimal(self, data: dict[str, Any], key: str, where: str) -> Decimal | None:
        value = data.get(key)
        try:
            return parse_decimal(value)
        except ValueError as exc:
            self.problems.add(f"{where}.{key}", str(exc))
            return None

    def integer(self, data: dict[str, Any], key: str, where: str) -> int:
        value = data.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            self.problems.add(f"{where}.{key}", "must be a whole number")
            return 0
        return value


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _short(value: object, limit: int = 60) -> str:
    """A value as quoted in a message, cut short so a hostile file cannot flood the screen."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unique(ids: Iterable[tuple[str, str]], problems: _Problems) -> set[str]:
    seen: set[str] = set()
    for where, ident in ids:
        if not ident:
            continue
        if ident in seen:
            problems.add(where, f"duplicate id {ident!r}")
        seen.add(ident)
    return seen


def _read_criterion(data: Any, where: str, r: _Reader) -> Criterion | None:
    data = r.obj(data, where)
    ident = r.ident(data, "id", where)
    title_th = r.text(data, "title_th", where)
    title_en = r.text(data, "title_en", where)
    guidance_th = r.text(data, "guidance_th", where, required=False)
    guidance_en = r.text(data, "guidance_en", where, required=False)
    weight = r.decimal(data, "weight", where)
    scale = r.obj(data.get("scale"), f"{where}.scale")
    low = r.decimal(scale, "min", f"{where}.scale")
    high = r.decimal(scale, "max", f"{where}.scale")
    step = r.decimal(scale, "step", f"{where}.scale")
    problems = r.problems
    if weight is not None and weight <= 0:
        problems.add(f"{where}.weight", "must be greater than 0")
    scale_ok = None not in (low, high, step)
    if scale_ok:
        assert low is not None and high is not None and step is not None
        if low < 0:
            problems.add(f"{where}.scale.min", "must not be negative")
            scale_ok = False
        if high <= low:
            problems.add(f"{where}.scale.max", f"must be greater than min ({decimal_str(low)})")
            scale_ok = False
        if step <= 0:
            problems.add(f"{where}.scale.step", "must be greater than 0")
            scale_ok = False
        elif high > low and (high - low) / step > MAX_SCALE_STEPS:
            problems.add(
                f"{where}.scale.step",
                f"the scale {decimal_str(low)}–{decimal_str(high)} in steps of {decimal_str(step)} has more than "
                f"{MAX_SCALE_STEPS} values",
            )
            scale_ok = False
        elif high > low and (high - low) % step != 0:
            problems.add(
                f"{where}.scale.step",
                f"{decimal_str(step)} does not divide the scale {decimal_str(low)}–{decimal_str(high)}",
            )
            scale_ok = False
    levels: list[Level] = []
    raw_levels = r.list(data, "levels", where)
    if not raw_levels:
        problems.add(f"{where}.levels", "needs at least one level descriptor")
    for i, raw in enumerate(raw_levels):
        lwhere = f"{where}.levels[{i}]"
        raw = r.obj(raw, lwhere)
        score = r.decimal(raw, "score", lwhere)
        th = r.text(raw, "th", lwhere)
        en = r.text(raw, "en", lwhere)
        if score is None:
            continue
        if scale_ok:
            assert low is not None and high is not None and step is not None
            if not (low <= score <= high):
                problems.add(f"{lwhere}.score", f"{decimal_str(score)} is outside the scale")
            elif (score - low) % step != 0:
                problems.add(f"{lwhere}.score", f"{decimal_str(score)} is not on the scale's steps")
        if levels and score <= levels[-1].score:
            problems.add(f"{lwhere}.score", "levels must be listed from lowest to highest score, each once")
        levels.append(Level(score, th, en))
    if None in (weight, low, high, step):
        return None
    assert weight is not None and low is not None and high is not None and step is not None
    return Criterion(ident, title_th, title_en, guidance_th, guidance_en, weight, low, high, step, tuple(levels))


def read_rubric(data: Any, where: str, r: _Reader) -> Rubric:
    data = r.obj(data, where)
    criteria: list[Criterion] = []
    raw_criteria = r.list(data, "criteria", where)
    if not raw_criteria:
        r.problems.add(f"{where}.criteria", "needs at least one criterion")
    for i, raw in enumerate(raw_criteria):
        criterion = _read_criterion(raw, f"{where}.criteria[{i}]", r)
        if criterion is not None:
            criteria.append(criterion)
    _unique(((f"{where}.criteria[{i}].id", c.id) for i, c in enumerate(criteria)), r.problems)
    if criteria and len(criteria) == len(raw_criteria):
        total = sum((c.weight for c in criteria), Decimal(0))
        if total != 100:
            r.problems.add(f"{where}.criteria", f"weights sum to {decimal_str(total)}, they must sum to 100")
    return Rubric(tuple(criteria))


def _read_entry(data: Any, where: str, r: _Reader) -> Entry:
    data = r.obj(data, where)
    contact = r.obj(data.get("contact", {}), f"{where}.contact")
    org_type = r.text(data, "org_type", where)
    if org_type and org_type not in ORG_TYPES:
        r.problems.add(f"{where}.org_type", f"{_short(org_type)} is not one of {', '.join(ORG_TYPES)}")
    attachments = []
    raw_attachments = data.get("attachments", [])
    if not isinstance(raw_attachments, list):
        r.problems.add(f"{where}.attachments", "must be a list")
        raw_attachments = []
    for i, raw in enumerate(raw_attachments):
        awhere = f"{where}.attachments[{i}]"
        raw = r.obj(raw, awhere)
        sha = r.text(raw, "sha256", awhere)
        if sha and not _SHA256.match(sha):
            r.problems.add(f"{awhere}.sha256", "must be 64 lowercase hex digits")
        size = r.integer(raw, "size", awhere)
        if size < 0:
            r.problems.add(f"{awhere}.size", "must not be negative")
        name = r.text(raw, "name", awhere)
        if name and ("/" in name or member_name_problem(name)):
            r.problems.add(f"{awhere}.name", f"{_short(name)} must be a plain file name without folders")
        file = r.text(raw, "file", awhere)
        problem = member_name_problem(file) if file else None
        if problem:
            r.problems.add(f"{awhere}.file", f"{_short(file)} must be a relative path inside the contest folder ({problem})")
        attachments.append(Attachment(name, file, r.text(raw, "media_type", awhere), size, sha))
    names = [a.name for a in attachments]
    for i, name in enumerate(names):
        if name and names.index(name) != i:
            r.problems.add(f"{where}.attachments[{i}].name", f"duplicate attachment name {name!r}")
    return Entry(
        id=r.ident(data, "id", where),
        org_name=r.text(data, "org_name", where),
        org_type=org_type,
        province=r.text(data, "province", where),
        project_title=r.text(data, "project_title", where),
        summary=r.text(data, "summary", where, required=False),
        contact=Contact(
            r.text(contact, "name", f"{where}.contact", required=False),
            r.text(contact, "phone", f"{where}.contact", required=False),
            r.text(contact, "email", f"{where}.contact", required=False),
        ),
        attachments=tuple(attachments),
    )


def _read_judge(data: Any, where: str, r: _Reader) -> Judge:
    data = r.obj(data, where)
    return Judge(
        id=r.ident(data, "id", where),
        name=r.text(data, "name", where),
        affiliation=r.text(data, "affiliation", where, required=False),
        province=r.text(data, "province", where, required=False),
        position=r.text(data, "position", where, required=False),
    )


def _read_round(data: Any, where: str, r: _Reader, entry_ids: set[str], judge_ids: set[str]) -> Round:
    data = r.obj(data, where)
    deadline = r.text(data, "deadline", where)
    if deadline and not _DATE.match(deadline):
        r.problems.add(f"{where}.deadline", f"{deadline!r} must be a date written YYYY-MM-DD (Gregorian)")
    assignments: dict[str, tuple[str, ...]] = {}
    raw_assignments = r.obj(data.get("assignments", {}), f"{where}.assignments")
    for judge_id, raw_entries in raw_assignments.items():
        awhere = f"{where}.assignments.{judge_id}"
        if judge_id not in judge_ids:
            r.problems.add(awhere, f"judge {judge_id!r} is not in the contest's judges")
        if not isinstance(raw_entries, list) or not all(isinstance(e, str) for e in raw_entries):
            r.problems.add(awhere, "must be a list of entry ids")
            continue
        for entry_id in raw_entries:
            if entry_id not in entry_ids:
                r.problems.add(awhere, f"entry {entry_id!r} is not in the contest's entries")
        if len(set(raw_entries)) != len(raw_entries):
            r.problems.add(awhere, "lists an entry more than once")
        assignments[judge_id] = tuple(raw_entries)
    return Round(
        id=r.ident(data, "id", where),
        title_th=r.text(data, "title_th", where),
        title_en=r.text(data, "title_en", where),
        deadline=deadline,
        rubric=read_rubric(data.get("rubric"), f"{where}.rubric", r),
        assignments=assignments,
    )


def contest_from_json(data: Any, *, path: Path | None = None) -> Contest:
    """Build a :class:`Contest` from parsed JSON, or raise one error listing every problem."""
    problems = _Problems()
    r = _Reader(problems)
    data = r.obj(data, "contest")
    if data.get("format") != CONTEST_FORMAT:
        problems.add("format", f"must be {CONTEST_FORMAT!r} (found {_short(data.get('format'))})")
    entries = [_read_entry(e, f"entries[{i}]", r) for i, e in enumerate(r.list(data, "entries", "contest"))]
    judges = [_read_judge(j, f"judges[{i}]", r) for i, j in enumerate(r.list(data, "judges", "contest"))]
    entry_ids = _unique(((f"entries[{i}].id", e.id) for i, e in enumerate(entries)), problems)
    judge_ids = _unique(((f"judges[{i}].id", j.id) for i, j in enumerate(judges)), problems)
    rounds = [
        _read_round(x, f"rounds[{i}]", r, entry_ids, judge_ids)
        for i, x in enumerate(r.list(data, "rounds", "contest"))
    ]
    if not rounds:
        problems.add("rounds", "needs at least one round")
    _unique(((f"rounds[{i}].id", x.id) for i, x in enumerate(rounds)), problems)
    year = r.integer(data, "year_be", "contest")
    if year and not 2500 <= year <= 2700:
        problems.add("contest.year_be", f"{year} does not look like a Buddhist-era year (e.g. 2565)")
    contest = Contest(
        id=r.ident(data, "id", "contest"),
        title_th=r.text(data, "title_th", "contest"),
        title_en=r.text(data, "title_en", "contest"),
        organiser_th=r.text(data, "organiser_th", "contest", required=False),
        organiser_en=r.text(data, "organiser_en", "contest", required=False),
        year_be=year,
        rounds=tuple(rounds),
        entries=tuple(entries),
        judges=tuple(judges),
    )
    problems.raise_if_any("contest file", path)
    return contest


def rubric_from_json(data: Any, *, path: Path | None = None) -> Rubric:
    """Build a :class:`Rubric` alone (as a bundle carries it), checking every rule."""
    problems = _Problems()
    rubric = read_rubric(data, "rubric", _Reader(problems))
    problems.raise_if_any("rubric", path)
    return rubric


#: Far above a contest of 7,000 entries with long summaries (about 40 MB); a larger file is the wrong file.
MAX_CONTEST_FILE_BYTES = 256 * 1024 * 1024


def load_contest(path: Path) -> Contest:
    """Read and validate a contest JSON file."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_CONTEST_FILE_BYTES:
                raise ValidationError(f"is {size} bytes, too large to be a contest file", path=path)
            text = handle.read(size + 1).decode("utf-8")
        data = json.loads(text, object_pairs_hook=_no_repeated_keys)
    except FileNotFoundError:
        raise ValidationError("file not found", path=path) from None
    except OSError as exc:
        raise ValidationError(f"cannot be read ({exc.strerror or exc})", path=path) from None
    except UnicodeDecodeError as exc:
        raise ValidationError(f"not UTF-8 text (byte {exc.start})", path=path) from None
    except json.JSONDecodeError as exc:
        raise ValidationError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}", path=path) from None
    except _RepeatedKey as exc:
        key = exc.args[0]
        raise ValidationError(f"key {key!r} appears twice in one object; which one is meant?", path=path) from None
    except ValueError:  # the parser's refusal of a number over Python's int conversion limit
        raise ValidationError("holds a number too long to read", path=path) from None
    except RecursionError:
        raise ValidationError("JSON nests too deeply", path=path) from None
    return contest_from_json(data, path=path)


class _RepeatedKey(Exception):
    pass


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict, refusing a key given twice (json would silently keep the last)."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _RepeatedKey(key)
        result[key] = value
    return result
