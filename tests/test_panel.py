"""The judging panel in the contest database: judges, ties, conflicts, assignment, manual changes, calibration."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import play_judge, run_cli
from judge_app.assignment import AssignmentInfeasible, same_province_key
from judge_app.bundle import open_bundle
from judge_app.errors import SecretariatError, ValidationError
from judge_app.issuing import issue_bundles
from judge_app.keys import PrivateKey
from judge_app.merge import ACCEPTED, merge_files
from judge_app.model import Contact, Contest, Entry, Judge
from judge_app.panel import (
    AssignmentRefused,
    add_judge,
    add_tie,
    assign_round,
    assignment_history,
    assignment_violations,
    calibration_entries,
    calibration_gaps,
    change_assignment,
    conflicts,
    declare_conflict,
    judge_rows,
    remove_tie,
    set_calibration_entries,
    stale_bundles,
    ties,
    update_judge,
    withdraw_conflict,
)
from judge_app.secretariat import ContestDatabase
from test_assignment import optimal_spread


@pytest.fixture
def db(demo, secretariat_key, tmp_path):
    folder, contest = demo
    with ContestDatabase.create(tmp_path / "contest.db", contest, folder, secretariat_key.public_key) as opened:
        yield opened


def round_of(db: ContestDatabase) -> str:
    return db.contest.rounds[0].id


def panels(db: ContestDatabase, round_id: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for judge_id, entry_ids in db.contest.round(round_id).assignments.items():
        for entry_id in entry_ids:
            found.setdefault(entry_id, set()).add(judge_id)
    return found


def reopened(db: ContestDatabase) -> ContestDatabase:
    """What another program sees: a fresh connection to the same file."""
    return ContestDatabase.open(db.path)


def small_contest(base: Contest, entries: list[Entry], judges: list[Judge]) -> Contest:
    return replace(base, entries=tuple(entries), judges=tuple(judges),
                   rounds=(replace(base.rounds[0], assignments={}),))


def entry(number: int, province: str, org: str = "") -> Entry:
    return Entry(f"E{number:03d}", org or f"องค์การบริหารส่วนตำบลทดสอบ{number}", "sao", province, "ระบบทดสอบ", "",
                 Contact("", "", ""))


# ---------------------------------------------------------------- judges


def test_a_judge_is_added_and_edited_in_the_contest_and_a_duplicate_id_is_refused(db):
    new = Judge("J08", "  นางสาวกานดา   ใจดี ", "มหาวิทยาลัยขอนแก่น", "ขอนแก่น", "อาจารย์")
    assert add_judge(db, new).name == "นางสาวกานดา ใจดี"
    with reopened(db) as other:
        assert other.contest.judge("J08") == Judge("J08", "นางสาวกานดา ใจดี", "มหาวิทยาลัยขอนแก่น", "ขอนแก่น", "อาจารย์")
    with pytest.raises(SecretariatError, match=r"there is already a judge J01 \(ดร.ณัฐพงศ์ ปั้นทองคำ\)"):
        add_judge(db, Judge("J01", "คนอื่น", "", "", ""))
    with pytest.raises(ValidationError, match="judge id 'J 9' is not valid"):
        add_judge(db, Judge("J 9", "ชื่อ", "", "", ""))
    with pytest.raises(ValidationError, match="judge J09 needs a name"):
        add_judge(db, Judge("J09", "  ", "", "", ""))
    update_judge(db, replace(new, province="อุดรธานี", position="รองศาสตราจารย์"))
    with reopened(db) as other:
        assert other.contest.judge("J08").province == "อุดรธานี"
        assert [j.id for j in other.contest.judges] == [f"J0{n}" for n in range(1, 9)]
    with pytest.raises(SecretariatError, match="there is no judge J99"):
        update_judge(db, replace(new, id="J99"))


def test_the_judge_list_shows_the_active_key_its_history_the_load_and_the_ties(db):
    r = round_of(db)
    first, second = PrivateKey.generate(), PrivateKey.generate()
    db.enrol_key("J02", first.public_key, how="test")
    db.revoke_key("J02", "laptop lost")
    db.enrol_key("J02", second.public_key, how="test")
    add_tie(db, "J03", "organisation", "เทศบาลนครขอนแก่น")
    rows = {row.judge.id: row for row in judge_rows(db, r)}
    assert rows["J02"].fingerprint == second.public_key.fingerprint and rows["J02"].keys_ever == 2
    assert rows["J01"].fingerprint is None and rows["J01"].keys_ever == 0
    assert rows["J01"].load == len(db.contest.round(r).entries_of("J01")) > 0
    assert [t.value for t in rows["J03"].ties] == ["เทศบาลนครขอนแก่น"] and rows["J01"].ties == ()


# ---------------------------------------------------------------- ties


def test_an_organisation_tie_matches_whatever_the_spacing_and_case_and_keeps_the_judge_off(db):
    r = round_of(db)
    target = db.contest.entries[0]
    on_it = sorted(panels(db, r)[target.id])[0]
    spaced = "  " + target.org_name.replace(" ", "   ").upper() + " "
    add_tie(db, on_it, "organisation", spaced)
    with pytest.raises(SecretariatError, match="already tied to organisation"):
        add_tie(db, on_it, "organisation", target.org_name)
    assert (on_it, target.id) in {(j, e) for j, e, _ in assignment_violations(db, r)}
    assign_round(db, r, 3, seed=5)
    for e in db.contest.entries:
        if " ".join(e.org_name.split()).casefold() == " ".join(target.org_name.split()).casefold():
            assert on_it not in panels(db, r)[e.id]
    assert assignment_violations(db, r) == []
    remove_tie(db, on_it, "organisation", target.org_name.lower())
    assert ties(db, on_it) == []
    with pytest.raises(SecretariatError, match="has no tie"):
        remove_tie(db, on_it, "organisation", target.org_name)


def test_a_province_tie_and_the_judges_own_province_keep_the_judge_off(db):
    r = round_of(db)
    provinces = sorted({e.province for e in db.contest.entries}, key=lambda p: -sum(
        e.province == p for e in db.contest.entries))
    add_tie(db, "J01", "province", "จังหวัด" + provinces[0])
    with pytest.raises(SecretariatError, match="own province"):
        add_tie(db, "J05", "province", "ขอนแก่น")
    with pytest.raises(ValidationError, match="name the province"):
        add_tie(db, "J05", "province", "  ")
    with pytest.raises(ValidationError, match="a tie is to one of"):
        add_tie(db, "J05", "family", "x")
    assign_round(db, r, 3, seed=1)
    contest = db.contest
    for entry_id, panel in panels(db, r).items():
        province = same_province_key(contest.entry(entry_id).province)
        if province == same_province_key(provinces[0]):
            assert "J01" not in panel
        for judge_id in panel:
            assert same_province_key(contest.judge(judge_id).province) != province


# ---------------------------------------------------------------- declared conflicts


def test_conflicts_declared_to_the_secretariat_and_in_merged_score_files_are_never_assigned(issued, tmp_path):
    played = play_judge(issued, "J01", tmp_path, conflicts=1)
    with issued.open_db() as db:
        r = round_of(db)
        db.enrol_key("J01", played.key.public_key, how="test")
        assert [o.status for o in merge_files(db, [played.score_file])] == [ACCEPTED]
        in_file = db.contest.round(r).entries_of("J01")[0]
        declared = db.contest.round(r).entries_of("J02")[3]
        declare_conflict(db, r, "J02", declared, "  เคยเป็นที่ปรึกษา   โครงการ ")
        with pytest.raises(SecretariatError, match="already declared"):
            declare_conflict(db, r, "J02", declared, "อีกครั้ง")
        with pytest.raises(ValidationError, match="say why"):
            declare_conflict(db, r, "J03", declared, " ")
        found = {(c.judge_id, c.entry_id): c for c in conflicts(db, r)}
        assert found[("J01", in_file)].source == "signed" and found[("J01", in_file)].reason
        assert found[("J02", declared)].source == "declared"
        assert found[("J02", declared)].reason == "เคยเป็นที่ปรึกษา โครงการ"
        assign_round(db, r, 3, seed=77)
        assert "J01" not in panels(db, r)[in_file] and "J02" not in panels(db, r)[declared]
        with pytest.raises(AssignmentRefused, match=f"judge J02 may not judge entry {declared}: declared a conflict"):
            change_assignment(db, r, "J02", declared, add=True, why="ลองดู")
        with pytest.raises(AssignmentInfeasible) as caught:
            assign_round(db, r, 7)
        assert f"{in_file} needs 7 judges" in str(caught.value) and "J01 declared a conflict" in str(caught.value)
        withdraw_conflict(db, r, "J02", declared)
        assert ("J02", declared) not in {(c.judge_id, c.entry_id) for c in conflicts(db, r)}


# ---------------------------------------------------------------- automatic assignment


def test_infeasible_assignment_explains_each_short_entry_and_changes_nothing(demo, secretariat_key, tmp_path):
    folder, base = demo
    judges = [Judge("J01", "หนึ่ง", "", "สงขลา", ""), Judge("J02", "สอง", "", "น่าน", ""),
              Judge("J03", "สาม", "", "ขอนแก่น", ""), Judge("J05", "ห้า", "", "ตราด", ""),
              Judge("J07", "เจ็ด", "", "ภูเก็ต", "")]
    entries = [entry(12, "ขอนแก่น", "เทศบาลเมืองบ้านค้อ"), entry(13, "น่าน")]
    with ContestDatabase.create(tmp_path / "c.db", small_contest(base, entries, judges), folder,
                                secretariat_key.public_key) as db:
        r = round_of(db)
        add_tie(db, "J05", "organisation", "เทศบาลเมือง บ้านค้อ".replace(" ", ""))
        declare_conflict(db, r, "J07", "E012", "ญาติทำงานที่นั่น")
        before = db.meta("contest_json")
        with pytest.raises(AssignmentInfeasible) as caught:
            assign_round(db, r, 3)
        assert ("E012 needs 3 judges, only 2 are eligible: J03 same province (ขอนแก่น), "
                "J05 tied to organisation เทศบาลเมืองบ้านค้อ, J07 declared a conflict") in str(caught.value)
        assert [s.entry_id for s in caught.value.short] == ["E012"]
        assert db.meta("contest_json") == before and assignment_history(db, r) == []
        assign_round(db, r, 2)
        assert panels(db, r)["E012"] == {"J01", "J02"} and "J02" not in panels(db, r)["E013"]


def test_assignment_is_recorded_with_its_log_row_and_is_the_same_for_the_same_seed(db):
    r = round_of(db)
    first = assign_round(db, r, 3, seed=9)
    assert max(first.loads.values()) - min(first.loads.values()) <= 1
    assert sum(first.loads.values()) == 3 * len(db.contest.entries)
    with reopened(db) as other:
        assert other.contest.round(r).assignments == first.assignments
        stored = other.meta("contest_json")
    again = assign_round(db, r, 3, seed=9)
    assert again.assignments == first.assignments and again.changed == ()
    assert db.meta("contest_json") == stored
    assert assign_round(db, r, 3, seed=10).assignments != first.assignments
    log = assignment_history(db, r)
    assert [row.action for row in log] == ["auto"] * 3
    assert log[0].detail["per_entry"] == 3 and log[0].detail["seed"] == 9 and log[0].detail["loads"] == first.loads
    assert "3 judges per entry, seed 9" in log[0].describe()


@st.composite
def ruled_contests(draw):
    """A small contest with province spellings, organisation names, ties, conflicts and calibration entries."""
    provinces = ["ขอนแก่น", "น่าน", "ตราด"]
    spellings = {p: [p, "จังหวัด" + p, f" {p} "] for p in provinces}
    orgs = ["เทศบาลเมืองบ้านค้อ", "Ban Kho Town", "อบต.หนองบัว"]
    n_entries, n_judges = draw(st.integers(1, 9)), draw(st.integers(1, 6))
    entries = [entry(i + 1, draw(st.sampled_from(provinces)), draw(st.sampled_from(orgs))) for i in range(n_entries)]
    judges = [Judge(f"J{i + 1:02d}", f"กรรมการ {i + 1}", "",
                    draw(st.sampled_from([""] + [s for p in provinces for s in spellings[p]])).strip(), "")
              for i in range(n_judges)]
    tie = st.tuples(st.sampled_from([j.id for j in judges]),
                    st.one_of(st.tuples(st.just("province"), st.sampled_from(provinces).map(lambda p: "จังหวัด" + p)),
                              st.tuples(st.just("organisation"),
                                        st.sampled_from(orgs).map(lambda o: "  " + o.upper().replace(" ", "  ")))))
    ties_ = draw(st.lists(tie, max_size=4, unique_by=lambda t: (t[0], t[1][0], t[1][1])))
    pairs = [(j.id, e.id) for j in judges for e in entries]
    declared = draw(st.sets(st.sampled_from(pairs), max_size=3))
    calibration = draw(st.lists(st.sampled_from([e.id for e in entries]), max_size=2, unique=True))
    return entries, judges, ties_, declared, calibration, draw(st.integers(1, 3)), draw(st.integers(0, 9))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=ruled_contests())
def test_random_contests_never_break_a_rule_and_short_entries_are_named_exactly(demo, secretariat_key, case):
    entries, judges, ties_, declared, calibration, per_entry, seed = case
    folder, base = demo

    def allowed(judge: Judge, e: Entry) -> bool:
        """The rules restated independently of the code under test."""
        same = judge.province and same_province_key(judge.province) == same_province_key(e.province)
        tied = any(j == judge.id and ((kind == "province" and same_province_key(v) == same_province_key(e.province))
                                      or (kind == "organisation" and " ".join(v.split()).casefold()
                                          == " ".join(e.org_name.split()).casefold()))
                   for j, (kind, v) in ties_)
        return not same and not tied and (judge.id, e.id) not in declared

    with tempfile.TemporaryDirectory() as scratch:
        db = ContestDatabase.create(Path(scratch) / "c.db", small_contest(base, entries, judges), folder,
                                    secretariat_key.public_key)
        with db:
            r = round_of(db)
            for judge_id, (kind, value) in ties_:
                try:
                    add_tie(db, judge_id, kind, value)
                except SecretariatError:  # the judge's own province: a tie already
                    pass
            for judge_id, entry_id in declared:
                declare_conflict(db, r, judge_id, entry_id, "มีส่วนได้เสีย")
            set_calibration_entries(db, r, calibration)
            regular = [e for e in entries if e.id not in calibration]
            short = {e.id for e in regular if sum(allowed(j, e) for j in judges) < per_entry}
            try:
                outcome = assign_round(db, r, per_entry, seed=seed)
            except AssignmentInfeasible as exc:
                assert {s.entry_id for s in exc.short} == short != set()
                assert db.contest.round(r).assignments == {}
                return
            assert short == set()
            with reopened(db) as other:
                contest = other.contest
            stored: dict[str, set[str]] = {}
            for judge_id, entry_ids in contest.round(r).assignments.items():
                for entry_id in entry_ids:
                    stored.setdefault(entry_id, set()).add(judge_id)
            for e in entries:
                panel = stored.get(e.id, set())
                assert all(allowed(contest.judge(j), e) for j in panel)
                if e.id in calibration:
                    assert panel == {j.id for j in judges if allowed(j, e)}
                else:
                    assert len(panel) == per_entry
            for entry_ids in contest.round(r).assignments.values():
                firsts = [e for e in calibration_entries(db, r) if e in entry_ids]
                assert list(entry_ids[:len(firsts)]) == firsts
            loads = [outcome.loads[j.id] for j in judges]
            best = optimal_spread(regular, judges, per_entry, allowed) if regular else 0
            assert max(loads) - min(loads) == best, "as even as the rules allow (so at most 1 where possible)"
            assert calibration_gaps(db, r) == []


# ---------------------------------------------------------------- manual changes and bundles out of date


def test_manual_changes_are_refused_with_a_reason_or_logged_with_the_officers_reason(db):
    r = round_of(db)
    assign_round(db, r, 3, seed=4)
    contest = db.contest
    target = next(e for e in contest.entries if same_province_key(e.province) == same_province_key("ขอนแก่น"))
    with pytest.raises(AssignmentRefused, match=rf"judge J05 may not judge entry {target.id}: same province \(ขอนแก่น\)"):
        change_assignment(db, r, "J05", target.id, add=True, why="ขอเพิ่ม")
    on_it = sorted(panels(db, r)[target.id])
    with pytest.raises(AssignmentRefused, match=f"judge {on_it[0]} already has entry {target.id}"):
        change_assignment(db, r, on_it[0], target.id, add=True, why="ขอเพิ่ม")
    off = next(j.id for j in contest.judges if j.id not in on_it and j.id != "J05")
    with pytest.raises(AssignmentRefused, match=f"judge {off} does not have entry {target.id}"):
        change_assignment(db, r, off, target.id, add=False, why="ถอน")
    with pytest.raises(ValidationError, match="give the reason"):
        change_assignment(db, r, off, target.id, add=True, why="  ")
    with pytest.raises(SecretariatError, match="there is no entry E999"):
        change_assignment(db, r, off, "E999", add=True, why="x")
    assert len(assignment_history(db, r)) == 1, "nothing refused was logged"

    removed = change_assignment(db, r, on_it[0], target.id, add=False, why="กรรมการลาป่วย")
    assert removed.warning == f"{target.id} now has 2 judges, 3 needed"
    added = change_assignment(db, r, off, target.id, add=True, why="แทนกรรมการที่ลาป่วย")
    assert added.warning is None
    with reopened(db) as other:
        assert panels(other, r)[target.id] == set(on_it[1:]) | {off}
        order = [e.id for e in other.contest.entries]
        mine = other.contest.round(r).entries_of(off)
        assert list(mine) == sorted(mine, key=order.index), "the judge's list stays in contest order"
    log = assignment_history(db, r)
    assert [(row.action, row.judge_id, row.entry_id, row.detail["why"]) for row in log[1:]] == [
        ("remove", on_it[0], target.id, "กรรมการลาป่วย"), ("add", off, target.id, "แทนกรรมการที่ลาป่วย")]
    assert log[1].detail["warning"] == removed.warning
    assert "removed from" in log[1].describe() and "กรรมการลาป่วย" in log[1].describe()


def test_bundles_issued_before_a_change_are_named_out_of_date_until_issued_again(issued):
    with issued.open_db() as db:
        r = round_of(db)
        same = assign_round(db, r, 3, seed=2565)
        assert same.changed == () and same.stale == (), "the demo's own assignment: bundles still good"
        moved = assign_round(db, r, 3, seed=1)
        assert moved.changed and {s.judge_id for s in moved.stale} == set(moved.changed)
        issue_bundles(db, issued.secretariat, issued.folder / "again", round_id=r, judge_ids=list(moved.changed))
        assert stale_bundles(db, r) == [], "issued again right away: not mistaken for the old bundles"
        victim = db.contest.round(r).entries_of("J04")[-1]
        change = change_assignment(db, r, "J04", victim, add=False, why="ทดสอบ")
        assert [s.judge_id for s in change.stale] == ["J04"]
        assert "now has" in change.stale[0].why or "changed after" in change.stale[0].why


# ---------------------------------------------------------------- calibration entries


def test_calibration_entries_come_first_for_every_judge_and_stay_out_of_the_balance(issued, tmp_path):
    with issued.open_db() as db:
        r = round_of(db)
        contest = db.contest
        chosen = [contest.entries[40].id, contest.entries[2].id]
        with pytest.raises(SecretariatError, match="has no entry E999"):
            set_calibration_entries(db, r, ["E999"])
        assert set_calibration_entries(db, r, chosen) == (contest.entries[2].id, contest.entries[40].id)
        assert calibration_entries(db, r) == (contest.entries[2].id, contest.entries[40].id)
        assert calibration_gaps(db, r) != [], "not given out until assigned again"
        outcome = assign_round(db, r, 3, seed=3)
        assert calibration_gaps(db, r) == []
        assert max(outcome.loads.values()) - min(outcome.loads.values()) <= 1
        assert sum(outcome.loads.values()) == 3 * (len(contest.entries) - 2)
        for judge in contest.judges:
            mine = db.contest.round(r).entries_of(judge.id)
            allowed = [e for e in calibration_entries(db, r)
                       if (judge.id, e) not in {(j, e2) for j, e2, _ in outcome.calibration_skipped}]
            assert list(mine[:len(allowed)]) == allowed
        skipped = {(j, e) for j, e, _ in outcome.calibration_skipped}
        for j, e, why in outcome.calibration_skipped:
            assert why.startswith("same province")
        issued_now = issue_bundles(db, issued.secretariat, tmp_path / "bundles", round_id=r, judge_ids=["J01"])
        opened = open_bundle(issued_now[0].path, None)
        firsts = [e for e in calibration_entries(db, r) if ("J01", e) not in skipped]
        assert list(opened.entry_ids[:len(firsts)]) == firsts and firsts
        assert set_calibration_entries(db, r, []) == ()


# ---------------------------------------------------------------- the command line


def cli_db(demo, secretariat_key, tmp_path) -> Path:
    folder, contest = demo
    path = tmp_path / "contest.db"
    ContestDatabase.create(path, contest, folder, secretariat_key.public_key).close()
    return path


def test_the_panel_commands_work_in_a_fresh_process(demo, secretariat_key, tmp_path):
    path = str(cli_db(demo, secretariat_key, tmp_path))
    added = run_cli("secretariat", "judge-add", path, "--id", "J08", "--name", "นางสาวกานดา ใจดี",
                    "--affiliation", "มหาวิทยาลัยขอนแก่น", "--province", "ขอนแก่น", "--position", "อาจารย์")
    assert "added judge J08" in added.stdout
    assert run_cli("secretariat", "judge-add", path, "--id", "J08", "--name", "x", check=False).returncode == 2
    run_cli("secretariat", "judge-edit", path, "--id", "J08", "--position", "รองศาสตราจารย์")
    run_cli("secretariat", "tie", path, "--judge", "J08", "--organisation", "เทศบาลนครขอนแก่น")
    run_cli("secretariat", "tie", path, "--judge", "J01", "--province", "น่าน")
    assert "no longer tied" in run_cli("secretariat", "tie", path, "--judge", "J01", "--province", "น่าน",
                                       "--remove").stdout
    with ContestDatabase.open(Path(path)) as db:
        e = db.contest.entries[0].id
        key = PrivateKey.generate()
        db.enrol_key("J02", key.public_key, how="test")
    run_cli("secretariat", "declare-conflict", path, "--judge", "J03", "--entry", e, "--reason", "ญาติ")
    calibrated = run_cli("secretariat", "calibration", path, "E001", "E002")
    assert "E001, E002" in calibrated.stdout and "do not have them first yet" in calibrated.stdout
    assigned = run_cli("secretariat", "assign", path, "--per-entry", "3", "--seed", "4")
    assert "3 judges per entry (seed 4)" in assigned.stdout and "+ 2 calibration" in assigned.stdout
    listing = run_cli("secretariat", "judges", path).stdout
    assert "no key" in listing and key.public_key.fingerprint in listing
    assert "organisation เทศบาลนครขอนแก่น" in listing and "J08" in listing
    refused = run_cli("secretariat", "assignment-change", path, "--judge", "J03", "--entry", e, "--add",
                      "--why", "ลอง", check=False)
    assert refused.returncode == 1 and "declared a conflict" in refused.stderr
    with ContestDatabase.open(Path(path)) as db:
        victim = db.contest.round(round_of(db)).entries_of("J04")[-1]
    removed = run_cli("secretariat", "assignment-change", path, "--judge", "J04", "--entry", victim, "--remove",
                      "--why", "ลาป่วย")
    assert f"warning: {victim} now has 2 judges, 3 needed" in removed.stdout
    infeasible = run_cli("secretariat", "assign", path, "--per-entry", "8", check=False)
    assert infeasible.returncode == 2 and "needs 8 judges, only" in infeasible.stderr
    log = run_cli("secretariat", "assignment-log", path).stdout
    assert "automatic: 3 judges per entry, seed 4" in log and "ลาป่วย" in log
    assert "none" in run_cli("secretariat", "calibration", path, "--clear").stdout


def test_assign_names_out_of_date_bundles(issued):
    out = run_cli("secretariat", "assign", str(issued.db_path), "--per-entry", "3", "--seed", "1").stdout
    assert "issued bundles are out of date" in out and "--judge J0" in out
    with issued.open_db() as db:
        assert json.loads(db.conn.execute("SELECT detail FROM assignment_log").fetchone()[0])["seed"] == 1
