"""Judge assignment: the province rule, equal panels, even load, determinism."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judge_app.assignment import (
    AssignmentInfeasible,
    assign_judges,
    is_eligible,
    load_counts,
    plan_panels,
    same_province_key,
)
from judge_app.errors import ValidationError
from judge_app.model import Contact, Entry, Judge

PROVINCES = ["ขอนแก่น", "เชียงใหม่", "สงขลา", "ชลบุรี", "นครราชสีมา", "ภูเก็ต", "น่าน", "ตราด"]


def make_entry(number: int, province: str) -> Entry:
    return Entry(
        id=f"E{number:03d}",
        org_name=f"องค์การบริหารส่วนตำบลทดสอบ{number}",
        org_type="sao",
        province=province,
        project_title="ระบบทดสอบ",
        summary="",
        contact=Contact("", "", ""),
    )


def make_judge(number: int, province: str) -> Judge:
    return Judge(id=f"J{number:02d}", name=f"กรรมการ {number}", affiliation="", province=province, position="")


def random_instance(rng: random.Random, n_entries: int, n_judges: int) -> tuple[list[Entry], list[Judge]]:
    provinces = PROVINCES[: rng.randint(2, len(PROVINCES))]
    entries = [make_entry(i + 1, rng.choice(provinces)) for i in range(n_entries)]
    judges = [make_judge(i + 1, rng.choice(provinces + ["กรุงเทพมหานคร"])) for i in range(n_judges)]
    return entries, judges


def panels_of(assignments: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    panels: dict[str, list[str]] = {}
    for judge_id, entry_ids in assignments.items():
        for entry_id in entry_ids:
            panels.setdefault(entry_id, []).append(judge_id)
    return panels


def spread(assignments: dict[str, tuple[str, ...]]) -> int:
    counts = load_counts(assignments).values()
    return max(counts) - min(counts)


def check_rules(entries: list[Entry], judges: list[Judge], assignments: dict[str, tuple[str, ...]], per_entry: int):
    judge_by_id = {j.id: j for j in judges}
    entry_by_id = {e.id: e for e in entries}
    panels = panels_of(assignments)
    assert set(panels) == set(entry_by_id), "every entry is judged"
    for entry_id, panel in panels.items():
        assert len(panel) == per_entry == len(set(panel))
        for judge_id in panel:
            assert judge_by_id[judge_id].province != entry_by_id[entry_id].province
    order = [e.id for e in entries]
    for entry_ids in assignments.values():
        assert list(entry_ids) == sorted(entry_ids, key=order.index), "entries listed in contest order"


def test_every_entry_gets_distinct_judges_from_other_provinces_and_load_is_even():
    entries = [make_entry(i + 1, PROVINCES[i % len(PROVINCES)]) for i in range(120)]
    judges = [make_judge(i + 1, p) for i, p in enumerate(["กรุงเทพมหานคร"] * 3 + PROVINCES[:4])]
    assignments = assign_judges(entries, judges, 3, seed=2565)
    check_rules(entries, judges, assignments, 3)
    assert set(assignments) == {j.id for j in judges}
    assert sum(load_counts(assignments).values()) == 360
    assert spread(assignments) <= 1


def assert_truly_infeasible(entries: list[Entry], judges: list[Judge], per_entry: int) -> None:
    """A refusal is right only when some entry has too few judges from other provinces."""
    assert any(sum(is_eligible(j, e) for j in judges) < per_entry for e in entries)


class _FlowNetwork:
    """A small max-flow (Edmonds–Karp) for checking assignments exactly."""

    def __init__(self) -> None:
        self.capacity: dict[object, dict[object, int]] = {}

    def add(self, u: object, v: object, cap: int) -> None:
        self.capacity.setdefault(u, {}).setdefault(v, 0)
        self.capacity[u][v] += cap
        self.capacity.setdefault(v, {}).setdefault(u, 0)

    def max_flow(self, source: object, sink: object) -> int:
        total = 0
        while True:
            parent = {source: None}
            queue = [source]
            for u in queue:
                for v, cap in self.capacity[u].items():
                    if cap > 0 and v not in parent:
                        parent[v] = u
                        queue.append(v)
            if sink not in parent:
                return total
            path, v = [], sink
            while parent[v] is not None:
                path.append((parent[v], v))
                v = parent[v]
            pushed = min(self.capacity[u][v] for u, v in path)
            for u, v in path:
                self.capacity[u][v] -= pushed
                self.capacity[v][u] += pushed
            total += pushed


def loads_possible(entries: list[Entry], judges: list[Judge], per_entry: int, low: int, high: int,
                   allowed=is_eligible) -> bool:
    """Whether panels exist with every judge's load in [low, high] (a circulation with lower bounds)."""
    net = _FlowNetwork()
    demand = per_entry * len(entries)  # source -> entries carries exactly this, as a lower bound
    for e in entries:
        net.add("super-source", ("e", e.id), per_entry)
        for j in judges:
            if allowed(j, e):
                net.add(("e", e.id), ("j", j.id), 1)
    for j in judges:
        net.add(("j", j.id), "sink", high - low)
        net.add(("j", j.id), "super-sink", low)
    net.add("sink", "source", demand)
    net.add("source", "super-sink", demand)
    net.add("super-source", "sink", low * len(judges))
    return net.max_flow("super-source", "super-sink") == demand + low * len(judges)


def optimal_spread(entries: list[Entry], judges: list[Judge], per_entry: int, allowed=is_eligible) -> int:
    """The smallest load spread any assignment can reach (found by max-flow, independently of the code under test)."""
    total = per_entry * len(entries)
    for spread_ in range(total + 1):
        for low in range(total // len(judges) + 1):
            if loads_possible(entries, judges, per_entry, low, low + spread_, allowed):
                return spread_
    raise AssertionError("no assignment at all")


@pytest.mark.parametrize("case", range(60))
def test_random_instances_keep_the_rules_and_the_smallest_possible_spread(case):
    rng = random.Random(case)
    per_entry = rng.randint(1, 3)
    entries, judges = random_instance(rng, rng.randint(5, 80), rng.randint(per_entry + 1, 12))
    try:
        assignments = assign_judges(entries, judges, per_entry, seed=case)
    except ValidationError:
        assert_truly_infeasible(entries, judges, per_entry)
        return
    check_rules(entries, judges, assignments, per_entry)
    best = optimal_spread(entries, judges, per_entry)
    assert spread(assignments) == best
    if best <= 1:
        assert spread(assignments) <= 1


def best_possible_spread(entries: list[Entry], judges: list[Judge], per_entry: int) -> int:
    """Brute force over every possible set of panels (small instances only)."""
    choices = [
        [panel for panel in itertools.combinations([j.id for j in judges], per_entry)
         if all(is_eligible(j, e) for j in judges if j.id in panel)]
        for e in entries
    ]
    best = None
    for panels in itertools.product(*choices):
        counts = {j.id: 0 for j in judges}
        for panel in panels:
            for judge_id in panel:
                counts[judge_id] += 1
        value = max(counts.values()) - min(counts.values())
        best = value if best is None else min(best, value)
    assert best is not None
    return best


@pytest.mark.parametrize("case", range(40))
def test_spread_is_as_small_as_the_province_rule_allows(case):
    """Tight instances, where one province's judges are many: levelling must find the optimum."""
    rng = random.Random(1000 + case)
    provinces = PROVINCES[:3]
    entries = [make_entry(i + 1, rng.choice(provinces)) for i in range(rng.randint(3, 6))]
    judges = [make_judge(i + 1, rng.choice(provinces)) for i in range(rng.randint(3, 5))]
    per_entry = rng.randint(1, 2)
    try:
        assignments = assign_judges(entries, judges, per_entry, seed=case)
    except ValidationError:
        assert_truly_infeasible(entries, judges, per_entry)
        return
    check_rules(entries, judges, assignments, per_entry)
    assert spread(assignments) == best_possible_spread(entries, judges, per_entry)


def test_same_inputs_give_the_same_assignment_and_seed_changes_it():
    rng = random.Random(7)
    entries, judges = random_instance(rng, 60, 9)
    first = assign_judges(entries, judges, 3, seed=1)
    assert assign_judges(list(entries), list(judges), 3, seed=1) == first
    assert list(first) == [j.id for j in judges]
    assert any(assign_judges(entries, judges, 3, seed=s) != first for s in range(2, 8)), "the seed breaks ties"


def test_infeasible_assignment_names_each_short_entry_and_why():
    entries = [make_entry(1, "เชียงใหม่"), make_entry(12, "ขอนแก่น"), make_entry(13, "ขอนแก่น")]
    judges = [
        make_judge(1, "ขอนแก่น"),
        make_judge(2, "ขอนแก่น"),
        make_judge(3, "กรุงเทพมหานคร"),
        make_judge(4, "สงขลา"),
    ]
    with pytest.raises(ValidationError) as caught:
        assign_judges(entries, judges, 3)
    message = str(caught.value)
    assert "entry E012 (ขอนแก่น): only 2 judges are from other provinces, 3 needed" in message
    assert "entry E013 (ขอนแก่น): only 2 judges are from other provinces, 3 needed" in message
    assert "E001" not in message


def test_more_judges_per_entry_than_judges_is_reported():
    entries = [make_entry(1, "น่าน")]
    judges = [make_judge(1, "ภูเก็ต")]
    with pytest.raises(ValidationError, match=r"entry E001 \(น่าน\): only 1 judge is from other provinces, 2 needed"):
        assign_judges(entries, judges, 2)


@pytest.mark.parametrize("per_entry", [0, -1])
def test_per_entry_must_be_positive(per_entry):
    with pytest.raises(ValidationError, match="at least 1"):
        assign_judges([make_entry(1, "น่าน")], [make_judge(1, "ภูเก็ต")], per_entry)


def test_duplicate_ids_are_refused():
    with pytest.raises(ValidationError, match="judge id 'J01' appears more than once"):
        assign_judges([make_entry(1, "น่าน")], [make_judge(1, "ภูเก็ต"), make_judge(1, "ตราด")], 1)


def test_province_spellings_that_mean_the_same_province_count_as_same():
    assert same_province_key("จังหวัดขอนแก่น") == same_province_key(" ขอนแก่น ")
    assert same_province_key("กรุงเทพฯ") == same_province_key("กรุงเทพมหานคร")
    entry = make_entry(1, "ขอนแก่น")
    assert not is_eligible(make_judge(1, "จังหวัดขอนแก่น"), entry)
    assert is_eligible(make_judge(2, ""), entry), "a judge with no province on record is not excluded"


def test_judge_without_work_is_listed_with_no_entries():
    entries = [make_entry(1, "น่าน")]
    judges = [make_judge(1, "ภูเก็ต"), make_judge(2, "ตราด")]
    assignments = assign_judges(entries, judges, 1)
    assert sorted(len(v) for v in assignments.values()) == [0, 1]


# ---------------------------------------------------------------- any rules, calibration entries (plan_panels)


@st.composite
def ruled_instances(draw):
    """A small contest, a random set of forbidden (judge, entry) pairs, some calibration entries, and k."""
    per_entry = draw(st.integers(1, 3))
    n_judges = draw(st.integers(1, 7))
    n_entries = draw(st.integers(1, 12))
    entries = [make_entry(i + 1, draw(st.sampled_from(PROVINCES[:3]))) for i in range(n_entries)]
    judges = [make_judge(i + 1, draw(st.sampled_from(PROVINCES[:4] + [""]))) for i in range(n_judges)]
    pairs = [(j.id, e.id) for j in judges for e in entries]
    forbidden = draw(st.sets(st.sampled_from(pairs), max_size=len(pairs) // 3)) if pairs else set()
    calibration = draw(st.lists(st.sampled_from([e.id for e in entries]), max_size=2, unique=True))
    return entries, judges, per_entry, forbidden, calibration, draw(st.integers(0, 5))


def ruled(forbidden: set[tuple[str, str]]):
    """The province rule plus the forbidden pairs, each with its reason."""
    def excluded(judge: Judge, entry: Entry) -> str | None:
        if not is_eligible(judge, entry):
            return f"same province ({entry.province})"
        return "declared a conflict" if (judge.id, entry.id) in forbidden else None
    return excluded


@settings(max_examples=150, deadline=None)
@given(ruled_instances())
def test_plan_panels_keeps_every_rule_and_the_smallest_spread_or_names_exactly_the_short_entries(instance):
    entries, judges, per_entry, forbidden, calibration, seed = instance
    excluded = ruled(forbidden)

    def allowed(judge: Judge, entry: Entry) -> bool:
        return excluded(judge, entry) is None

    regular = [e for e in entries if e.id not in calibration]
    truly_short = {e.id for e in regular if sum(allowed(j, e) for j in judges) < per_entry}
    try:
        plan = plan_panels(entries, judges, per_entry, excluded=excluded, calibration=calibration, seed=seed)
    except AssignmentInfeasible as exc:
        assert {s.entry_id for s in exc.short} == truly_short != set()
        for short in exc.short:
            entry = next(e for e in entries if e.id == short.entry_id)
            assert set(short.eligible) == {j.id for j in judges if allowed(j, entry)}
            assert dict(short.excluded) == {j.id: excluded(j, entry) for j in judges if not allowed(j, entry)}
            assert short.explain() in str(exc)
        return
    assert truly_short == set()
    assert plan == plan_panels(entries, judges, per_entry, excluded=excluded, calibration=calibration, seed=seed)
    panels = panels_of(plan)
    for entry in entries:
        panel = panels.get(entry.id, [])
        assert len(panel) == len(set(panel)) and all(allowed(next(j for j in judges if j.id == jid), entry)
                                                     for jid in panel)
        if entry.id in calibration:
            assert set(panel) == {j.id for j in judges if allowed(j, entry)}, "every allowed judge"
        else:
            assert len(panel) == per_entry
    order = [e.id for e in entries]
    for entry_ids in plan.values():
        expected_first = [e for e in order if e in calibration and e in entry_ids]
        assert list(entry_ids[:len(expected_first)]) == expected_first, "calibration entries come first"
        rest = list(entry_ids[len(expected_first):])
        assert rest == sorted(rest, key=order.index)
    loads = [sum(e not in calibration for e in plan[j.id]) for j in judges]
    best = optimal_spread(regular, judges, per_entry, allowed) if regular else 0
    assert max(loads) - min(loads) == best
    if best <= 1:
        assert max(loads) - min(loads) <= 1


def test_the_infeasibility_message_says_for_each_short_entry_why_each_other_judge_is_kept_off():
    entry = replace(make_entry(12, "ขอนแก่น"), org_name="เทศบาลเมืองบ้านค้อ")
    judges = [make_judge(1, "สงขลา"), make_judge(2, "น่าน"), make_judge(3, "ขอนแก่น"), make_judge(5, "ตราด"),
              make_judge(7, "ภูเก็ต")]

    def excluded(judge: Judge, e: Entry) -> str | None:
        if e.id != "E012":
            return None
        return {"J03": "same province (ขอนแก่น)", "J05": "tied to organisation เทศบาลเมืองบ้านค้อ",
                "J07": "declared a conflict"}.get(judge.id)

    with pytest.raises(AssignmentInfeasible) as caught:
        plan_panels([entry, make_entry(13, "น่าน")], judges, 3, excluded=excluded)
    assert ("E012 needs 3 judges, only 2 are eligible: J03 same province (ขอนแก่น), "
            "J05 tied to organisation เทศบาลเมืองบ้านค้อ, J07 declared a conflict") in str(caught.value)
    assert "E013" not in str(caught.value)
    assert isinstance(caught.value, ValidationError)
    with pytest.raises(AssignmentInfeasible, match="E001 needs 2 judges, only 1 is eligible: the contest has no more"):
        plan_panels([make_entry(1, "น่าน")], [make_judge(1, "ตราด")], 2)


def test_plan_panels_with_only_the_province_rule_matches_assign_judges():
    rng = random.Random(11)
    entries, judges = random_instance(rng, 40, 8)
    assert plan_panels(entries, judges, 2, seed=3) == assign_judges(entries, judges, 2, seed=3)


def test_a_calibration_entry_nobody_else_may_judge_goes_only_to_those_allowed():
    entries = [make_entry(1, "น่าน"), make_entry(2, "ตราด"), make_entry(3, "ตราด")]
    judges = [make_judge(1, "น่าน"), make_judge(2, "ตราด"), make_judge(3, "สงขลา")]
    plan = plan_panels(entries, judges, 1, calibration=["E003"])
    assert plan["J02"][:1] != ("E003",) and "E003" not in plan["J02"], "J02 is from ตราด like E003"
    assert plan["J01"][0] == "E003" and plan["J03"][0] == "E003"
