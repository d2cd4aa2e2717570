"""Who judges which entry: every entry gets the same number of judges, none
from the entry's own province, and the work is spread evenly.

The method is two steps, both deterministic:

1. Greedy: entries with the fewest eligible judges go first (they have the
   least room), each taking the least-loaded eligible judges; ties between
   judges are broken by a seeded shuffle, so a different seed gives another,
   equally fair, assignment.
2. Levelling: while some judge has at least two entries more than another,
   move work along a chain of judges (A gives an entry to B, B gives another
   to C, ...) so the heaviest loses one and the lightest gains one, and nobody
   in between changes. When no such chain exists the spread is as small as the
   province rule allows.
"""

from __future__ import annotations

import random
from collections import deque
from typing import Sequence

from .errors import ValidationError
from .model import Entry, Judge

#: Spellings of Bangkok that mean the same province as "กรุงเทพมหานคร".
_BANGKOK_ALIASES = {"กรุงเทพฯ", "กรุงเทพ", "กทม.", "กทม", "bangkok"}


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

    tie_rank = _seeded_rank([j.id for j in judges], seed)
    panels = _greedy_panels(entries, eligible, per_entry, tie_rank)
    _level_loads(panels, eligible, tie_rank)

    order = {e.id: i for i, e in enumerate(entries)}
    result: dict[str, tuple[str, ...]] = {}
    for judge in judges:
        mine = [entry_id for entry_id, panel in panels.items() if judge.id in panel]
        result[judge.id] = tuple(sorted(mine, key=order.__getitem__))
    return result


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
    entries: Sequence[Entry], eligible: dict[str, list[str]], per_entry: int, tie_rank: dict[str, int]
) -> dict[str, set[str]]:
    load = {judge_id: 0 for judge_id in tie_rank}
    panels: dict[str, set[str]] = {}
    most_constrained_first = sorted(enumerate(entries), key=lambda pair: (len(eligible[pair[1].id]), pair[0]))
    for _, entry in most_constrained_first:
        candidates = sorted(eligible[entry.id], key=lambda j: (load[j], tie_rank[j]))
        chosen = candidates[:per_entry]
        for judge_id in chosen:
            load[judge_id] += 1
        panels[entry.id] = set(chosen)
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
