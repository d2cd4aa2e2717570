"""The judge's side in one place: identity key, opened bundle and workspace.

The command line and the judge window both go through :class:`JudgeSession`,
so a rule about opening, scoring or exporting lives here once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .bundle import OpenedBundle, open_bundle
from .errors import KeyFileError
from .keys import PrivateKey, PublicKey, load_private_key, read_public_key, save_private_key
from .paths import data_dir as default_data_dir
from .pins import PinStore
from .workspace import Workspace


def judge_key_path(data_dir: Path, judge_id: str) -> Path:
    return Path(data_dir) / "keys" / f"judge-{judge_id}.key"


def create_judge_key(data_dir: Path, judge_id: str, passphrase: str, *, label: str) -> PublicKey:
    """Make the judge's Ed25519 key on this computer; refuses to replace an existing one."""
    key = PrivateKey.generate()
    save_private_key(judge_key_path(data_dir, judge_id), key, passphrase, label=label)
    return key.public_key


def judge_public_key(data_dir: Path, judge_id: str) -> PublicKey | None:
    path = judge_key_path(data_dir, judge_id)
    return read_public_key(path) if path.exists() else None


def unlock_judge_key(data_dir: Path, judge_id: str, passphrase: str) -> PrivateKey:
    path = judge_key_path(data_dir, judge_id)
    if not path.exists():
        raise KeyFileError(f"no key for judge {judge_id} on this computer yet; create it first", path=path)
    return load_private_key(path, passphrase)


class JudgeSession:
    """A verified bundle and its workspace, opened together."""

    def __init__(self, bundle: OpenedBundle, workspace: Workspace, data_dir: Path):
        self.bundle = bundle
        self.workspace = workspace
        self.data_dir = data_dir

    @classmethod
    def open(
        cls,
        bundle_path: Path,
        *,
        data_dir: Path | None = None,
        expected_fingerprint: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> "JudgeSession":
        folder = Path(data_dir) if data_dir else default_data_dir()
        bundle = open_bundle(
            Path(bundle_path),
            PinStore(folder / "pinned-secretariat-keys.json"),
            expected_fingerprint=expected_fingerprint,
            progress=progress,
        )
        return cls(bundle, Workspace.open_for(folder, bundle), folder)

    def close(self) -> None:
        self.workspace.close()

    def __enter__(self) -> "JudgeSession":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def judge_id(self) -> str:
        return self.bundle.judge.id

    def public_key(self) -> PublicKey | None:
        return judge_public_key(self.data_dir, self.judge_id)

    def create_key(self, passphrase: str) -> PublicKey:
        return create_judge_key(self.data_dir, self.judge_id, passphrase, label=self.bundle.judge.name)

    def unlock(self, passphrase: str) -> PrivateKey:
        return unlock_judge_key(self.data_dir, self.judge_id, passphrase)
