"""Table models of the collect page: what became of each file, every file received, and the round's progress.

Rows are plain objects from the core (:class:`judge_app.merge.MergeOutcome`,
the rows of ``ContestDatabase.score_files()``, :class:`judge_app.progress.JudgeProgress`
and :class:`~judge_app.progress.EntryProgress`); the models only show them.
An outcome carries an icon that differs in shape, not only in colour, and its
word in the window's language. The core's reasons for the outcomes it knows
(merged, duplicate, superseded) are said in the window's language too; a
rejection's reason is the core's own English sentence (it names the file's
problem in detail), marked as such in Thai. The tooltip keeps the core's words.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPainter, QPen, QPixmap, QPolygonF

from judge_app.merge import MergeOutcome
from judge_app.progress import EntryProgress, JudgeProgress
from judge_app.scoring import EntryStatus

from ..entries_model import MUTED, status_icon
from .tables import RowsModel, TextFilterProxy

#: The outcome words of the core (a merge's outcome, or a stored file's), translated for the officer.
OUTCOME_WORDS = {
    "accepted": QT_TRANSLATE_NOOP("Outcome", "accepted"),
    "merged": QT_TRANSLATE_NOOP("Outcome", "merged"),
    "duplicate": QT_TRANSLATE_NOOP("Outcome", "duplicate"),
    "superseded": QT_TRANSLATE_NOOP("Outcome", "superseded"),
    "rejected": QT_TRANSLATE_NOOP("Outcome", "rejected"),
}
OUTCOME_COLOURS = {
    "accepted": "#1f8a45", "merged": "#1f8a45", "duplicate": "#6b7380", "superseded": "#b87400", "rejected": "#c0392b",
}
#: Problems first when a column of outcomes is sorted.
OUTCOME_ORDER = {"rejected": 0, "superseded": 1, "duplicate": 2, "accepted": 3, "merged": 3}
PROBLEM = QColor("#b3261e")

# The reasons :mod:`judge_app.merge` gives for what it accepted or set aside, as patterns of its words,
# and how the window says them (``%1`` is the number or the earlier reason the pattern found).
KNOWN_REASONS = (
    (re.compile(r"merged"), QT_TRANSLATE_NOOP("Outcome", "merged")),
    (re.compile(r"merged; replaces sequence (\d+)"), QT_TRANSLATE_NOOP("Outcome", "merged; replaces sequence %1")),
    (re.compile(r"replaced by sequence (\d+)"), QT_TRANSLATE_NOOP("Outcome", "replaced by sequence %1")),
    (re.compile(r"this exact file was already imported; nothing changed"),
     QT_TRANSLATE_NOOP("Outcome", "this exact file was already imported; nothing changed")),
    (re.compile(r"accepted, then replaced by a newer file of the same judge in this import"),
     QT_TRANSLATE_NOOP("Outcome", "accepted, then replaced by a newer file of the same judge in this import")),
    (re.compile(r"already imported and rejected: (.*)", re.DOTALL),
     QT_TRANSLATE_NOOP("Outcome", "already imported and rejected: %1")),
)
#: Any other reason is a rejection in the core's English words; the translation says so.
CHECKER_WORDS = QT_TRANSLATE_NOOP("Outcome", "%1")


def reason_text(reason: str) -> str:
    """The core's reason for a file's outcome, in the window's language where the words are known."""
    for pattern, words in KNOWN_REASONS:
        found = pattern.fullmatch(reason)
        if found:
            text = QCoreApplication.translate("Outcome", words)
            inner = found.groups()
            if words == KNOWN_REASONS[-1][1]:  # the earlier rejection's reason, as any other
                return text.replace("%1", reason_text(inner[0]))
            return text.replace("%1", inner[0]) if inner else text
    return QCoreApplication.translate("Outcome", CHECKER_WORDS).replace("%1", reason)


def outcome_words() -> dict[str, str]:
    """Each outcome word in the current language."""
    return {key: QCoreApplication.translate("Outcome", word) for key, word in OUTCOME_WORDS.items()}


_ICONS: dict[str, QIcon] = {}


def outcome_icon(outcome: str) -> QIcon | None:
    """Accepted: a disc with a tick; duplicate: a ring with "="; superseded: a triangle; rejected: a square with ×."""
    key = "accepted" if outcome == "merged" else outcome
    if key in _ICONS or QGuiApplication.instance() is None or key not in OUTCOME_COLOURS:
        return _ICONS.get(key)
    size, ratio = 16, 2
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = QColor(OUTCOME_COLOURS[key])
    white = QPen(QColor("white"), 1.8)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.6))
    box = QRectF(2.5, 2.5, 11.0, 11.0)
    if key == "accepted":
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(box)
        painter.setPen(white)
        painter.drawPolyline([QPointF(5.2, 8.2), QPointF(7.2, 10.2), QPointF(10.8, 5.8)])
    elif key == "duplicate":
        painter.drawEllipse(box)
        painter.drawLine(QPointF(5.5, 6.8), QPointF(10.5, 6.8))
        painter.drawLine(QPointF(5.5, 9.4), QPointF(10.5, 9.4))
    elif key == "superseded":
        painter.drawPolygon(QPolygonF([QPointF(8.0, 2.5), QPointF(13.8, 13.0), QPointF(2.2, 13.0)]))
    else:
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(box, 1.5, 1.5)
        painter.setPen(white)
        painter.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5))
        painter.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5))
    painter.end()
    _ICONS[key] = QIcon(pixmap)
    return _ICONS[key]


def received_text(imported_at: str | None) -> str:
    """A stored UTC time (``2024-09-01T03:00:00Z``) in this computer's local time, to the minute."""
    if not imported_at:
        return ""
    try:
        moment = datetime.fromisoformat(imported_at.replace("Z", "+00:00"))
    except ValueError:
        return imported_at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class _IconRowsModel(RowsModel):
    """The results page's plain-rows model, with an icon per cell where :meth:`icon` gives one.

    The words cells show are translated once per language (in :meth:`retranslate`),
    not on every paint: a long table asks for its cells thousands of times (the
    headers :class:`RowsModel` caches itself).
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.words: dict[str, str] = {}
        self._translate()

    def _translate(self) -> None:
        self.words = {**outcome_words(), **self.cell_words()}

    def retranslate(self) -> None:
        self._translate()
        super().retranslate()

    def cell_words(self) -> dict[str, str]:
        """Words the cells show, besides the outcomes, keyed by what they mean."""
        return {}

    def icon(self, item: Any, column: int) -> QIcon | None:
        return None

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        return self.icon(row, column) if role == Qt.ItemDataRole.DecorationRole else None


class OutcomesModel(_IconRowsModel):
    """One row per file of the last drop: what the merge made of it, and why."""

    COL_OUTCOME, COL_FILE, COL_JUDGE, COL_SEQUENCE, COL_REASON = range(5)
    NUMERIC = frozenset({COL_SEQUENCE})

    def __init__(self, judge_names: dict[str, str] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.judge_names = judge_names or {}

    def headers(self) -> list[str]:
        return [self.tr("Outcome"), self.tr("File"), self.tr("Judge"), self.tr("Sequence"), self.tr("Reason")]

    def display(self, item: MergeOutcome, column: int) -> str:
        if column == self.COL_OUTCOME:
            return self.words.get(item.status, item.status)
        if column == self.COL_FILE:
            return item.file_name
        if column == self.COL_JUDGE:
            return judge_label(item.judge_id, self.judge_names)
        if column == self.COL_SEQUENCE:
            return "" if item.sequence is None else str(item.sequence)
        return reason_text(item.reason)

    def sort_key(self, item: MergeOutcome, column: int) -> Any:
        if column == self.COL_OUTCOME:
            return OUTCOME_ORDER.get(item.status, 9)
        if column == self.COL_SEQUENCE:
            return -1 if item.sequence is None else item.sequence
        return self.display(item, column)

    def icon(self, item: MergeOutcome, column: int) -> QIcon | None:
        return outcome_icon(item.status) if column == self.COL_OUTCOME else None

    def tooltip(self, item: MergeOutcome, column: int) -> str | None:
        return item.reason if column in (self.COL_OUTCOME, self.COL_REASON) else None

    def foreground(self, item: MergeOutcome, column: int) -> QColor | None:
        return PROBLEM if item.status == "rejected" and column == self.COL_REASON else None


class FilesModel(_IconRowsModel):
    """Every score file ever imported, newest first, with its outcome as the database keeps it."""

    COL_RECEIVED, COL_OUTCOME, COL_FILE, COL_JUDGE, COL_SEQUENCE, COL_REASON = range(6)
    NUMERIC = frozenset({COL_SEQUENCE})

    def __init__(self, judge_names: dict[str, str] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.judge_names = judge_names or {}

    def headers(self) -> list[str]:
        return [self.tr("Received"), self.tr("Outcome"), self.tr("File"), self.tr("Judge"), self.tr("Sequence"),
                self.tr("Reason")]

    def display(self, item: dict, column: int) -> str:
        if column == self.COL_RECEIVED:
            return received_text(item["imported_at"])
        if column == self.COL_OUTCOME:
            return self.words.get(item["outcome"], item["outcome"])
        if column == self.COL_FILE:
            return item["file_name"]
        if column == self.COL_JUDGE:
            return judge_label(item["judge_id"], self.judge_names)
        if column == self.COL_SEQUENCE:
            return "" if item["sequence"] is None else str(item["sequence"])
        return reason_text(item["reason"])

    def sort_key(self, item: dict, column: int) -> Any:
        if column == self.COL_RECEIVED:
            return item["imported_at"]
        if column == self.COL_OUTCOME:
            return OUTCOME_ORDER.get(item["outcome"], 9)
        if column == self.COL_SEQUENCE:
            return -1 if item["sequence"] is None else item["sequence"]
        return self.display(item, column)

    def icon(self, item: dict, column: int) -> QIcon | None:
        return outcome_icon(item["outcome"]) if column == self.COL_OUTCOME else None

    def tooltip(self, item: dict, column: int) -> str | None:
        if column == self.COL_FILE:
            return "SHA-256 " + item["sha256"]
        return item["reason"] if column in (self.COL_OUTCOME, self.COL_REASON) else None

    def foreground(self, item: dict, column: int) -> QColor | None:
        if item["outcome"] == "superseded":
            return MUTED
        return PROBLEM if item["outcome"] == "rejected" and column == self.COL_REASON else None


def judge_label(judge_id: str | None, names: dict[str, str]) -> str:
    if judge_id is None:
        return "—"
    name = names.get(judge_id)
    return f"{judge_id} · {name}" if name else judge_id


def judge_status(judge: JudgeProgress) -> EntryStatus:
    """The judge's work as one of the judge window's statuses (the same icons)."""
    if judge.complete:
        return EntryStatus.SCORED
    if judge.scored or judge.conflict:
        return EntryStatus.IN_PROGRESS
    return EntryStatus.NOT_STARTED


class JudgeProgressModel(_IconRowsModel):
    """Per judge: assigned, scored, conflict, missing, paper-entered, and the last file received."""

    (COL_JUDGE, COL_NAME, COL_BUNDLE, COL_ASSIGNED, COL_SCORED, COL_CONFLICT, COL_MISSING, COL_PAPER,
     COL_LAST_FILE, COL_RECEIVED, COL_DETAILS) = range(11)
    NUMERIC = frozenset({COL_ASSIGNED, COL_SCORED, COL_CONFLICT, COL_MISSING, COL_PAPER})
    _COUNTS = {COL_ASSIGNED: "assigned", COL_SCORED: "scored", COL_CONFLICT: "conflict", COL_MISSING: "missing",
               COL_PAPER: "paper"}

    def headers(self) -> list[str]:
        return [self.tr("Judge"), self.tr("Name"), self.tr("Bundle"), self.tr("Assigned"), self.tr("Scored"),
                self.tr("Conflict"), self.tr("Missing"), self.tr("Paper"), self.tr("Last file"),
                self.tr("Received"), self.tr("Details")]

    def cell_words(self) -> dict[str, str]:
        return {"issued": self.tr("issued"), "not issued": self.tr("not issued"), "no file": self.tr("no file yet"),
                "outcome and sequence": self.tr("%1, sequence %2"), "files received": self.tr("%1 files received")}

    def display(self, item: JudgeProgress, column: int) -> str:
        last = item.last_file
        if column == self.COL_JUDGE:
            return item.judge_id
        if column == self.COL_NAME:
            return item.name
        if column == self.COL_BUNDLE:
            return self.words["issued"] if item.bundle_issued else self.words["not issued"]
        if column in self._COUNTS:
            return str(getattr(item, self._COUNTS[column]))
        if last is None:
            return self.words["no file"] if column == self.COL_LAST_FILE else ""
        if column == self.COL_LAST_FILE:
            sequence = "?" if last.sequence is None else str(last.sequence)
            outcome = self.words.get(last.outcome, last.outcome)
            return self.words["outcome and sequence"].replace("%1", outcome).replace("%2", sequence)
        if column == self.COL_RECEIVED:
            return received_text(last.imported_at)
        # details: why the last file was refused, or which file it was
        if last.outcome == "rejected":
            return reason_text(last.reason)
        if item.files_received > 1:
            return last.file_name + " · " + self.words["files received"].replace("%1", str(item.files_received))
        return last.file_name

    def sort_key(self, item: JudgeProgress, column: int) -> Any:
        if column in self._COUNTS:
            return getattr(item, self._COUNTS[column])
        if column == self.COL_RECEIVED:
            return item.last_file.imported_at if item.last_file else ""
        if column == self.COL_LAST_FILE:
            return OUTCOME_ORDER.get(item.last_file.outcome, 9) if item.last_file else -1
        return self.display(item, column)

    def icon(self, item: JudgeProgress, column: int) -> QIcon | None:
        if column == self.COL_JUDGE:
            return status_icon(judge_status(item))
        if column == self.COL_LAST_FILE and item.last_file is not None:
            return outcome_icon(item.last_file.outcome)
        return None

    def tooltip(self, item: JudgeProgress, column: int) -> str | None:
        last = item.last_file
        if column in (self.COL_LAST_FILE, self.COL_DETAILS) and last is not None:
            return f"{last.file_name}\n{last.reason}"
        if column == self.COL_NAME:
            return item.name
        return None

    def foreground(self, item: JudgeProgress, column: int) -> QColor | None:
        if column == self.COL_MISSING and item.missing:
            return PROBLEM
        if column == self.COL_BUNDLE and not item.bundle_issued:
            return PROBLEM
        if column == self.COL_DETAILS and item.last_file is not None and item.last_file.outcome == "rejected":
            return PROBLEM
        return None


class EntryProgressModel(_IconRowsModel):
    """Per entry: how many of its judges scored it, and who is still to."""

    COL_ENTRY, COL_ORG, COL_JUDGES, COL_SCORED, COL_CONFLICT, COL_MISSING, COL_PAPER, COL_STILL = range(8)
    NUMERIC = frozenset({COL_JUDGES, COL_SCORED, COL_CONFLICT, COL_MISSING, COL_PAPER})
    _COUNTS = {COL_JUDGES: "assigned", COL_SCORED: "scored", COL_CONFLICT: "conflict", COL_MISSING: "missing",
               COL_PAPER: "paper"}

    def search_text(self, item: EntryProgress) -> str:
        return f"{item.entry_id} {item.org_name} {' '.join(item.judges)}"

    def headers(self) -> list[str]:
        return [self.tr("Entry"), self.tr("Organisation"), self.tr("Judges"), self.tr("Scored"),
                self.tr("Conflict"), self.tr("Missing"), self.tr("Paper"), self.tr("Still to score")]

    def display(self, item: EntryProgress, column: int) -> str:
        if column == self.COL_ENTRY:
            return item.entry_id
        if column == self.COL_ORG:
            return item.org_name
        if column in self._COUNTS:
            return str(getattr(item, self._COUNTS[column]))
        return " ".join(item.missing_judges)

    def sort_key(self, item: EntryProgress, column: int) -> Any:
        if column in self._COUNTS:
            return getattr(item, self._COUNTS[column])
        return self.display(item, column)

    def icon(self, item: EntryProgress, column: int) -> QIcon | None:
        if column != self.COL_ENTRY:
            return None
        if item.short_by_conflict:
            return status_icon(EntryStatus.CONFLICT)  # nothing more to come: the gap is a conflict of interest
        if not item.short:
            return status_icon(EntryStatus.SCORED)
        return status_icon(EntryStatus.IN_PROGRESS if item.scored else EntryStatus.NOT_STARTED)

    def tooltip(self, item: EntryProgress, column: int) -> str | None:
        if column == self.COL_ENTRY:
            if item.short_by_conflict:
                return (self.tr("%1 of %2 judges have scored it; the others declared a conflict of interest, so "
                                "no more scores will come unless judges are added")
                        .replace("%1", str(item.scored)).replace("%2", str(item.assigned)))
            if item.short:
                return self.tr("%1 of %2 judges have scored it").replace("%1", str(item.scored)).replace(
                    "%2", str(item.assigned))
            return self.tr("every judge has scored it")
        if column == self.COL_JUDGES:
            return " ".join(item.judges)
        if column == self.COL_ORG:
            return item.org_name
        return None

    def foreground(self, item: EntryProgress, column: int) -> QColor | None:
        return PROBLEM if column == self.COL_MISSING and item.missing else None


class EntryProgressProxy(TextFilterProxy):
    """The entries, optionally only those short of judges, searched by id, organisation or judge."""

    def __init__(self, source: EntryProgressModel, parent: QObject | None = None):
        super().__init__(source, parent)
        self._short_only = False

    @property
    def short_only(self) -> bool:
        return self._short_only

    def set_short_only(self, short_only: bool) -> None:
        if short_only != self._short_only:
            self.change_filter(lambda: setattr(self, "_short_only", short_only))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, EntryProgressModel)
        if self._short_only and not model.row_object(source_row).short:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
