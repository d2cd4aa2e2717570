"""Who judges which entry: every entry gets the same number of judges, none
the rules keep off it, and the work is spread evenly.

The rules are a function ``(judge, entry) -> reason or None``: the province
rule here (:func:`province_rule`, a judge never judges an entry from the
judge's own province), and the officer's ties and declared conflicts gathered
by :mod:`judge_app.panel`. Calibration entries go to every judge the rules
allow, first in each judge's list, and do not count in the balancing.

The method is two steps, both deterministic:

1. Greedy: entries with the fewest eligible judges go first (they have the
   least room), each taking the least-loaded eligible judges; ties between
   judges are broken by a seeded shuffle, so a different seed gives another,
   equally fair, assignment.
2. Levelling: while some judge has at least two entries more than another,
   move work along a chain of judges (A gives an entry to B, B gives another
   to C, ...) so the heaviest loses one and the lightest gains one, and nobody
   in between changes. When no such chain exists the spread is as small as the
   rules allow.
"""

from __future__ import annotations

import random
import unicodedata
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from .errors import ValidationError
from .model import Entry, Judge

#: Why a judge may not judge an entry, or None when the judge may.
Exclusion = Callable[[Judge, Entry], "str | None"]

#: Spellings of Bangkok that mean the same province as "กรุงเทพมหานคร".
_BANGKOK_ALIASES = {"กรุงเทพฯ", "กรุงเทพ", "กทม.", "กทม", "bangkok"}


@lru_cache(maxsize=4096)  # asked for every judge and entry pair; there are only ~77 provinces
def same_province_key(province: str) -> str:
    """A province name reduced so "จังหวัดขอนแก่น" and " ขอนแก่น " compare equal."""
    key = " ".join(province.split())
    if key.startswith("จังหวัด"):
        key = key[len("จังหวัด"):].strip()
    if key.lower() in _BANGKOK_ALIASES:
        key = "กรุงเทพมหานคร"
    return key.casefold()


def is_eligible(judge: Judge, entry: Entry) -> bool:
    """A judge may not judge an entry from the judge's own province.

    A judge with no province on record cannot be from the entry's province as
    far as we know, so is eligible everywhere.
    """
    if not judge.province.strip():
        return True
    return same_province_key(judge.province) != same_province_key(entry.province)


PROVINCE = "province"
ORGANISATION = "organisation"
TIE_KINDS = (PROVINCE, ORGANISATION)


@lru_cache(maxsize=16384)  # asked for every judge and entry pair when assigning
def organisation_key(name: str) -> str:
    """An organisation's name reduced so spacing and letter case do not matter."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def tie_key(kind: str, value: str) -> str:
    """A tie's name as compared: a province like :func:`same_province_key`, an organisation like
    :func:`organisation_key`."""
    return same_province_key(value) if kind == PROVINCE else organisation_key(value)


class PanelRules:
    """Everything that keeps a judge off an entry in one round, as reasons a person reads."""

    def __init__(self, ties: Iterable[tuple[str, str, str]], conflicts: Iterable[tuple[str, str]]):
        """``ties``: (judge id, 'province' or 'organisation', name); ``conflicts``: (judge id, entry id)."""
        self._ties: dict[tuple[str, str], dict[str, str]] = {}
        for judge_id, kind, value in ties:
            self._ties.setdefault((judge_id, kind), {})[tie_key(kind, value)] = value
        self._conflicts = set(conflicts)

    def reasons(self, judge: Judge, entry: Entry) -> list[tuple[str, str]]:
        """Each rule that keeps ``judge`` off ``entry``, as (kind, what): kinds are 'own province',
        'province', 'organisation' and 'conflict' (a window words them in its language)."""
        found = []
        if not is_eligible(judge, entry):
            found.append(("own province", entry.province))
        for kind, key in ((PROVINCE, same_province_key(entry.province)), (ORGANISATION, organisation_key(entry.org_name))):
            value = self._ties.get((judge.id, kind), {}).get(key)
            if value is not None:
                found.append((kind, value))
        if (judge.id, entry.id) in self._conflicts:
            found.append(("conflict", ""))
        return found

    def exclusion(self, judge: Judge, entry: Entry) -> str | None:
        """Why ``judge`` may not judge ``entry`` ("same province (ขอนแก่น)" …), or None."""
        words = {"own province": "same province ({})", PROVINCE: "tied to province {}",
                 ORGANISATION: "tied to organisation {}", "conflict": "declared a conflict"}
        return " and ".join(words[kind].format(value) for kind, value in self.reasons(judge, entry)) or None


def province_rule(judge: Judge, entry: Entry) -> str | None:
    """The province rule as a reason, for :func:`plan_panels`."""
    return None if is_eligible(judge, entry) else f"same province ({entry.province})"


def assign_judges(
    entries: Sequence[Entry], judges: Sequence[Judge], per_entry: int, *, seed: int = 0
) -> dict[str, tuple[str, ...]]:
    """Give each entry ``per_entry`` distinct eligible judges, balancing the load.

    Returns judge id → entry ids (in the contest's entry order) for every
    judge, including judges left without entries. Raises
    :class:`ValidationError` listing every entry that cannot get enough judges.
    """
    _check_inputs(entries, judges, per_entry)
    eligible = {e.id: [j.id for j in judges if is_eligible(j, e)] for e in entries}
    _check_feasible(entries, eligible, per_entry)
    panels = _balanced_panels([e.id for e in entries], [j.id for j in judges], eligible, per_entry, seed)
    return _lists_per_judge(entries, judges, panels, ())


@dataclass(frozen=True)
class ShortEntry:
    """An entry that cannot get enough judges, and why each other judge is kept off it."""

    entry_id: str
    needed: int
    eligible: tuple[str, ...]
    excluded: tuple[tuple[str, str], ...]  # (judge id, reason)

    def explain(self) -> str:
        """E.g. "E012 needs 3 judges, only 2 are eligible: J03 same province (ขอนแก่น), J07 declared a conflict"."""
        count = len(self.eligible)
        head = f"{self.entry_id} needs {self.needed} judges, only {count} {'is' if count == 1 else 'are'} eligible"
        if not self.excluded:
            return f"{head}: the contest has no more judges"
        return head + ": " + ", ".join(f"{judge_id} {reason}" for judge_id, reason in self.excluded)


class AssignmentInfeasible(ValidationError):
    """Some entries cannot get enough judges under the rules; ``short`` says which and why."""

    def __init__(self, short: Sequence[ShortEntry], per_entry: int):
        self.short = tuple(short)
        count = len(self.short)
        lines = "\n  - ".join(item.explain() for item in self.short)
        super().__init__(
            f"cannot give every entry {per_entry} judges ({count} {'entry is' if count == 1 else 'entries are'} "
            f"short):\n  - {lines}"
        )


def plan_panels(
    entries: Sequence[Entry],
    judges: Sequence[Judge],
    per_entry: int,
    *,
    excluded: Exclusion = province_rule,
    calibration: Sequence[str] = (),
    seed: int = 0,
) -> dict[str, tuple[str, ...]]:
    """Judge id → entry ids under the rules, calibration entries first, then the contest's order.

    Every entry except the calibration entries gets ``per_entry`` distinct
    judges that ``excluded`` allows, the load of those entries balanced; every
    calibration entry goes to every judge that ``excluded`` allows. Raises
    :class:`AssignmentInfeasible` naming each entry short of judges and why
    each other judge is kept off it.
    """
    _check_inputs(entries, judges, per_entry)
    calibration_set = set(calibration)
    reasons = {e.id: [(j.id, excluded(j, e)) for j in judges] for e in entries}
    eligible = {entry_id: [j for j, why in row if why is None] for entry_id, row in reasons.items()}
    regular = [e for e in entries if e.id not in calibration_set]
    short = [
        ShortEntry(e.id, per_entry, tuple(eligible[e.id]),
                   tuple((j, why) for j, why in reasons[e.id] if why is not None))
        for e in regular if len(eligible[e.id]) < per_entry
    ]
    if short:
        raise AssignmentInfeasible(short, per_entry)
    panels = _balanced_panels([e.id for e in regular], [j.id for j in judges], eligible, per_entry, seed)
    for entry_id in calibration_set:
        panels[entry_id] = set(eligible[entry_id])
    return _lists_per_judge(entries, judges, panels, calibration_set)


def judge_order(entries: Sequence[Entry], calibration: Sequence[str] | set[str]) -> dict[str, tuple[int, int]]:
    """Sort key of each entry in a judge's list: calibration entries first, each part in contest order.

    Bundles list a judge's entries in this order, so a judge meets the
    calibration entries before any other.
    """
    first = set(calibration)
    return {e.id: (0 if e.id in first else 1, i) for i, e in enumerate(entries)}


def _lists_per_judge(
    entries: Sequence[Entry], judges: Sequence[Judge], panels: dict[str, set[str]], calibration: set[str]
) -> dict[str, tuple[str, ...]]:
    order = judge_order(entries, calibration)
    mine: dict[str, list[str]] = {judge.id: [] for judge in judges}
    for entry_id, panel in panels.items():
        for judge_id in panel:
            mine[judge_id].append(entry_id)
    return {judge_id: tuple(sorted(ids, key=order.__getitem__)) for judge_id, ids in mine.items()}


def _balanced_panels(
    entry_ids: list[str], judge_ids: list[str], eligible: dict[str, list[str]], per_entry: int, seed: int
) -> dict[str, set[str]]:
    tie_rank = _seeded_rank(judge_ids, seed)
    panels = _greedy_panels(entry_ids, eligible, per_entry, tie_rank)
    _level_loads(panels, {e: eligible[e] for e in entry_ids}, tie_rank)
    return panels


def load_counts(assignments: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """How many entries each judge has."""
    return {judge_id: len(entry_ids) for judge_id, entry_ids in assignments.items()}


# ---------------------------------------------------------------- checks


def _check_inputs(entries: Sequence[Entry], judges: Sequence[Judge], per_entry: int) -> None:
    problems = []
    if per_entry < 1:
        problems.append(f"judges per entry must be at least 1 (got {per_entry})")
    for kind, ids in (("entry", [e.id for e in entries]), ("judge", [j.id for j in judges])):
        seen: set[str] = set()
        for ident in ids:
            if ident in seen:
                problems.append(f"{kind} id {ident!r} appears more than once")
            seen.add(ident)
    if problems:
        raise ValidationError("cannot assign judges: " + "; ".join(problems))


def _check_feasible(entries: Sequence[Entry], eligible: dict[str, list[str]], per_entry: int) -> None:
    short = [e for e in entries if len(eligible[e.id]) < per_entry]
    if not short:
        return
    lines = []
    for entry in short:
        count = len(eligible[entry.id])
        noun = "judge is" if count == 1 else "judges are"
        lines.append(
            f"entry {entry.id} ({entry.province}): only {count} {noun} from other provinces, {per_entry} needed"
        )
    raise ValidationError(
        f"cannot give every entry {per_entry} judges from other provinces "
        f"({len(short)} {'entry is' if len(short) == 1 else 'entries are'} short):\n  - " + "\n  - ".join(lines)
    )


# ---------------------------------------------------------------- greedy


def _seeded_rank(judge_ids: list[str], seed: int) -> dict[str, int]:
    """A fixed, seed-dependent order of judges used only to break ties."""
    shuffled = list(judge_ids)
    random.Random(f"assign-judges:{seed}").shuffle(shuffled)
    return {judge_id: rank for rank, judge_id in enumerate(shuffled)}


def _greedy_panels(
    entry_ids: list[str], eligible: dict[str, list[str]], per_entry: int, tie_rank: dict[str, int]
) -> dict[str, set[str]]:
    load = {judge_id: 0 for judge_id in tie_rank}
    panels: dict[str, set[str]] = {}
    most_constrained_first = sorted(enumerate(entry_ids), key=lambda pair: (len(eligible[pair[1]]), pair[0]))
    for _, entry_id in most_constrained_first:
        candidates = sorted(eligible[entry_id], key=lambda j: (load[j], tie_rank[j]))
        chosen = candidates[:per_entry]
        for judge_id in chosen:
            load[judge_id] += 1
        panels[entry_id] = set(chosen)
    return panels


# ---------------------------------------------------------------- levelling


def _level_loads(panels: dict[str, set[str]], eligible: dict[str, list[str]], tie_rank: dict[str, int]) -> None:
    """Shift entries along chains of judges until no chain can narrow the spread."""
    eligible_sets = {entry_id: set(judges) for entry_id, judges in eligible.items()}
    while True:
        load = _loads(panels, tie_rank)
        chain = _find_levelling_chain(panels, eligible_sets, load, tie_rank)
        if chain is None:
            return
        for entry_id, giver, taker in chain:
            panels[entry_id].remove(giver)
            panels[entry_id].add(taker)


def _loads(panels: dict[str, set[str]], tie_rank: dict[str, int]) -> dict[str, int]:
    load = {judge_id: 0 for judge_id in tie_rank}
    for panel in panels.values():
        for judge_id in panel:
            load[judge_id] += 1
    return load


def _find_levelling_chain(
    panels: dict[str, set[str]],
    eligible: dict[str, set[str]],
    load: dict[str, int],
    tie_rank: dict[str, int],
) -> list[tuple[str, str, str]] | None:
    """A chain of moves (entry, from judge, to judge) from a heavy judge to one
    at least two entries lighter, or None when there is none.

    Breadth-first from the heaviest judges, so the chain is short; judges and
    entries are visited in a fixed order so the result is deterministic.
    """
    judges_in_order = sorted(tie_rank, key=lambda j: (-load[j], tie_rank[j]))
    entries_of: dict[str, list[str]] = {judge_id: [] for judge_id in tie_rank}
    for entry_id in sorted(panels):
        for judge_id in panels[entry_id]:
            entries_of[judge_id].append(entry_id)
    lightest = min(load.values(), default=0)
    for start in judges_in_order:
        if load[start] - 2 < lightest:
            break  # judges are in descending load: no later one can give either
        came_from: dict[str, tuple[str, str] | None] = {start: None}
        queue = deque([start])
        while queue:
            giver = queue.popleft()
            for entry_id in entries_of[giver]:
                panel = panels[entry_id]
                for taker in sorted(eligible[entry_id] - panel, key=tie_rank.__getitem__):
                    if taker in came_from:
                        continue
                    came_from[taker] = (giver, entry_id)
                    if load[taker] <= load[start] - 2:
                        return _unwind(came_from, taker)
                    queue.append(taker)
    return None


def _unwind(came_from: dict[str, tuple[str, str] | None], last: str) -> list[tuple[str, str, str]]:
    moves = []
    taker = last
    while (step := came_from[taker]) is not None:
        giver, entry_id = step
        moves.append((entry_id, giver, taker))
        taker = giver
    moves.reverse()
    return moves
