import pytest

from judge_app.passphrase import passphrase_strength


@pytest.mark.parametrize("text, score", [
    ("short", 0), ("password", 0), ("aaaaaaaaaaaa", 0), ("abcdefghij", 1),
    ("ผู้ทรงคุณวุฒิ 2565", 3), ("abcdefghij12", 2), ("correct horse battery staple", 4),
])
def test_strength_scores(text, score):
    assert passphrase_strength(text).score == score


def test_refused_passphrases_say_why_in_both_languages():
    weak = passphrase_strength("1234")
    assert not weak.acceptable and "10" in weak.hint_th and "10" in weak.hint_en
