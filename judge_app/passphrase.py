"""How strong a passphrase is, in words a judge understands.

A rough estimate on purpose: length and variety of characters, with common
choices refused outright. It guides; it does not pretend to measure entropy.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_LENGTH = 10
COMMON = {"password", "passw0rd", "12345678", "123456789", "1234567890", "qwertyuiop", "00000000", "11111111",
          "iloveyou", "admin1234", "รหัสผ่าน", "password1", "abcdefgh"}


@dataclass(frozen=True)
class Strength:
    """A score from 0 (refused) to 4 (strong) and a hint in Thai and English."""

    score: int
    hint_th: str
    hint_en: str

    @property
    def acceptable(self) -> bool:
        return self.score >= 2


def passphrase_strength(text: str) -> Strength:
    """Judge a passphrase: too short or common is refused; longer and more varied is stronger."""
    if len(text) < MIN_LENGTH:
        return Strength(0, f"สั้นเกินไป ต้องยาวอย่างน้อย {MIN_LENGTH} ตัวอักษร",
                        f"Too short: at least {MIN_LENGTH} characters")
    if text.lower() in COMMON or len(set(text)) <= 2:
        return Strength(0, "เดาง่ายเกินไป", "Too easy to guess")
    kinds = sum((
        any(c.isdigit() for c in text),
        any(c.isalpha() and c.isascii() and c.islower() for c in text),
        any(c.isalpha() and c.isascii() and c.isupper() for c in text),
        any("\u0e00" <= c <= "\u0e7f" for c in text),
        any(not c.isalnum() for c in text),
    ))
    score = 1 + (len(text) >= 14) + (len(text) >= 20) + (kinds >= 2)
    score = min(score, 4)
    hints = {
        1: ("พอใช้ ควรยาวขึ้นหรือผสมตัวอักษรหลายแบบ", "Fair: make it longer or mix kinds of characters"),
        2: ("ดี", "Good"),
        3: ("แข็งแรง", "Strong"),
        4: ("แข็งแรงมาก", "Very strong"),
    }
    return Strength(score, *hints[score])
