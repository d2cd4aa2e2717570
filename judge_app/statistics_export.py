"""A round's statistics as CSV (for any spreadsheet) and XLSX (several sheets, for the committee).

Both are built from one :class:`~judge_app.round_results.RoundResults`, so the
numbers are the ones the window and the report show. The per-entry table is
made once (:func:`entry_table`) with typed values; the CSV writes them as text
(totals to 2 decimals, z-scores to 3), the XLSX as numbers with a display
format. Scores typed in from a paper sheet are marked: "(paper)" after the
judge's cell in the CSV, a highlighted cell with a note in the XLSX, and the
``paper_judges`` column in both.

Files are written atomically: a reader sees the old file or the new one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from .atomic import write_bytes_atomic
from .decisions import describe_decision
from .ranking import METHOD_LABELS_EN, METHODS, TIE_BREAKS_EN
from .results import AWARD_COUNT, DISAGREEMENT_SPREAD, NATIONAL_COUNT, PAPER_MARK, PAPER_NOTE, EntryResult
from .round_results import SEVERITY_NOTICE, RoundResults, criterion_averages
from .scoring import total_str

#: Kinds of column in :func:`entry_table`: how each is written.
TEXT, INTEGER, TOTAL, Z, JUDGE = "text", "integer", "total", "z", "judge"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str


def _judge_value(result: EntryResult, judge_id: str) -> Fraction | str | None:
    if judge_id in result.totals:
        return result.totals[judge_id]
    if judge_id in result.conflicts:
        return "conflict"
    if judge_id in result.not_scored:
        return "not scored"
    return None


def _flags(rr: RoundResults) -> tuple[set[str], dict[str, list[str]]]:
    """Entries flagged for disagreement, and each entry's unstable cut lines."""
    disagreeing = {r.entry.id for r in rr.disagreements}
    unstable: dict[str, list[str]] = {}
    for check in rr.stability:
        if not check.stable:
            unstable.setdefault(check.entry_id, []).append(str(check.cut))
    return disagreeing, unstable


def entry_table(rr: RoundResults) -> tuple[list[Column], list[list[object]]]:
    """The per-entry statistics: ranked entries in rank order, then unscored, then calibration entries."""
    criteria = rr.round.rubric.criterion_ids
    judges = [j.id for j in rr.contest.judges]
    columns = [
        Column("role", TEXT), Column("rank", INTEGER), Column("entry_id", TEXT), Column("org_name", TEXT),
        Column("org_type", TEXT), Column("province", TEXT), Column("project_title", TEXT),
        Column("judges", INTEGER), Column("mean", TOTAL), Column("median", TOTAL), Column("sd", TOTAL),
        Column("min", TOTAL), Column("max", TOTAL), Column("trimmed_mean", TOTAL),
        Column("standardised_mean", Z),
        *(Column(f"rank_{method}", INTEGER) for method in METHODS),
        Column("spread", TOTAL), Column("disagreement", TEXT), Column("unstable_at_cut", TEXT),
        Column("paper_judges", TEXT),
        *(Column(f"mean_{c}", TOTAL) for c in criteria),
        *(Column(j, JUDGE) for j in judges),
    ]
    table = {row.entry_id: row.ranks for row in rr.table}
    disagreeing, unstable = _flags(rr)
    rows = []
    for role, group in (("ranked", rr.results), ("calibration", rr.calibration)):
        for r in group:
            ranks = table.get(r.entry.id, {})
            rows.append([
                role, r.rank, r.entry.id, r.entry.org_name, r.entry.org_type, r.entry.province, r.entry.project_title,
                r.judge_count, r.mean, r.median, r.sd,
                r.minimum, r.maximum, r.trimmed_mean, r.standardised_mean,
                *(ranks.get(method) for method in METHODS),
                r.spread, "yes" if r.entry.id in disagreeing else "", " ".join(unstable.get(r.entry.id, [])),
                " ".join(sorted(r.paper)),
                *(r.criterion_mean(c) for c in criteria),
                *(_judge_value(r, j) for j in judges),
            ])
    return columns, rows


def _text(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind in (TOTAL, JUDGE) and not isinstance(value, str):
        return total_str(Fraction(value))
    if kind == Z:
        return f"{value:.3f}"
    return str(value)


def statistics_csv(rr: RoundResults) -> str:
    """The per-entry table as CSV text (write it with a BOM so Excel reads UTF-8)."""
    columns, rows = entry_table(rr)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        entry_id = row[2]
        cells = []
        for column, value in zip(columns, row):
            text = _text(value, column.kind)
            if column.kind == JUDGE and text and rr.is_paper(column.name, entry_id):
                text = f"{text} {PAPER_MARK}"
            cells.append(text)
        writer.writerow(cells)
    return out.getvalue()


def write_statistics_csv(rr: RoundResults, path) -> None:
    """Write :func:`statistics_csv` as UTF-8 with a BOM (opens in Thai Excel), atomically."""
    write_bytes_atomic(Path(path), statistics_csv(rr).encode("utf-8-sig"))


def summary_lines(rr: RoundResults) -> list[tuple[str, str]]:
    """The panel summary as (label, value) pairs: method, decision, agreement."""
    pairs = [
        ("contest", f"{rr.contest.id} {rr.contest.title_th}"),
        ("round", f"{rr.round_id} {rr.round.title_th}"),
        ("ranking method", f"{rr.method}: {METHOD_LABELS_EN[rr.method]}; {TIE_BREAKS_EN}"),
    ]
    pairs += [("decision", line.strip()) for line in describe_decision(list(rr.history), rr.first_viewed)]
    pairs += [
        ("entries ranked", str(len(rr.ranked))),
        ("calibration entries (not ranked)", " ".join(r.entry.id for r in rr.calibration) or "none"),
        ("Krippendorff's alpha (interval)", f"{rr.alpha:.3f}" if rr.alpha is not None else "not computable"),
        (rr.icc_form, f"{rr.icc:.3f}" if rr.icc is not None
         else "not computed: not every judge scored every entry"),
        (f"{rr.icc_form} on calibration entries",
         f"{rr.calibration_icc:.3f}" if rr.calibration_icc is not None else "not computed"),
        ("disagreement threshold", f"{DISAGREEMENT_SPREAD} points between the highest and lowest total"),
        ("entries flagged for disagreement", str(len(rr.disagreements))),
        ("unstable at a cut line", str(sum(not c.stable for c in rr.stability))),
        ("paper-entered scores", f"{len(rr.paper_entered)} (judge, entry) rows; {PAPER_MARK} = {PAPER_NOTE}"),
    ]
    return pairs


# ---------------------------------------------------------------- XLSX


def _number(value: object) -> object:
    """Exact values as floats for a spreadsheet cell."""
    return float(value) if isinstance(value, (Fraction, Decimal)) else value


def _sheet(workbook, title: str, headers: list[str], rows: list[list[object]],
           formats: dict[int, str] | None = None, marks: dict[tuple[int, int], str] | None = None) -> None:
    """Append a sheet of a write-only workbook (one pass, little memory for a national round).

    ``formats``: column index → number format; ``marks``: (row index, column
    index) → a note, shown as a highlighted cell with a comment.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    formats = formats or {}
    marks = marks or {}
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    marked = PatternFill("solid", fgColor="FFF2CC")

    def header(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, text)
        cell.font = bold
        return cell

    sheet.append([header(h) for h in headers])
    for row_index, row in enumerate(rows):
        cells = []
        for column, value in enumerate(row):
            value = _number(value)
            note = marks.get((row_index, column))
            if column not in formats and note is None:
                cells.append(value)
                continue
            cell = WriteOnlyCell(sheet, value)
            if column in formats:
                cell.number_format = formats[column]
            if note is not None:
                cell.fill = marked
                cell.comment = Comment(note, "judge-app")
            cells.append(cell)
        sheet.append(cells)


_FORMATS = {TOTAL: "0.00", JUDGE: "0.00", Z: "0.000"}


def _entries_sheet(workbook, rr: RoundResults) -> None:
    columns, rows = entry_table(rr)
    formats = {i: _FORMATS[c.kind] for i, c in enumerate(columns) if c.kind in _FORMATS}
    judge_columns = {c.name: i for i, c in enumerate(columns) if c.kind == JUDGE}
    paper_column = [c.name for c in columns].index("paper_judges")
    note = f"{PAPER_MARK} {PAPER_NOTE}"
    marks = {(row_index, judge_columns[judge_id]): note
             for row_index, row in enumerate(rows) for judge_id in row[paper_column].split()}
    _sheet(workbook, "entries", [c.name for c in columns], rows, formats, marks)


def _criteria_sheet(workbook, rr: RoundResults) -> None:
    criteria = rr.round.rubric.criteria
    groups = [(f"top {NATIONAL_COUNT}", rr.national), (f"top {AWARD_COUNT}", rr.award),
              ("all ranked", rr.ranked), ("calibration", rr.calibration)]
    averages = [criterion_averages(members, [c.id for c in criteria]) for _, members in groups]
    rows = [[c.id, c.title_th, c.title_en, c.weight, f"{c.scale_min}-{c.scale_max}",
             *(a[c.id] for a in averages)] for c in criteria]
    headers = ["criterion", "title_th", "title_en", "weight", "scale", *(f"mean {label}" for label, _ in groups)]
    _sheet(workbook, "criteria", headers, rows, {i: "0.00" for i in range(5, 5 + len(groups))})


def _judges_sheet(workbook, rr: RoundResults) -> None:
    everything = [*rr.results, *rr.calibration]
    rows = []
    for judge in rr.contest.judges:
        given = [r.totals[judge.id] for r in everything if judge.id in r.totals]
        s = rr.severity.get(judge.id)
        rows.append([
            judge.id, judge.name, len(given),
            sum(1 for r in everything if judge.id in r.conflicts),
            sum(given, Fraction(0)) / len(given) if given else None,
            s.severity if s else None, s.consistency if s else None, s.entries if s else 0,
            sum(1 for j, _ in rr.paper_entered if j == judge.id),
            rr.notable_judges.get(judge.id, ""),
        ])
    headers = ["judge_id", "name", "entries_scored", "conflicts", "mean_total", "severity",
               "consistency_r", "shared_entries", "paper_entered", f"notable (|severity| >= {SEVERITY_NOTICE})"]
    _sheet(workbook, "judges", headers, rows, {4: "0.00", 5: "+0.00;-0.00;0.00", 6: "0.00"})


def _stability_sheet(workbook, rr: RoundResults) -> None:
    rows = [[c.cut, c.rank, c.entry_id, rr.contest.entry(c.entry_id).org_name, "inside" if c.inside else "outside",
             "stable" if c.stable else "unstable", ", ".join(c.flips)] for c in rr.stability]
    _sheet(workbook, "stability", ["cut", "rank", "entry_id", "org_name", "side", "stable", "flips_under"], rows)


def _shortlist_sheet(workbook, rr: RoundResults) -> None:
    _, unstable = _flags(rr)
    rows = [[r.rank, "national (top 3)" if r.rank <= NATIONAL_COUNT else "award (top 20)", r.entry.id,
             r.entry.org_name, r.entry.province, r.entry.project_title, r.judge_count, r.mean,
             r.trimmed_mean, r.standardised_mean, " ".join(unstable.get(r.entry.id, []))] for r in rr.award]
    headers = ["rank", "shortlist", "entry_id", "org_name", "province", "project_title", "judges", "mean",
               "trimmed_mean", "standardised_mean", "unstable_at_cut"]
    _sheet(workbook, "shortlist", headers, rows, {7: "0.00", 8: "0.00", 9: "0.000"})


def statistics_xlsx(rr: RoundResults) -> bytes:
    """The workbook's bytes: sheets entries, criteria, judges, stability, shortlist, summary."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    _entries_sheet(workbook, rr)
    _criteria_sheet(workbook, rr)
    _judges_sheet(workbook, rr)
    _stability_sheet(workbook, rr)
    _shortlist_sheet(workbook, rr)
    _sheet(workbook, "summary", ["item", "value"], [list(pair) for pair in summary_lines(rr)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_statistics_xlsx(rr: RoundResults, path) -> None:
    """Write :func:`statistics_xlsx` to ``path`` atomically."""
    write_bytes_atomic(Path(path), statistics_xlsx(rr))
