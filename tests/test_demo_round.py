"""The played demo round: what `judge-app demo round` does, end to end in one folder."""

from __future__ import annotations

import csv
import io

from judge_app.demo_round import play_demo_round
from judge_app.scorefile import read_score_file
from judge_app.secretariat import ContestDatabase


def test_demo_round_merges_every_judge_and_ranks(tmp_path):
    report = play_demo_round(tmp_path / "round", entry_count=40)
    assert "merged 7 of 7 score files" in report
    score_files = sorted((tmp_path / "round" / "score-files").glob("*.dlgscores"))
    assert len(score_files) == 7
    with ContestDatabase.open(tmp_path / "round" / "contest.db") as db:
        for path in score_files:
            score_file = read_score_file(path)
            assert db.active_key(score_file.judge_id).public_key == score_file.public_key
        assert {row["outcome"] for row in db.score_files()} == {"merged"}
    rows = list(csv.DictReader(io.StringIO((tmp_path / "round" / "results.csv").read_text("utf-8-sig"))))
    assert len(rows) == 40
    ranked = [row for row in rows if row["rank"]]
    means = [float(row["mean"]) for row in ranked]
    assert means == sorted(means, reverse=True)
    assert all(int(row["judges"]) >= 2 for row in ranked)
