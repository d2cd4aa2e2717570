"""Shared fixtures: a real demo contest, real keys, a real issued round.

Qt runs offscreen (set before Qt is imported anywhere), and every test gets
its own per-user data folder so nothing touches the real one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from judge_app.demo import build_demo_contest  # noqa: E402
from judge_app.issuing import IssuedBundle, issue_bundles  # noqa: E402
from judge_app.keys import PrivateKey  # noqa: E402
from judge_app.model import Contest  # noqa: E402
from judge_app.secretariat import ContestDatabase  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_tool(name: str) -> str:
    """The tool's path; skip without it on a person's machine, fail under CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (./dev test installs it)"
        if IN_CI:
            pytest.fail(message + "; CI must run this test")
        pytest.skip(message)
    return path


@pytest.fixture(autouse=True)
def judge_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "judge-data"
    monkeypatch.setenv("DLG_JUDGE_DATA", str(folder))
    return folder


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Contest]:
    folder = tmp_path_factory.mktemp("demo-contest")
    return folder, build_demo_contest(folder)


@pytest.fixture(scope="session")
def secretariat_key() -> PrivateKey:
    return PrivateKey.generate()


@dataclass
class IssuedRound:
    """A contest database with every judge's bundle issued, in its own folder."""

    folder: Path
    contest: Contest
    db_path: Path
    bundles: dict[str, Path]
    secretariat: PrivateKey

    def open_db(self) -> ContestDatabase:
        return ContestDatabase.open(self.db_path)


@pytest.fixture(scope="session")
def issued_template(tmp_path_factory, demo, secretariat_key) -> IssuedRound:
    folder = tmp_path_factory.mktemp("issued-round")
    demo_folder, contest = demo
    db_path = folder / "contest.db"
    with ContestDatabase.create(db_path, contest, demo_folder, secretariat_key.public_key) as db:
        issued: list[IssuedBundle] = issue_bundles(db, secretariat_key, folder / "bundles",
                                                   round_id=contest.rounds[0].id)
    return IssuedRound(folder, contest, db_path, {b.judge_id: b.path for b in issued}, secretariat_key)


@pytest.fixture
def issued(issued_template: IssuedRound, tmp_path: Path) -> IssuedRound:
    """A private copy of the issued round, so a test may change it freely."""
    folder = tmp_path / "round"
    shutil.copytree(issued_template.folder, folder)
    return IssuedRound(
        folder,
        issued_template.contest,
        folder / "contest.db",
        {j: folder / "bundles" / p.name for j, p in issued_template.bundles.items()},
        issued_template.secretariat,
    )


def run_cli(*args: str, env: dict[str, str] | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run the installed command line in a fresh process, as a person or script would."""
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "judge_app", *args],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"judge-app {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


@dataclass
class PlayedJudge:
    """A judge who scored their bundle and exported a score file."""

    judge_id: str
    data_dir: Path
    key: PrivateKey
    score_file: Path
    bundle: Path


PASSPHRASE = "รหัสผ่านของกรรมการ 2565"


def play_judge(issued: IssuedRound, judge_id: str, folder: Path, *, complete: bool = True,
               conflicts: int = 1, seed: int = 2565) -> PlayedJudge:
    """Score a judge's whole bundle with the demo's simulated scores and export it."""
    from judge_app.demo import simulated_scores
    from judge_app.judging import JudgeSession
    from judge_app.scorefile import default_file_name, export_score_file

    data_dir = folder / f"data-{judge_id}"
    with JudgeSession.open(issued.bundles[judge_id], data_dir=data_dir) as session:
        session.create_key(PASSPHRASE)
        key = session.unlock(PASSPHRASE)
        ws = session.workspace
        scores = simulated_scores(issued.contest, issued.contest.rounds[0].id, judge_id, seed=seed)
        entry_ids = list(session.bundle.entry_ids)
        for number, entry_id in enumerate(entry_ids):
            if number < conflicts:
                ws.declare_conflict(entry_id, "ทดสอบการแจ้งส่วนได้เสีย")
                continue
            if not complete and number == len(entry_ids) - 1:
                break
            values = scores[entry_id] or {c: "3" for c in session.bundle.round.rubric.criterion_ids}
            ws.set_scores(entry_id, dict(values))
        out = folder / default_file_name(ws, ws.next_sequence())
        export_score_file(ws, key, out, allow_incomplete=not complete)
    return PlayedJudge(judge_id, data_dir, key, out, issued.bundles[judge_id])


# ---------------------------------------------------------------- the window in a language


@pytest.fixture
def thai_app(qapp):
    from ui.fonts import install_fonts
    from ui.i18n import install_language, uninstall_language

    install_fonts(qapp)
    install_language("th")
    yield qapp
    uninstall_language()


@pytest.fixture
def english_app(qapp):
    from ui.fonts import install_fonts
    from ui.i18n import install_language, uninstall_language

    install_fonts(qapp)
    install_language("en")
    yield qapp
    uninstall_language()


@pytest.fixture
def no_system_viewer(monkeypatch):
    """Files the window would open with the system viewer, recorded instead of opened."""
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    return opened
