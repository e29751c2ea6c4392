"""What a reader cannot see or cannot tell apart: invisible characters, scripts, and a name's look-alike form.

Two names are the same to a reader when they differ only by characters that show nothing (Unicode's
Default_Ignorable_Code_Point set, fillers and blanks), by compatibility forms (the Kangxi radical ⼤ for 大, the
compatibility ideograph U+F90A for 金, Café decomposed or not) or by Unicode's confusables (Cyrillic а for Latin a).
skeleton() folds all three, after UTS #39; the confusables come from Unicode's data as the confusable-homoglyphs
package ships it.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt: soft hyphen, CGJ, the Arabic letter mark,
# Hangul fillers, Khmer and Mongolian invisibles, zero-width and bidi controls, variation selectors, the BOM,
# halfwidth filler, tags and their variation selectors), plus the braille blank U+2800, which shows nothing either.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
_DIRECTION_MARKS = "\u200e\u200f"  # the package's data wraps right-to-left characters in them
_NEUTRAL_SCRIPTS = {"COMMON", "INHERITED"}


def reader_form(text: str) -> str:
    """The text as a reader sees it: NFKC, with every invisible character taken out."""
    return unicodedata.normalize("NFKC", INVISIBLE.sub("", text))


def skeleton(text: str) -> str:
    """The look-alike form: reader_form, decomposed, each character replaced by its confusables prototype."""
    decomposed = unicodedata.normalize("NFD", reader_form(text))
    return unicodedata.normalize("NFD", "".join(map(prototype, decomposed)))


def scripts(text: str) -> set[str]:
    """The scripts of the text's letters (LATIN, HAN, CYRILLIC…), leaving out the shared ones (digits, punctuation)."""
    from confusable_homoglyphs import categories

    return {categories.alias(char) for char in text} - _NEUTRAL_SCRIPTS


@functools.cache
def prototype(char: str) -> str:
    """The prototype of the character's confusables group (Unicode's confusables.txt), the character if it has none.

    The package's data lists every pair both ways; a group is a prototype and the characters mapped to it, so the
    prototype is the member written with several characters (m -> rn) or, failing that, the one paired with most.
    """
    members = {char} | set(_partners(char))
    return max(members, key=lambda m: (len(m) > 1, len(_partners(m)), -ord(m[0]), m))


def _partners(text: str) -> list[str]:
    from confusable_homoglyphs.confusables import confusables_data  # Unicode's data, read on first use

    entries = confusables_data.get(text) or confusables_data.get(f"\u200e{text}\u200e") or []
    return [entry["c"].strip(_DIRECTION_MARKS) for entry in entries]
