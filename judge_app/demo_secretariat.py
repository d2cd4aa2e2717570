"""The secretariat's demo: a contest database with the round half run, so merging can be tried.

:func:`prepare_demo_contest_db` makes, in one folder, the demo contest, a
secretariat key (passphrase "demo", for trying the app out only), the contest
database ``demo.dlgcontest`` with every judge's bundle issued, and the seven
judges played on their own keys (the same simulated judges as
:mod:`judge_app.demo_round`). Their signed score files wait in
``score-files/`` and their enrolment files in ``enrolments/``: nothing is
enrolled or merged yet, that is the officer's part.

It is made once; later calls reuse what is there, so what the officer did
in the demo database stays. A folder left half made (the app was closed while
preparing) is made again from the start.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .atomic import write_bytes_atomic
from .demo import build_demo_contest
from .demo_round import DEMO_PASSPHRASE, play_judge
from .issuing import issue_bundles
from .keys import PrivateKey, read_public_key, save_private_key
from .paths import CONTEST_DB_SUFFIX, ENROLMENT_SUFFIX, SCORE_FILE_SUFFIX, data_dir
from .secretariat import ContestDatabase

DEMO_DB_NAME = f"demo{CONTEST_DB_SUFFIX}"
KEY_NAME = "secretariat.key"
#: Written last: its presence says the folder is complete.
READY_MARKER = "demo-ready.json"
#: What a half-made folder may hold; only these are removed before making it again.
_PARTS = ("contest", "bundles", "judges", "score-files", "enrolments", KEY_NAME, DEMO_DB_NAME,
          DEMO_DB_NAME + "-wal", DEMO_DB_NAME + "-shm")

#: progress(done, total, what): steps done, of how many (0 while not known yet), and the step under way.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class DemoContestDb:
    """Where the parts of the secretariat demo are."""

    folder: Path
    db_path: Path
    key_path: Path
    passphrase: str
    bundles_dir: Path
    score_files: tuple[Path, ...]
    enrolments: tuple[Path, ...]
    secretariat_fingerprint: str


def demo_contest_folder() -> Path:
    """The demo's folder in this computer's data folder (apart from the judge demo's)."""
    return data_dir() / "secretariat-demo"


def prepare_demo_contest_db(folder: Path | None = None, *, seed: int = 2565, entry_count: int = 120,
                            progress: Progress | None = None) -> DemoContestDb:
    """Make the demo contest database in ``folder`` (the data folder's by default), or reuse it."""
    folder = Path(folder) if folder is not None else demo_contest_folder()
    if (folder / READY_MARKER).is_file() and (folder / DEMO_DB_NAME).is_file():
        return _found(folder)
    _remove_half_made(folder)
    folder.mkdir(parents=True, exist_ok=True)
    report = progress or (lambda done, total, what: None)
    report(0, 0, "contest")
    contest = build_demo_contest(folder / "contest", seed=seed, entry_count=entry_count)
    round_id = contest.rounds[0].id
    total = 2 + len(contest.judges)
    report(1, total, "bundles")
    secretariat = PrivateKey.generate()
    save_private_key(folder / KEY_NAME, secretariat, DEMO_PASSPHRASE, label="demo secretariat")
    with ContestDatabase.create(folder / DEMO_DB_NAME, contest, folder / "contest", secretariat.public_key) as db:
        issued = issue_bundles(db, secretariat, folder / "bundles", round_id=round_id)
    for number, item in enumerate(issued):
        report(2 + number, total, item.judge_id)
        # play_judge writes the enrolment file beside the score files' folder: folder/enrolments
        play_judge(item.path, folder / "judges" / item.judge_id, folder / "score-files", seed=seed)
    marker = {"seed": seed, "entries": len(contest.entries), "judges": [item.judge_id for item in issued],
              "secretariat_fingerprint": secretariat.public_key.fingerprint}
    write_bytes_atomic(folder / READY_MARKER, json.dumps(marker, ensure_ascii=False, indent=2).encode("utf-8"))
    report(total, total, "")
    return _found(folder)


def _found(folder: Path) -> DemoContestDb:
    key_path = folder / KEY_NAME
    return DemoContestDb(
        folder=folder,
        db_path=folder / DEMO_DB_NAME,
        key_path=key_path,
        passphrase=DEMO_PASSPHRASE,
        bundles_dir=folder / "bundles",
        score_files=tuple(sorted((folder / "score-files").glob(f"*{SCORE_FILE_SUFFIX}"))),
        enrolments=tuple(sorted((folder / "enrolments").glob(f"*{ENROLMENT_SUFFIX}"))),
        secretariat_fingerprint=read_public_key(key_path).fingerprint,
    )


def _remove_half_made(folder: Path) -> None:
    """Remove what an interrupted earlier try left (the demo's own parts only, nothing else in the folder)."""
    import shutil

    for name in _PARTS:
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()


__all__ = ["DEMO_DB_NAME", "DemoContestDb", "demo_contest_folder", "prepare_demo_contest_db"]
