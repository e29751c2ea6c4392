"""What one build leaves for the next in the same process (`make serve`): jieba's segmentation and compiled templates."""

from __future__ import annotations

from typing import Callable

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class SegmentCache:
    """The search plugin's Chinese segmentation of each text, for the texts of the last build and the current one.

    Segmentation depends on the text and on jieba's dictionary, so the cache is emptied when the build's user
    dictionary changes. Entries the current build did not use are dropped at the next build: the cache holds at
    most two builds' texts.
    """

    def __init__(self):
        self.dictionary = ""
        self.last: dict[str, str] = {}
        self.current: dict[str, str] = {}

    def start_build(self, dictionary: str) -> None:
        """dictionary: a hash of the user dictionary this build loads into jieba."""
        if dictionary != self.dictionary:
            self.dictionary, self.last, self.current = dictionary, {}, {}
        else:
            self.last, self.current = self.current or self.last, {}

    def wrap(self, segment: Callable[[str], str]) -> Callable[[str], str]:
        def cached(text: str) -> str:
            found = self.current.get(text)
            if found is None:
                found = self.last.get(text)
                if found is None:
                    found = segment(text)
                self.current[text] = found
            return found

        return cached


class TemplateCache(BytecodeCache):
    """Jinja's compiled templates in memory. Jinja keys each by the template's name and a checksum of its source,
    so an edited template is compiled again."""

    def __init__(self):
        self.entries: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.entries.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.entries[bucket.key] = bucket.bytecode_to_string()
