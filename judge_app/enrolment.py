"""Enrolment files: how a judge's public key reaches the secretariat.

A small canonical zip holding ``enrolment.json`` (judge id, name, public key,
fingerprint, time) and its minisign signature by that same key, which shows
the sender holds the private key. The secretariat still compares the
fingerprint with the one the judge signed on paper before trusting it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import canonical
from .container import ContainerLimits, open_container
from .container_write import write_container
from .errors import CanonicalError, ContainerError, JudgeAppError, SignatureError
from .keys import PrivateKey, PublicKey
from .signatures import minisign_sign, minisign_verify

ENROLMENT_FORMAT = "dlg-enrolment/1"
PAYLOAD = "enrolment.json"
SIGNATURE = "enrolment.json.minisig"
_LIMITS = ContainerLimits(max_members=2, max_member_bytes=64 * 1024, max_total_bytes=128 * 1024)


class EnrolmentError(JudgeAppError):
    """An enrolment file is damaged, forged or of another format."""


@dataclass(frozen=True)
class Enrolment:
    judge_id: str
    judge_name: str
    public_key: PublicKey
    created_at: str


def write_enrolment(path: Path, judge_id: str, judge_name: str, key: PrivateKey) -> None:
    payload = canonical.dumps({
        "format": ENROLMENT_FORMAT,
        "judge_id": judge_id,
        "judge_name": judge_name,
        "public_key": key.public_key.to_base64(),
        "fingerprint": key.public_key.fingerprint,
        "created_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    })
    signature = minisign_sign(key, payload, trusted_comment=f"dlg key enrolment judge={judge_id}",
                              untrusted_comment=f"key enrolment of judge {judge_id}")
    write_container(Path(path), [(PAYLOAD, payload), (SIGNATURE, signature.encode("utf-8"))])


def read_enrolment(path: Path) -> Enrolment:
    path = Path(path)
    try:
        with open_container(path, limits=_LIMITS) as container:
            container.require_names([PAYLOAD, SIGNATURE])
            payload = container.read(PAYLOAD)
            signature = container.read(SIGNATURE).decode("utf-8")
        data = canonical.loads(payload, what=PAYLOAD)
    except (ContainerError, CanonicalError) as exc:
        raise EnrolmentError(f"not a valid enrolment file: {exc.message}", path=path) from None
    except UnicodeDecodeError:
        raise EnrolmentError("the enrolment signature is not text", path=path) from None
    fields = ("judge_id", "judge_name", "public_key", "fingerprint", "created_at")
    if not isinstance(data, dict) or data.get("format") != ENROLMENT_FORMAT or not all(
        isinstance(data.get(f), str) for f in fields
    ):
        raise EnrolmentError(f"not an enrolment file of format {ENROLMENT_FORMAT}", path=path)
    try:
        key = PublicKey.from_base64(data["public_key"])
        minisign_verify(key, payload, signature)
    except (SignatureError, JudgeAppError, ValueError) as exc:
        raise EnrolmentError(f"the enrolment signature does not verify ({exc})", path=path) from None
    if key.fingerprint != data["fingerprint"]:
        raise EnrolmentError("the fingerprint does not match the key", path=path)
    return Enrolment(data["judge_id"], data["judge_name"], key, data["created_at"])
