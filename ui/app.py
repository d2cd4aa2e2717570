"""Starts the window. Until the judge window lands, it shows the contest a bundle or the demo holds."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from judge_app.model import ORG_TYPES, Contest
from judge_app.paths import data_dir
from judge_app.thai_dates import thai_date

from .fonts import install_fonts


class ContestOverview(QMainWindow):
    """A first look at a contest: its title, round, rubric and entries."""

    def __init__(self, contest: Contest, source: str):
        super().__init__()
        round_ = contest.rounds[0]
        self.setWindowTitle(f"{contest.title_th} — ท้องถิ่นดิจิทัล")
        body = QWidget()
        layout = QVBoxLayout(body)
        title = QLabel(f"<h2>{contest.title_th}</h2><p>{contest.title_en}</p>")
        title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        by_type = {code: sum(e.org_type == code for e in contest.entries) for code in ORG_TYPES}
        facts = QLabel(
            f"{round_.title_th} · กำหนดส่งผลการพิจารณา {thai_date(round_.deadline)}<br>"
            f"ผลงาน {len(contest.entries)} รายการ · กรรมการ {len(contest.judges)} ท่าน<br>"
            + " · ".join(f"{ORG_TYPES[c][0]} {n}" for c, n in by_type.items() if n)
            + f"<br><small>{source}</small>"
        )
        facts.setTextFormat(Qt.TextFormat.RichText)
        facts.setWordWrap(True)
        layout.addWidget(facts)
        layout.addWidget(QLabel("<b>เกณฑ์การให้คะแนน</b>"))
        criteria = QListWidget()
        for c in round_.rubric.criteria:
            criteria.addItem(f"{c.id}  {c.title_th}  (น้ำหนัก {c.weight})")
        criteria.setAccessibleName("rubric criteria")
        layout.addWidget(criteria)
        layout.addWidget(QLabel("<b>ผลงานที่ส่งเข้าประกวด</b>"))
        entries = QListWidget()
        for e in contest.entries:
            entries.addItem(f"{e.id}  {e.project_title} — {e.org_name} ({e.province})")
        entries.setAccessibleName("entries")
        layout.addWidget(entries, 1)
        self.setCentralWidget(body)
        self.resize(1000, 720)


def load_demo_contest() -> tuple[Contest, str]:
    """The built-in demo contest, generated once into the user's data folder."""
    from judge_app.demo import build_demo_contest
    from judge_app.model import load_contest

    folder = data_dir() / "demo-contest"
    contest_file = folder / "contest.json"
    if contest_file.exists():
        try:
            return load_contest(contest_file), str(contest_file)
        except Exception:  # a damaged demo copy is simply rebuilt
            pass
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="demo-", dir=folder.parent))
    contest = build_demo_contest(staging)
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    staging.rename(folder)
    return contest, str(contest_file)


def run_gui(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    install_fonts(app)
    contest, source = load_demo_contest()
    window = ContestOverview(contest, source)
    window.show()
    return app.exec()
