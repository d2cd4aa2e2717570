"""Issuing bundles: one signed bundle per judge, recorded in the contest database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .bundle import build_bundle
from .errors import SecretariatError
from .keys import PrivateKey
from .paths import BUNDLE_SUFFIX
from .secretariat import ContestDatabase


@dataclass(frozen=True)
class IssuedBundle:
    judge_id: str
    judge_name: str
    path: Path
    sha256: str
    entry_count: int


def bundle_file_name(contest_id: str, round_id: str, judge_id: str) -> str:
    return f"{contest_id}-{round_id}-{judge_id}{BUNDLE_SUFFIX}"


def issue_bundles(
    db: ContestDatabase,
    secretariat: PrivateKey,
    out_dir: Path,
    *,
    round_id: str,
    judge_ids: list[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[IssuedBundle]:
    """Build and record a bundle for each judge with entries in the round."""
    if secretariat.public_key != db.secretariat_key:
        raise SecretariatError(
            f"this key ({secretariat.public_key.fingerprint}) is not the contest's secretariat key "
            f"({db.secretariat_key.fingerprint})"
        )
    contest = db.contest
    round_ = contest.round(round_id)
    judges = [j for j in contest.judges if round_.entries_of(j.id) and (judge_ids is None or j.id in judge_ids)]
    issued = []
    for number, judge in enumerate(judges, start=1):
        if progress:
            progress(number - 1, len(judges), judge.id)
        path = Path(out_dir) / bundle_file_name(contest.id, round_id, judge.id)
        sha, manifest = build_bundle(contest, round_id, judge.id, db.attachments_root, secretariat, path)
        count = len(manifest["entries"])
        db.record_bundle(sha256=sha, bundle_id=manifest["bundle_id"], round_id=round_id, judge_id=judge.id,
                         file_name=path.name, entry_count=count, issued_at=manifest["issued_at"])
        issued.append(IssuedBundle(judge.id, judge.name, path, sha, count))
    if progress:
        progress(len(judges), len(judges), "")
    return issued
