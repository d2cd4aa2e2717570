"""Tools for the tests to play a dishonest or mistaken party: repack and re-sign score files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from judge_app import canonical
from judge_app.container import open_container, write_container
from judge_app.keys import PrivateKey
from judge_app.scorefile import MINISIG, PAYLOAD, SSH_NAMESPACE, SSHSIG
from judge_app.signatures import minisign_sign, sshsig_sign


def read_members(path: Path) -> dict[str, bytes]:
    with open_container(path) as container:
        return {name: container.read(name) for name in container.names}


def payload_of(path: Path) -> dict[str, Any]:
    return json.loads(read_members(path)[PAYLOAD])


def write_signed(path: Path, payload: dict[str, Any], key: PrivateKey, *, claim_key: bool = True) -> Path:
    """Write a well-formed score file of ``payload`` signed by ``key``.

    With ``claim_key`` the payload names ``key`` as the judge's key (a
    consistent forgery); without it the payload keeps whatever key it names,
    so the signatures cannot verify.
    """
    payload = dict(payload)
    if claim_key:
        payload["judge_public_key"] = key.public_key.to_base64()
        payload["judge_fingerprint"] = key.public_key.fingerprint
    data = canonical.dumps(payload)
    write_container(path, [
        (PAYLOAD, data),
        (MINISIG, minisign_sign(key, data, trusted_comment="forged").encode()),
        (SSHSIG, sshsig_sign(key, data, namespace=SSH_NAMESPACE).encode()),
    ])
    return path


def repack_with_payload(source: Path, destination: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    """Edit the payload but keep the original signatures (what a tamperer without the key can do)."""
    members = read_members(source)
    payload = json.loads(members[PAYLOAD])
    edit(payload)
    members[PAYLOAD] = canonical.dumps(payload)
    write_container(destination, [(PAYLOAD, members[PAYLOAD]), (MINISIG, members[MINISIG]), (SSHSIG, members[SSHSIG])])
    return destination
