"""How far a round has come: per judge and per entry, what is in and what is missing.

The secretariat officer's dashboard while score files arrive. For every judge
with work in the round: how many entries are assigned, how many are scored,
declared a conflict of interest or still missing in the merged rows (signed
files and paper sheets together) — a conflict the judge declared to the
secretariat (``declared_conflicts``) counts as a conflict too, unless the judge
scored the entry after all — how many came from paper, and the last file
received from the judge whatever its outcome — a judge whose only file was
rejected shows that rejection and its reason. For every entry: how many of its
judges have scored it, so entries short of judges stand out.

Everything is counted by SQLite in a few aggregate queries, so the dashboard
stays quick for a national round (7,000 entries × 70 judges).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import SecretariatError
from .secretariat import ContestDatabase

#: Each (judge, entry) pair of the round: whether it is assigned and what the
#: merged rows (signed and paper, the ``round_entry_results`` view) say about it.
#: The assignment is read from the stored contest JSON in the same statement, so
#: the counts always match what the database holds, even when another connection
#: has just changed the assignment. Assigned and merged rows are stacked and
#: grouped rather than joined: SQLite cannot index the view for a join, and a
#: group-by over ~40,000 rows takes a few milliseconds.
_PAIRS = """
WITH assigned(judge_id, entry_id) AS (
    SELECT judge.key, entry.value
    FROM meta, json_each(meta.value, '$.rounds') AS round_,
         json_each(round_.value, '$.assignments') AS judge, json_each(judge.value) AS entry
    WHERE meta.key = 'contest_json' AND json_extract(round_.value, '$.id') = :round
),
pairs AS (
    SELECT judge_id, entry_id, assigned, scored, conflict AND NOT scored AS conflict, paper FROM (
        SELECT judge_id, entry_id,
               max(assigned) AS assigned,
               ifnull(max(status = 'scored'), 0) AS scored,
               ifnull(max(status = 'conflict'), 0) AS conflict,
               ifnull(max(source = 'paper'), 0) AS paper
        FROM (SELECT judge_id, entry_id, 1 AS assigned, NULL AS status, NULL AS source FROM assigned
              UNION ALL
              SELECT judge_id, entry_id, 0, status, source FROM round_entry_results WHERE round_id = :round
              UNION ALL
              SELECT judge_id, entry_id, 0, 'conflict', 'declared' FROM declared_conflicts WHERE round_id = :round)
        GROUP BY judge_id, entry_id
        HAVING max(assigned) = 1)
)
"""

_PER_JUDGE = _PAIRS + """
SELECT judge_id, count(*), sum(scored), sum(conflict), sum(NOT (scored OR conflict)), sum(paper)
FROM pairs GROUP BY judge_id
"""

_PER_ENTRY = _PAIRS + """
SELECT entry_id, group_concat(judge_id, ' '), sum(scored), sum(conflict), sum(NOT (scored OR conflict)),
       sum(paper), group_concat(CASE WHEN NOT (scored OR conflict) THEN judge_id END, ' ')
FROM pairs GROUP BY entry_id ORDER BY entry_id
"""

#: The newest file each judge sent for the round (a file so broken that it names
#: no round counts for the judge it names), and how many files the judge sent.
#: Received order is the import time, then the order rows were written within a second.
_LAST_FILES = """
SELECT judge_id, file_name, sequence, imported_at, outcome, reason, files FROM (
    SELECT judge_id, file_name, sequence, imported_at, outcome, reason,
           row_number() OVER (PARTITION BY judge_id ORDER BY imported_at DESC, rowid DESC) AS newest,
           count(*) OVER (PARTITION BY judge_id) AS files
    FROM score_files
    WHERE judge_id IS NOT NULL AND (round_id = :round OR round_id IS NULL))
WHERE newest = 1
"""

#: Files that cannot be put down to a judge of the contest (unreadable, or naming
#: someone who is not a judge); the officer should still hear of them.
_UNATTRIBUTED = """
SELECT count(*) FROM score_files
WHERE outcome = 'rejected' AND (round_id = :round OR round_id IS NULL)
  AND (judge_id IS NULL OR judge_id NOT IN (
       SELECT json_extract(judge.value, '$.id') FROM meta, json_each(meta.value, '$.judges') AS judge
       WHERE meta.key = 'contest_json'))
"""


@dataclass(frozen=True)
class FileReceived:
    """One score file as the database recorded it (``outcome`` is merged, superseded or rejected)."""

    file_name: str
    sequence: int | None
    imported_at: str
    outcome: str
    reason: str


@dataclass(frozen=True)
class JudgeProgress:
    """One judge's standing in the round."""

    judge_id: str
    name: str
    assigned: int
    scored: int
    conflict: int
    missing: int
    paper: int
    bundle_issued: bool
    files_received: int
    last_file: FileReceived | None
    merged_sequence: int | None

    @property
    def complete(self) -> bool:
        """Every assigned entry is scored or under a declared conflict."""
        return self.assigned > 0 and self.missing == 0


@dataclass(frozen=True)
class EntryProgress:
    """How many of an entry's judges have scored it."""

    entry_id: str
    org_name: str
    judges: tuple[str, ...]
    scored: int
    conflict: int
    missing: int
    paper: int
    missing_judges: tuple[str, ...]

    @property
    def assigned(self) -> int:
        return len(self.judges)

    @property
    def short(self) -> bool:
        """Fewer judges scored it than were assigned (a conflict leaves it short too)."""
        return self.scored < self.assigned

    @property
    def waiting(self) -> bool:
        """A judge still has to score it: scores may yet arrive."""
        return self.missing > 0

    @property
    def short_by_conflict(self) -> bool:
        """Short of judges only because of conflicts of interest: no more scores will come unless judges are added."""
        return self.missing == 0 and self.conflict > 0


@dataclass(frozen=True)
class RoundProgress:
    """Per judge and per entry, with the totals of the summary line."""

    round_id: str
    judges: tuple[JudgeProgress, ...]
    entries: tuple[EntryProgress, ...]
    unattributed_files: int

    @property
    def judges_sent(self) -> int:
        return sum(j.files_received > 0 for j in self.judges)

    @property
    def judges_complete(self) -> int:
        return sum(j.complete for j in self.judges)

    @property
    def assigned(self) -> int:
        return sum(j.assigned for j in self.judges)

    @property
    def scored(self) -> int:
        return sum(j.scored for j in self.judges)

    @property
    def conflict(self) -> int:
        return sum(j.conflict for j in self.judges)

    @property
    def missing(self) -> int:
        return sum(j.missing for j in self.judges)

    @property
    def paper(self) -> int:
        return sum(j.paper for j in self.judges)

    @property
    def entries_short(self) -> int:
        return sum(e.short for e in self.entries)

    @property
    def entries_waiting(self) -> int:
        """Entries a judge still has to score."""
        return sum(e.waiting for e in self.entries)

    @property
    def entries_short_by_conflict(self) -> int:
        """Entries with every score in that are short of judges only because of conflicts of interest."""
        return sum(e.short_by_conflict for e in self.entries)

    def summary(self) -> str:
        """The summary line, in English (the window writes its own, translated).

        Entries short of judges are counted by cause: those still waiting for a
        judge's scores, and those whose only gaps are conflicts of interest
        (complete as far as the panel goes; more judges are needed to fill them).
        """
        text = (f"{self.judges_sent} of {len(self.judges)} judges have sent a file; "
                f"{self.scored + self.conflict} of {self.assigned} entry scores in "
                f"({self.scored} scored, {self.conflict} conflict, {self.missing} missing, "
                f"{self.paper} paper-entered); {self.entries_waiting} of {len(self.entries)} entries waiting for "
                f"scores; short of judges because of conflicts: {self.entries_short_by_conflict}")
        if self.unattributed_files:
            text += f"; rejected files that name no judge of the contest: {self.unattributed_files}"
        return text


def round_progress(db: ContestDatabase, round_id: str) -> RoundProgress:
    """The round's progress from the merged rows, the score files received and the bundles issued."""
    contest = db.contest
    try:
        contest.round(round_id)
    except KeyError:
        raise SecretariatError(f"contest {contest.id} has no round {round_id!r}", path=db.path) from None
    params = {"round": round_id}
    conn = db.conn
    counts = {row[0]: row[1:] for row in conn.execute(_PER_JUDGE, params)}
    last_files = {
        row[0]: (FileReceived(row[1], row[2], row[3], row[4], row[5]), row[6])
        for row in conn.execute(_LAST_FILES, params)
    }
    issued = {row[0] for row in conn.execute(
        "SELECT DISTINCT judge_id FROM bundles WHERE round_id = :round", params)}
    merged = dict(conn.execute("SELECT judge_id, sequence FROM submissions WHERE round_id = :round", params))

    judges = []
    for judge in contest.judges:
        if judge.id not in counts and judge.id not in issued and judge.id not in last_files:
            continue  # no work in this round
        assigned, scored, conflict, missing, paper = counts.get(judge.id, (0, 0, 0, 0, 0))
        last, files = last_files.get(judge.id, (None, 0))
        judges.append(JudgeProgress(judge.id, judge.name, assigned, scored, conflict, missing, paper,
                                    judge.id in issued, files, last, merged.get(judge.id)))

    names = {entry.id: entry.org_name for entry in contest.entries}
    entries = tuple(
        EntryProgress(entry_id, names.get(entry_id, ""), tuple(sorted(judge_ids.split())), scored, conflict,
                      missing, paper, tuple(sorted((missing_ids or "").split())))
        for entry_id, judge_ids, scored, conflict, missing, paper, missing_ids in conn.execute(_PER_ENTRY, params)
    )
    unattributed = conn.execute(_UNATTRIBUTED, params).fetchone()[0]
    return RoundProgress(round_id, tuple(judges), entries, unattributed)
