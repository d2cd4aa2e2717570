"""Table models of the results page (ranking, stability, judges, disagreements, calibration, bands).

Every model shows one part of a :class:`judge_app.round_results.RoundResults`
(computed by the core, off the GUI thread) and holds no rule of its own: the
numbers, ranks, cut checks and severities are the core's; the models only spell
them (two decimals, as :func:`judge_app.scoring.total_str` does everywhere) and
give each cell a numeric sort key, so a column of totals sorts as numbers.

Organisation names are shown with their kind abbreviated
(:func:`~ui.secretariat.org_names.short_org_name`); the full name stays in the tooltip.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QTableView, QWidget

from judge_app.agreement import Severity
from judge_app.ranking import METHODS, WITHOUT_JUDGE, CutCheck
from judge_app.results import AWARD_COUNT, NATIONAL_COUNT, EntryResult
from judge_app.round_results import RoundResults
from judge_app.scoring import total_str

from .org_names import short_org_name
from .tables import SORT_ROLE, RowsModel, SortProxy  # noqa: F401 - SORT_ROLE and SortProxy were defined here

# The top 3 in a clearly darker blue than the top 20 (and, not by colour alone, "Top 3" in bold in
# the first column and a thick line under the 3rd row).
TOP3_BAND = QColor("#a9c6ef")
TOP20_BAND = QColor("#eaf1fb")
FLAG_BACKGROUND = QColor("#ffedc2")
FLAG_TEXT = QColor("#7a4b00")
STABLE_TEXT = QColor("#1f7a3f")
MUTED = QColor("#6b727c")
CUT_COLOURS = {NATIONAL_COUNT: QColor("#1f4fa8"), AWARD_COUNT: QColor("#6f95d6")}

#: Short names of the ranking methods for column headers (the core's labels are sentences).
METHOD_NAMES = {
    "mean": QT_TRANSLATE_NOOP("ResultsMethods", "mean"),
    "trimmed_mean": QT_TRANSLATE_NOOP("ResultsMethods", "trimmed mean"),
    "standardised": QT_TRANSLATE_NOOP("ResultsMethods", "standardised"),
}
assert set(METHOD_NAMES) == set(METHODS)


def method_name(method: str) -> str:
    """A ranking method's short name in the current language."""
    return QCoreApplication.translate("ResultsMethods", METHOD_NAMES[method])


def alternative_name(label: str) -> str:
    """A stability alternative ("trimmed_mean", "without J03") as the officer reads it."""
    if label in METHOD_NAMES:
        return QCoreApplication.translate("ResultsMethods", "by %1").replace("%1", method_name(label))
    prefix = WITHOUT_JUDGE.split("{")[0]
    judge = label[len(prefix):] if label.startswith(prefix) else label
    return QCoreApplication.translate("ResultsMethods", "without %1").replace("%1", judge)


def cut_name(cut: int) -> str:
    return QCoreApplication.translate("ResultsMethods", "top %1").replace("%1", str(cut))


def points(value: Fraction | Decimal | float | None) -> str:
    """A number of points with two decimals, or a dash when there is none."""
    if value is None:
        return "–"
    return total_str(Fraction(value)) if not isinstance(value, float) else f"{value:.2f}"


def signed(value: Fraction | float | None) -> str:
    if value is None:
        return "–"
    text = points(value)
    return text if text.startswith("-") or float(value) == 0 else "+" + text


def number_key(value: Fraction | Decimal | float | int | None) -> float:
    """Sort key of a number; a missing value sorts below every real one."""
    return float(value) if value is not None else float("-inf")


def _band(rank: int | None) -> QColor | None:
    if rank is not None and rank <= NATIONAL_COUNT:
        return TOP3_BAND
    if rank is not None and rank <= AWARD_COUNT:
        return TOP20_BAND
    return None


class RankingModel(RowsModel):
    """Every ranked entry with its statistics and its rank under each method, best first."""

    # The flags and the ranks under each method come first, where the eye is; the statistics follow.
    (COL_MARK, COL_RANK, COL_ENTRY, COL_ORG, COL_CHECK, COL_PAPER, COL_RANK_MEAN, COL_RANK_TRIMMED,
     COL_RANK_STANDARDISED, COL_JUDGES, COL_MEAN, COL_MEDIAN, COL_SD, COL_MIN, COL_MAX, COL_TRIMMED,
     COL_STANDARDISED) = range(17)
    RANK_COLUMNS = {"mean": COL_RANK_MEAN, "trimmed_mean": COL_RANK_TRIMMED, "standardised": COL_RANK_STANDARDISED}
    NUMERIC = frozenset({COL_RANK, COL_JUDGES, COL_MEAN, COL_MEDIAN, COL_SD, COL_MIN, COL_MAX, COL_TRIMMED,
                         COL_STANDARDISED, *RANK_COLUMNS.values()})

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.method = METHODS[0]
        self._ranks: dict[str, dict[str, int | None]] = {}
        self._checks: dict[str, list[CutCheck]] = {}

    def set_results(self, rr: RoundResults) -> None:
        self.method = rr.method
        self._ranks = {m.entry_id: m.ranks for m in rr.table}
        self._checks = {}
        for check in rr.stability:
            self._checks.setdefault(check.entry_id, []).append(check)
        self.set_rows(rr.results)

    def unstable(self, entry_id: str) -> bool:
        return any(not c.stable for c in self._checks.get(entry_id, []))

    def headers(self) -> list[str]:
        return [
            self.tr("Award"), self.tr("Rank"), self.tr("Entry"), self.tr("Organisation"), self.tr("Stability"),
            self.tr("Paper"), *(self.tr("Rank by\n%1").replace("%1", method_name(m)) for m in METHODS),
            self.tr("Judges"), self.tr("Mean"), self.tr("Median"), self.tr("SD"), self.tr("Min"), self.tr("Max"),
            self.tr("Trimmed\nmean"), self.tr("Standard-\nised (z)"),
        ]

    def header_tooltip(self, column: int) -> str | None:
        for method, col in self.RANK_COLUMNS.items():
            if column == col:
                text = self.tr("Rank by %1, the chosen method") if method == self.method else self.tr("Rank by %1")
                return text.replace("%1", method_name(method))
        return {
            self.COL_MARK: self.tr("Top 3: put forward to the national DG Awards. Top 20: receive the award."),
            self.COL_RANK: self.tr("Rank under the chosen method"),
            self.COL_SD: self.tr("Standard deviation of the judges' totals"),
            self.COL_STANDARDISED: self.tr("Mean of the judges' z-scores: corrects for strict and lenient judges"),
            self.COL_CHECK: self.tr("Entries near the 3rd or 20th place that change side when one judge is "
                                    "left out or another method is used"),
            self.COL_PAPER: self.tr("Judges whose scores for this entry were typed in from a paper sheet"),
        }.get(column)

    def display(self, r: EntryResult, column: int) -> str:
        if column == self.COL_MARK:
            if r.rank is not None and r.rank <= NATIONAL_COUNT:
                return self.tr("Top 3")
            return self.tr("Top 20") if r.rank is not None and r.rank <= AWARD_COUNT else ""
        if column == self.COL_RANK:
            return str(r.rank) if r.rank is not None else "–"
        if column == self.COL_ENTRY:
            return r.entry.id
        if column == self.COL_ORG:
            return short_org_name(r.entry.org_name)
        if column == self.COL_JUDGES:
            return str(r.judge_count)
        if column in (self.COL_MEAN, self.COL_MEDIAN, self.COL_SD, self.COL_MIN, self.COL_MAX, self.COL_TRIMMED):
            return points(self._number(r, column))
        if column == self.COL_STANDARDISED:
            return signed(r.standardised_mean)
        for method, col in self.RANK_COLUMNS.items():
            if column == col:
                rank = self._ranks.get(r.entry.id, {}).get(method)
                return str(rank) if rank is not None else "–"
        if column == self.COL_CHECK:
            checks = self._checks.get(r.entry.id, [])
            if not checks:
                return ""
            return self.tr("⚑ not stable") if self.unstable(r.entry.id) else self.tr("stable")
        return ", ".join(sorted(r.paper))

    STATISTICS = {COL_MEAN: "mean", COL_MEDIAN: "median", COL_SD: "sd", COL_MIN: "minimum", COL_MAX: "maximum",
                  COL_TRIMMED: "trimmed_mean", COL_STANDARDISED: "standardised_mean"}

    def _number(self, r: EntryResult, column: int):
        return getattr(r, self.STATISTICS[column])  # only the one asked for: sorting asks thousands of times

    def sort_key(self, r: EntryResult, column: int):
        if column in (self.COL_MARK, self.COL_RANK):
            return r.rank if r.rank is not None else 10**9
        if column == self.COL_JUDGES:
            return r.judge_count
        if column in self.RANK_COLUMNS.values():
            method = next(m for m, c in self.RANK_COLUMNS.items() if c == column)
            rank = self._ranks.get(r.entry.id, {}).get(method)
            return rank if rank is not None else 10**9
        if column in self.NUMERIC:
            return number_key(self._number(r, column))
        if column == self.COL_CHECK:
            return (0 if self.unstable(r.entry.id) else 1 if self._checks.get(r.entry.id) else 2)
        return self.display(r, column)

    def tooltip(self, r: EntryResult, column: int) -> str | None:
        if column == self.COL_ORG:
            return f"{r.entry.org_name}\n{r.entry.project_title}\n{r.entry.province}"
        if column == self.COL_CHECK:
            lines = []
            for check in self._checks.get(r.entry.id, []):
                if check.stable:
                    text = (self.tr("Rank %1, inside the top %2 under every method and without any one judge")
                            if check.inside else
                            self.tr("Rank %1, outside the top %2 under every method and without any one judge"))
                else:
                    text = (self.tr("Rank %1, inside the top %2; outside %3") if check.inside
                            else self.tr("Rank %1, outside the top %2; inside %3"))
                moved = ", ".join(alternative_name(label) for label in check.flips)
                lines.append(text.replace("%1", str(check.rank)).replace("%2", str(check.cut)).replace("%3", moved))
            return "\n".join(lines) or None
        if column == self.COL_PAPER and r.paper:
            return self.tr("Typed in from a paper sheet by the secretariat, not signed by the judge")
        if column in (self.COL_MEAN, self.COL_JUDGES):
            return "  ".join(f"{judge} {total_str(total)}" for judge, total in sorted(r.totals.items())) or None
        return None

    def background(self, r: EntryResult, column: int) -> QColor | None:
        if column == self.COL_CHECK and self.unstable(r.entry.id):
            return FLAG_BACKGROUND
        return _band(r.rank)

    def foreground(self, r: EntryResult, column: int) -> QColor | None:
        if column == self.COL_CHECK:
            return FLAG_TEXT if self.unstable(r.entry.id) else STABLE_TEXT
        return None

    def cut_rows(self) -> dict[int, int]:
        """Model row → the cut line (3 or 20) that falls under it."""
        return {row: r.rank for row, r in enumerate(self._rows) if r.rank in CUT_COLOURS}

    def extra_data(self, r: EntryResult, column: int, role: int):
        if role == Qt.ItemDataRole.FontRole and (
                column == self.RANK_COLUMNS[self.method] or (column == self.COL_CHECK and self.unstable(r.entry.id))
                or (column == self.COL_MARK and r.rank is not None and r.rank <= NATIONAL_COUNT)):
            font = QFont()
            font.setBold(True)
            return font
        return None


class CutLineTable(QTableView):
    """The ranking table, with the 3rd-place and 20th-place cut lines drawn under their rows in rank order.

    Drawn over the finished table in ``paintEvent`` rather than by a Python item
    delegate: in PySide6 6.12 a Python delegate that lets Qt fill its style
    option (``super().paint``/``initStyleOption``) loses one reference to None
    per painted cell, and a long session would end in a crash.
    """

    def __init__(self, proxy: QSortFilterProxyModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.proxy = proxy

    def in_rank_order(self) -> bool:
        column, order = self.proxy.sortColumn(), self.proxy.sortOrder()
        return column in (-1, RankingModel.COL_MARK, RankingModel.COL_RANK) and order == Qt.SortOrder.AscendingOrder

    def cut_rows(self) -> dict[int, int]:
        """Proxy row → the cut line under it, for the rows at a cut (none unless in rank order)."""
        model = self.proxy.sourceModel()
        if not isinstance(model, RankingModel) or not self.in_rank_order():
            return {}
        rows = {}
        for source_row, cut in model.cut_rows().items():
            proxy_row = self.proxy.mapFromSource(model.index(source_row, 0)).row()
            if proxy_row >= 0:
                rows[proxy_row] = cut
        return rows

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        rows = self.cut_rows()
        if not rows:
            return
        painter = QPainter(self.viewport())
        try:
            for row, cut in rows.items():
                y = self.rowViewportPosition(row) + self.rowHeight(row) - 1
                painter.setPen(QPen(CUT_COLOURS[cut], 3 if cut == NATIONAL_COUNT else 2))
                painter.drawLine(0, y, self.viewport().width(), y)
        finally:
            painter.end()


class StabilityModel(RowsModel):
    """Each entry near a cut line: its side of the line under every other method and without each judge."""

    COL_CUT, COL_RANK, COL_ENTRY, COL_ORG, COL_SIDE, COL_VERDICT = range(6)
    NUMERIC = frozenset({COL_RANK})

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.alternatives: list[str] = []
        self._entries: dict[str, EntryResult] = {}

    def set_results(self, rr: RoundResults) -> None:
        judges = sorted({judge for r in rr.results for judge in r.totals})  # as ranking.stability leaves them out
        self.alternatives = [m for m in METHODS if m != rr.method] + [WITHOUT_JUDGE.format(judge=j) for j in judges]
        self._entries = {r.entry.id: r for r in rr.results}
        self.set_rows(rr.stability)

    def headers(self) -> list[str]:
        return [self.tr("Cut"), self.tr("Rank"), self.tr("Entry"), self.tr("Organisation"), self.tr("Now"),
                self.tr("Verdict"), *(alternative_name(a) for a in self.alternatives)]

    def header_tooltip(self, column: int) -> str | None:
        if column >= self.COL_VERDICT + 1:
            return self.tr("Inside or outside the cut when ranked this way")
        if column == self.COL_SIDE:
            return self.tr("Inside or outside the cut under the chosen method")
        return None

    def side(self, check: CutCheck, column: int) -> bool:
        """Whether the entry is inside the cut in this column (the chosen method or an alternative)."""
        if column == self.COL_SIDE:
            return check.inside
        label = self.alternatives[column - self.COL_VERDICT - 1]
        return check.inside != (label in check.flips)

    def display(self, check: CutCheck, column: int) -> str:
        if column == self.COL_CUT:
            return cut_name(check.cut)
        if column == self.COL_RANK:
            return str(check.rank)
        if column == self.COL_ENTRY:
            return check.entry_id
        if column == self.COL_ORG:
            entry = self._entries.get(check.entry_id)
            return short_org_name(entry.entry.org_name) if entry else ""
        if column == self.COL_VERDICT:
            return self.tr("stable") if check.stable else self.tr("⚑ second look")
        return self.tr("in") if self.side(check, column) else self.tr("out")

    def sort_key(self, check: CutCheck, column: int):
        if column in (self.COL_CUT, self.COL_RANK):
            return (check.cut, check.rank)
        return self.display(check, column)

    def tooltip(self, check: CutCheck, column: int) -> str | None:
        if column == self.COL_ORG and check.entry_id in self._entries:
            return self._entries[check.entry_id].entry.org_name
        if column == self.COL_VERDICT and not check.stable:
            return self.tr("Changes side %1: send to more judges").replace(
                "%1", ", ".join(alternative_name(label) for label in check.flips))
        return None

    def background(self, check: CutCheck, column: int) -> QColor | None:
        if column > self.COL_VERDICT and self.side(check, column) != check.inside:
            return FLAG_BACKGROUND
        if column == self.COL_VERDICT and not check.stable:
            return FLAG_BACKGROUND
        return None

    def foreground(self, check: CutCheck, column: int) -> QColor | None:
        if column == self.COL_VERDICT:
            return STABLE_TEXT if check.stable else FLAG_TEXT
        if column >= self.COL_SIDE:
            return FLAG_TEXT if self.side(check, column) != check.inside else None
        return None


class JudgesModel(RowsModel):
    """Each judge who scored: entries scored, severity against the others, consistency."""

    # The figures first, the name last: the chart beside the table repeats the names.
    COL_ID, COL_SEVERITY, COL_DIRECTION, COL_CONSISTENCY, COL_SCORED, COL_COMPARED, COL_NAME = range(7)
    NUMERIC = frozenset({COL_SCORED, COL_COMPARED, COL_SEVERITY, COL_CONSISTENCY})

    def set_results(self, rr: RoundResults) -> None:
        scored: dict[str, int] = {}
        for r in (*rr.results, *rr.calibration):
            for judge in r.totals:
                scored[judge] = scored.get(judge, 0) + 1
        names = {j.id: j.name for j in rr.contest.judges}
        self.set_rows([(judge, names.get(judge, ""), scored.get(judge, 0), rr.severity.get(judge))
                       for judge in rr.judges])

    def headers(self) -> list[str]:
        return [self.tr("Judge"), self.tr("Severity"), self.tr("Tendency"), self.tr("Consistency\n(r)"),
                self.tr("Entries\nscored"), self.tr("Compared\non"), self.tr("Name")]

    def header_tooltip(self, column: int) -> str | None:
        return {
            self.COL_COMPARED: self.tr("Entries this judge scored together with at least one other judge"),
            self.COL_SEVERITY: self.tr("Mean of (this judge's total − the other judges' mean) on the same entries; "
                                       "negative = harsher"),
            self.COL_CONSISTENCY: self.tr("Correlation between this judge's totals and the other judges' means: "
                                          "does the judge order the entries as the others do?"),
        }.get(column)

    def display(self, row: tuple[str, str, int, Severity | None], column: int) -> str:
        judge, name, scored, severity = row
        value = severity.severity if severity else None
        if column == self.COL_ID:
            return judge
        if column == self.COL_NAME:
            return name
        if column == self.COL_SCORED:
            return str(scored)
        if column == self.COL_COMPARED:
            return str(severity.entries) if severity else "0"
        if column == self.COL_SEVERITY:
            return signed(value)
        if column == self.COL_DIRECTION:
            if value is None:
                return self.tr("no shared entries")
            return self.tr("harsher") if value < 0 else self.tr("more lenient") if value > 0 else self.tr("in line")
        consistency = severity.consistency if severity else None
        return f"{consistency:.2f}" if consistency is not None else "–"

    def sort_key(self, row, column: int):
        judge, _, scored, severity = row
        if column == self.COL_SCORED:
            return scored
        if column == self.COL_COMPARED:
            return severity.entries if severity else 0
        if column == self.COL_SEVERITY:
            return number_key(severity.severity if severity else None)
        if column == self.COL_CONSISTENCY:
            return number_key(severity.consistency if severity else None)
        return self.display(row, column)


class DisagreementsModel(RowsModel):
    """Entries whose judges' totals lie far apart, widest first: for committee discussion."""

    COL_ENTRY, COL_ORG, COL_RANK, COL_LOW, COL_HIGH, COL_SPREAD, COL_TOTALS = range(7)
    NUMERIC = frozenset({COL_RANK, COL_LOW, COL_HIGH, COL_SPREAD})

    def headers(self) -> list[str]:
        return [self.tr("Entry"), self.tr("Organisation"), self.tr("Rank"), self.tr("Lowest"), self.tr("Highest"),
                self.tr("Spread"), self.tr("Each judge's total")]

    def display(self, r: EntryResult, column: int) -> str:
        if column == self.COL_ENTRY:
            return r.entry.id
        if column == self.COL_ORG:
            return short_org_name(r.entry.org_name)
        if column == self.COL_RANK:
            return str(r.rank) if r.rank is not None else self.tr("calibration")
        if column in (self.COL_LOW, self.COL_HIGH, self.COL_SPREAD):
            return points({self.COL_LOW: r.minimum, self.COL_HIGH: r.maximum, self.COL_SPREAD: r.spread}[column])
        return "   ".join(f"{judge} {total_str(total)}" + (self.tr(" (paper)") if judge in r.paper else "")
                           for judge, total in sorted(r.totals.items()))

    def sort_key(self, r: EntryResult, column: int):
        if column == self.COL_RANK:
            return r.rank if r.rank is not None else 10**9
        if column in self.NUMERIC:
            return number_key({self.COL_LOW: r.minimum, self.COL_HIGH: r.maximum, self.COL_SPREAD: r.spread}[column])
        return self.display(r, column)

    def tooltip(self, r: EntryResult, column: int) -> str | None:
        return r.entry.org_name if column == self.COL_ORG else None


class CalibrationModel(RowsModel):
    """The calibration entries (left out of the ranking) with every judge's total."""

    COL_ENTRY, COL_ORG, COL_MEAN = range(3)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.judges: list[str] = []

    def set_results(self, rr: RoundResults) -> None:
        self.judges = [j.id for j in rr.contest.judges]
        self.NUMERIC = frozenset(range(self.COL_MEAN, self.COL_MEAN + 1 + len(self.judges)))
        self.set_rows(rr.calibration)

    def headers(self) -> list[str]:
        return [self.tr("Entry"), self.tr("Organisation"), self.tr("Mean"), *self.judges]

    def display(self, r: EntryResult, column: int) -> str:
        if column == self.COL_ENTRY:
            return r.entry.id
        if column == self.COL_ORG:
            return short_org_name(r.entry.org_name)
        if column == self.COL_MEAN:
            return points(r.mean)
        judge = self.judges[column - self.COL_MEAN - 1]
        if judge in r.totals:
            return total_str(r.totals[judge]) + (self.tr(" (paper)") if judge in r.paper else "")
        if judge in r.conflicts:
            return self.tr("conflict")
        return self.tr("not scored") if judge in r.not_scored else ""

    def tooltip(self, r: EntryResult, column: int) -> str | None:
        return r.entry.org_name if column == self.COL_ORG else None

    def sort_key(self, r: EntryResult, column: int):
        if column == self.COL_MEAN:
            return number_key(r.mean)
        if column > self.COL_MEAN:
            return number_key(r.totals.get(self.judges[column - self.COL_MEAN - 1]))
        return self.display(r, column)


class BandsModel(RowsModel):
    """The histogram's numbers as a table beside it: each band of 5 points and its count of entries."""

    COL_BAND, COL_COUNT = range(2)
    NUMERIC = frozenset({COL_COUNT})

    def headers(self) -> list[str]:
        return [self.tr("Mean total"), self.tr("Entries")]

    def display(self, row: tuple[str, int], column: int) -> str:
        return row[0] if column == self.COL_BAND else str(row[1])

    def sort_key(self, row: tuple[str, int], column: int):
        return row[1] if column == self.COL_COUNT else self.display(row, column)
