"""Mojibake: UTF-8 text that was read in another encoding (GBK, Windows-1252) and saved again.

Excel on Chinese Windows opens a UTF-8 CSV without a BOM as GBK: 市发改委 becomes 甯傚彂鏀瑰… and, saved as
"CSV UTF-8", the garble is valid UTF-8 that any check of the encoding lets pass. Encoding the garble back in the
encoding it was read in gives the original UTF-8 bytes; ordinary text almost never survives that round trip as
Chinese, so a cell whose round trip yields Chinese text is reported with the text it most likely was.
"""

from __future__ import annotations

import re

# The encodings a CSV is wrongly read in: GBK (Excel, WPS on Chinese Windows) and Windows-1252 (Western Windows).
WRONG_ENCODINGS = ("gb18030", "cp1252")
CODEC_NAMES = {"gb18030": "GBK", "cp1252": "Windows-1252（西文）"}
_CJK = re.compile("[\u3400-\u9fff]")
_LOST = re.compile("\ufffd+")
_EXPECTED = re.compile("[\u0020-\u007e\u00b7\u00d7\u2010-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def unmangle(text: str) -> tuple[str, str] | None:
    """(the text it most likely was, the encoding it was first read in) when text is mojibake; None otherwise.

    Up to three layers are undone (text read wrongly, saved, and read wrongly again gives Ã¥Â¸Â‚): a layer in
    between must undo without loss. A wrong decoder loses a byte now and then (an odd byte at the end, a byte it
    has no character for), so the last layer may lose a few: at most one for every three Chinese characters.
    """
    if text.isascii():
        return None
    current, first = text, None
    for _ in range(3):
        deeper = None
        for codec in WRONG_ENCODINGS:
            data = _bytes_read_as(current, codec)
            if data is None or data.isascii():
                continue
            decoded = data.decode("utf-8", errors="replace")
            lost = len(_LOST.findall(decoded))  # one lost byte breaks one character into a run of U+FFFD
            original = decoded.replace("\ufffd", "")
            if len(original) >= len(current):
                continue
            chinese = len(_CJK.findall(original))
            if chinese >= 2 and lost * 3 <= chinese and len(_EXPECTED.findall(original)) == len(original):
                return original, first or codec
            if not lost and not original.isascii() and deeper is None:
                deeper = (original, codec)
        if deeper is None:
            return None
        current, first = deeper[0], first or deeper[1]
    return None


# What is left when the bytes are gone: U+FFFD stands for bytes a decoder could not read, and 锟斤拷 is U+FFFD's own
# UTF-8 bytes read as GBK. Neither says what the text was.
_LOST_MARKS = re.compile("\ufffd+|(?:锟斤拷)+")
# The first half of UTF-8 punctuation read as GBK: “ ” — … (E2 80 ..) become 鈥, 、 。 《 》 (E3 80 ..) 銆, full-width
# ， （ ） ： (EF BC ..) 锛. Each is a rare character that real text in this package never holds; in a cell that also
# holds good text (pasted from a garbled page) the whole-cell round trip above cannot see them.
_PUNCTUATION_MARKS = re.compile("[鈥銆锛]")


def lost_mark(text: str) -> str | None:
    """The first sign in text that characters were lost (U+FFFD, 锟斤拷) or punctuation was garbled (鈥, 銆, 锛)."""
    match = _LOST_MARKS.search(text) or _PUNCTUATION_MARKS.search(text)
    return match.group() if match else None


def _bytes_read_as(text: str, codec: str) -> bytes | None:
    """The bytes that, read as codec, gave text. A byte the decoder could not map was shown as U+FFFD (lost here:
    it becomes a byte no UTF-8 text has); Windows-1252's five unmapped bytes come back as C1 controls."""
    out = bytearray()
    for char in text:
        if char == "\ufffd":
            out += b"\xff"
            continue
        try:
            out += char.encode(codec)
        except UnicodeEncodeError:
            if codec != "cp1252" or not "\x80" <= char <= "\x9f":
                return None
            out.append(ord(char))
    return bytes(out)
