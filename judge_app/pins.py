"""The secretariat key a judge's computer trusts for each contest.

The first bundle of a contest pins its secretariat key (after the judge has
seen the fingerprint); from then on a bundle of that contest signed by any
other key is refused loudly, never accepted silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .atomic import write_bytes_atomic
from .errors import JudgeAppError, PinnedKeyMismatch
from .keys import PublicKey


@dataclass(frozen=True)
class PinResult:
    """What checking a bundle's key against the pins found."""

    fingerprint: str
    newly_pinned: bool


class PinStore:
    """Pinned secretariat keys, one per contest, in a small JSON file."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (ValueError, UnicodeDecodeError) as exc:
            raise JudgeAppError(f"the pinned-keys file is damaged ({exc}); it was left as it is", path=self.path) from None
        if not isinstance(data, dict):
            raise JudgeAppError("the pinned-keys file is damaged; it was left as it is", path=self.path)
        return data

    def pinned(self, contest_id: str) -> PublicKey | None:
        record = self._load().get(contest_id)
        return PublicKey.from_base64(record["public_key"]) if record else None

    def check_and_pin(self, contest_id: str, key: PublicKey, *, bundle: Path | None = None) -> PinResult:
        """Accept ``key`` if it is the pinned key, pin it if the contest has none, else refuse."""
        pins = self._load()
        record = pins.get(contest_id)
        if record is not None:
            if record["public_key"] != key.to_base64():
                raise PinnedKeyMismatch(
                    "this bundle is signed by a DIFFERENT secretariat key than the one trusted for "
                    f"contest {contest_id}: trusted {record['fingerprint']}, this bundle {key.fingerprint}. "
                    "Do not use it; call the secretariat and compare the fingerprint.",
                    path=bundle,
                )
            return PinResult(key.fingerprint, newly_pinned=False)
        pins[contest_id] = {
            "public_key": key.to_base64(),
            "fingerprint": key.fingerprint,
            "pinned_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        text = json.dumps(pins, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        write_bytes_atomic(self.path, text.encode("utf-8"))
        return PinResult(key.fingerprint, newly_pinned=True)

    def forget(self, contest_id: str) -> None:
        """Drop a contest's pin (after the secretariat confirms a key change in person)."""
        pins = self._load()
        if pins.pop(contest_id, None) is not None:
            text = json.dumps(pins, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            write_bytes_atomic(self.path, text.encode("utf-8"))
