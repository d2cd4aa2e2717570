"""Coverage-guided fuzzing (atheris, i.e. libFuzzer for Python) of every reader of outside files.

    .venv/bin/pip install atheris        # optional; not a dependency of the app or its tests
    .venv/bin/python fuzz/fuzz_readers.py TARGET [libFuzzer options] [corpus folders]
    .venv/bin/python fuzz/fuzz_readers.py manifest -max_total_time=60 -max_len=262144

Targets (the fuzzer's bytes are):
    bundle      a whole .dlgbundle file               -> judge_app.bundle.open_bundle
    manifest    manifest.json, signed by the key it names, packed with the real attachments
    scorefile   a whole score file                    -> judge_app.scorefile.parse_score_file
    payload     scores.json, signed by the key it names, packed as a score file
    enrolment   a whole enrolment file                -> judge_app.enrolment.read_enrolment
    csv         a portal export                       -> table_files.read_table, importers.preview_import, paper.read_typing_csv
    xlsx        the first worksheet's XML in a workbook -> the same
    contest     a contest JSON file                   -> judge_app.contest_json.load_contest (and the rubric in it)
    canonical   any bytes                             -> judge_app.canonical.loads

Without a corpus folder, one is seeded from real files (the demo contest, a real bundle and
score file). Any exception other than the project's own (JudgeAppError and subclasses) is a
crash: libFuzzer stops and writes the input to crash-<sha1>; replay it with
``.venv/bin/python fuzz/fuzz_readers.py TARGET crash-<sha1>``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "tests")]

with atheris.instrument_imports(include=["judge_app", "openpyxl"]):
    import openpyxl  # noqa: F401 - the importer imports it lazily; instrument it too
    from judge_app import canonical
    from judge_app.bundle import MANIFEST, MANIFEST_SIGNATURE, open_bundle
    from judge_app.container import open_container
    from judge_app.container_write import write_container
    from judge_app.enrolment import read_enrolment, write_enrolment
    from judge_app.errors import JudgeAppError
    from judge_app.importers import guess_mapping, preview_import
    from judge_app.table_files import read_table
    from judge_app.keys import PrivateKey
    from judge_app.contest_json import load_contest
    from judge_app.paper import read_typing_csv
    from judge_app.scorefile import MINISIG, PAYLOAD, SSH_NAMESPACE, SSHSIG, parse_score_file
    from judge_app.signatures import minisign_sign, sshsig_sign

import hostile_zips  # noqa: E402  (tests/hostile_zips.py: the hand-written workbook)

WORK = Path(tempfile.mkdtemp(prefix="dlg-fuzz-"))
KEY = PrivateKey.generate()
STATE: dict[str, object] = {}


# ----------------------------------------------------------------- targets


def _file(data: bytes, name: str) -> Path:
    path = WORK / name
    path.write_bytes(data)
    return path


def _with_key(data: bytes) -> bytes:
    """Let the JSON name our key where the seed says @KEY@ (readers take the signer's key from the payload)."""
    return data.replace(b"@KEY@", KEY.public_key.to_base64().encode()).replace(
        b"@FINGERPRINT@", KEY.public_key.fingerprint.encode())


def bundle(data: bytes) -> None:
    open_bundle(_file(data, "b.dlgbundle"), None)


def manifest(data: bytes) -> None:
    data = _with_key(data)
    signature = minisign_sign(KEY, data, trusted_comment="fuzz").encode()
    attachments = STATE["attachments"]
    write_container(WORK / "m.dlgbundle", [(MANIFEST, data), (MANIFEST_SIGNATURE, signature), *attachments])
    open_bundle(WORK / "m.dlgbundle", None)


def scorefile(data: bytes) -> None:
    parse_score_file(data, scratch=WORK)


def payload(data: bytes) -> None:
    data = _with_key(data)
    members = [(PAYLOAD, data), (MINISIG, minisign_sign(KEY, data, trusted_comment="fuzz").encode()),
               (SSHSIG, sshsig_sign(KEY, data, namespace=SSH_NAMESPACE).encode())]
    write_container(WORK / "p.dlgscores", members)
    parse_score_file((WORK / "p.dlgscores").read_bytes(), scratch=WORK)


def enrolment(data: bytes) -> None:
    read_enrolment(_file(data, "e.dlgenrol"))


def _import(path: Path) -> None:
    try:
        table = read_table(path)
        preview_import(table, guess_mapping(table.headers), STATE["entries"])
    finally:
        try:
            read_typing_csv(path)
        except JudgeAppError:
            pass


def csv(data: bytes) -> None:
    _import(_file(data, "portal.csv"))


def xlsx(data: bytes) -> None:
    members = hostile_zips.replace_part(hostile_zips.xlsx_members(b""), hostile_zips.SHEET,
                                        hostile_zips.deflated(hostile_zips.SHEET, data, flags=0))
    _import(_file(hostile_zips.build(members), "portal.xlsx"))


def contest(data: bytes) -> None:
    load_contest(_file(data, "contest.json"))  # the rubric is read and checked as part of the contest


def canonical_loads(data: bytes) -> None:
    canonical.loads(data)


TARGETS = {
    "bundle": bundle, "manifest": manifest, "scorefile": scorefile, "payload": payload, "enrolment": enrolment,
    "csv": csv, "xlsx": xlsx, "contest": contest, "canonical": canonical_loads,
}


# ----------------------------------------------------------------- seeds from real files


def seed(target: str, folder: Path) -> None:
    """Real inputs of each kind, so the fuzzer starts past the parsers' first checks."""
    from dataclasses import replace

    from conftest import IssuedRound, play_judge
    from judge_app.demo import build_demo_contest
    from judge_app.issuing import issue_bundles
    from judge_app.contest_json import contest_to_json
    from judge_app.secretariat import ContestDatabase

    demo = WORK / "demo"
    full = build_demo_contest(demo)
    round_ = full.rounds[0]
    mine = round_.entries_of("J01")[:2]
    small = replace(full, entries=tuple(full.entry(e) for e in mine), judges=(full.judge("J01"),),
                    rounds=(replace(round_, assignments={"J01": mine}),))
    STATE["entries"] = full.entries[:20]
    secretariat = PrivateKey.generate()
    with ContestDatabase.create(WORK / "contest.db", small, demo, secretariat.public_key) as db:
        issued = issue_bundles(db, secretariat, WORK / "bundles", round_id=round_.id)
    bundle_path = issued[0].path
    with open_container(bundle_path) as box:
        members = {n: box.read(n) for n in box.names}
    STATE["attachments"] = [(n, d) for n, d in members.items() if n not in (MANIFEST, MANIFEST_SIGNATURE)]
    played = play_judge(IssuedRound(WORK, small, WORK / "contest.db", {"J01": bundle_path}, secretariat), "J01",
                        WORK / "played")
    with open_container(played.score_file) as box:
        score_payload = json.loads(box.read(PAYLOAD))
    tree = json.loads(members[MANIFEST])
    tree["secretariat"]["public_key"] = "@KEY@"
    score_payload.update(judge_public_key="@KEY@", judge_fingerprint="@FINGERPRINT@")
    write_enrolment(WORK / "seed.dlgenrol", "J01", "กรรมการ", KEY)
    seeds = {
        "bundle": [bundle_path.read_bytes()],
        "manifest": [json.dumps(tree, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()],
        "scorefile": [played.score_file.read_bytes()],
        "payload": [json.dumps(score_payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()],
        "enrolment": [(WORK / "seed.dlgenrol").read_bytes()],
        "csv": ["รหัส,ชื่อหน่วยงาน,ประเภท อปท.,จังหวัด,ชื่อผลงาน,อีเมล\nE900,อบต.ทดสอบ,อบต.,น่าน,ผลงาน,a@b.th\n"
                .encode(enc) for enc in ("utf-8", "utf-8-sig", "cp874")]
               + [b"judge_id,entry_id,criterion_id,score,comment\nJ01,E001,c1,3.5,\n"],
        "xlsx": [hostile_zips.sheet([["id", "organisation", "type", "province", "title"],
                                     ["E1", "อบต.ก", "อบต.", "น่าน", "ผลงาน"]])],
        "contest": [json.dumps(contest_to_json(small), ensure_ascii=False, indent=1).encode()],
        "canonical": [members[MANIFEST], b'{"a":[1,"2",null,true]}'],
    }
    folder.mkdir(parents=True, exist_ok=True)
    for number, data in enumerate(seeds[target]):
        (folder / f"seed-{number}").write_bytes(data)


# ----------------------------------------------------------------- libFuzzer entry


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options] [corpus folders]")
    target = sys.argv.pop(1)
    run = TARGETS[target]
    corpus = WORK / f"corpus-{target}"
    seed(target, corpus)
    if not any(not arg.startswith("-") for arg in sys.argv[1:]):
        sys.argv.append(str(corpus))

    def test_one_input(data: bytes) -> None:
        try:
            run(data)
        except JudgeAppError:
            pass  # a clear refusal: what hostile input should get

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
