"""The contest as data: rounds, rubric, entries, judges and assignments.

Everything here is an immutable value. Reading, checking and writing the
documented contest JSON format ("dlg-contest/1", see README) lives in
:mod:`judge_app.contest_json`, which imports this module (never the reverse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

#: Organisation types of Thai local government, keyed by a stable code.
ORG_TYPES: dict[str, tuple[str, str]] = {
    "sao": ("องค์การบริหารส่วนตำบล (อบต.)", "Subdistrict Administrative Organisation"),
    "subdistrict_municipality": ("เทศบาลตำบล", "Subdistrict Municipality"),
    "town_municipality": ("เทศบาลเมือง", "Town Municipality"),
    "city_municipality": ("เทศบาลนคร", "City Municipality"),
    "pao": ("องค์การบริหารส่วนจังหวัด (อบจ.)", "Provincial Administrative Organisation"),
}

#: A judge picks from at most this many values on one criterion.
MAX_SCALE_STEPS = 1000

# \Z, not $: "$" also matches before a final line break, which would let "J01\n" through.
ID_RULE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")


@dataclass(frozen=True)
class Level:
    """What a score on a criterion looks like, in Thai and English."""

    score: Decimal
    description_th: str
    description_en: str


@dataclass(frozen=True)
class Criterion:
    """One scored criterion of the rubric."""

    id: str
    title_th: str
    title_en: str
    guidance_th: str
    guidance_en: str
    weight: Decimal
    scale_min: Decimal
    scale_max: Decimal
    step: Decimal
    levels: tuple[Level, ...]

    def allowed_scores(self) -> list[Decimal]:
        """Every score a judge may give, lowest first."""
        count = int((self.scale_max - self.scale_min) / self.step)
        return [self.scale_min + self.step * i for i in range(count + 1)]

    def level_for(self, score: Decimal) -> Level | None:
        """The highest level descriptor at or below ``score`` (None below the first)."""
        chosen = None
        for level in self.levels:
            if level.score <= score:
                chosen = level
        return chosen


@dataclass(frozen=True)
class Rubric:
    """The criteria of a round; weights sum to 100."""

    criteria: tuple[Criterion, ...]

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    @property
    def criterion_ids(self) -> list[str]:
        return [c.id for c in self.criteria]


@dataclass(frozen=True)
class Attachment:
    """A file an organisation submitted with its entry."""

    name: str
    file: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str


@dataclass(frozen=True)
class Entry:
    """One organisation's submission."""

    id: str
    org_name: str
    org_type: str
    province: str
    project_title: str
    summary: str
    contact: Contact
    attachments: tuple[Attachment, ...] = ()

    @property
    def org_type_th(self) -> str:
        return ORG_TYPES[self.org_type][0]


@dataclass(frozen=True)
class Judge:
    """An expert judge (ผู้ทรงคุณวุฒิ) on the committee."""

    id: str
    name: str
    affiliation: str
    province: str
    position: str


@dataclass(frozen=True)
class Round:
    """A judging round with its rubric and who judges which entries."""

    id: str
    title_th: str
    title_en: str
    deadline: str
    rubric: Rubric
    assignments: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def entries_of(self, judge_id: str) -> tuple[str, ...]:
        return self.assignments.get(judge_id, ())


@dataclass(frozen=True)
class Contest:
    """The whole contest: who takes part, who judges, and how."""

    id: str
    title_th: str
    title_en: str
    organiser_th: str
    organiser_en: str
    year_be: int
    rounds: tuple[Round, ...]
    entries: tuple[Entry, ...]
    judges: tuple[Judge, ...]

    def round(self, round_id: str) -> Round:
        for round_ in self.rounds:
            if round_.id == round_id:
                return round_
        raise KeyError(round_id)

    def entry(self, entry_id: str) -> Entry:
        return self._entries_by_id()[entry_id]

    def judge(self, judge_id: str) -> Judge:
        for judge in self.judges:
            if judge.id == judge_id:
                return judge
        raise KeyError(judge_id)

    def _entries_by_id(self) -> dict[str, Entry]:
        cache = self.__dict__.get("_entry_index")
        if cache is None:
            cache = {e.id: e for e in self.entries}
            object.__setattr__(self, "_entry_index", cache)
        return cache
