"""scripts.core.lookalike: characters no one can see, and names a reader cannot tell apart."""

import pytest

from scripts.core.lookalike import INVISIBLE, reader_form, skeleton

UNIT = "市经信局"


@pytest.mark.parametrize("char", [
    "\U000e0020",  # tag space
    "\u3164", "\u115f", "\u1160", "\uffa0",  # Hangul fillers
    "\ufe0f", "\ufe00", "\U000e0100",  # variation selectors
    "\u034f",  # combining grapheme joiner
    "\u2800",  # braille blank
    "\u061c", "\u200e", "\u200f", "\u202e", "\u2066",  # bidi marks, overrides and isolates
    "\u200b", "\u2060", "\ufeff", "\u00ad", "\u180e",
])
def test_every_invisible_character_is_found(char):
    assert INVISIBLE.fullmatch(char)


@pytest.mark.parametrize("char", ["a", "市", " ", "\u3000", "·", "—", "\U0001f600"])
def test_visible_characters_are_not(char):
    assert not INVISIBLE.fullmatch(char)


@pytest.mark.parametrize("one, other", [
    (UNIT, UNIT + "\U000e0020"), (UNIT, UNIT + "\u3164"), (UNIT, UNIT + "\ufe0f"), (UNIT, "市经\u034f信局"),
    (UNIT, "\u061c" + UNIT),
    ("大数据局", "\u2f24数据局"),  # the Kangxi radical ⼤
    ("金融办", "\uf90a融办"),  # the compatibility ideograph of 金
    ("Caf\u00e9", "Cafe\u0301"),  # NFC and NFD
    ("paypal", "p\u0430ypal"),  # Cyrillic а
    ("ＡＢ局", "AB局"),  # full-width letters
])
def test_names_that_look_the_same_have_one_skeleton(one, other):
    assert one != other
    assert skeleton(one) == skeleton(other)


@pytest.mark.parametrize("one, other", [(UNIT, "市场监管局"), ("柯城区", "衢江区"), ("示例甲区", "示例乙区"), ("Cafe", "Cafés")])
def test_different_names_stay_different(one, other):
    assert skeleton(one) != skeleton(other)


def test_the_reader_form_drops_invisible_characters_and_folds_compatibility_forms():
    assert reader_form("\u2f24数据局\U000e0020") == "大数据局"
