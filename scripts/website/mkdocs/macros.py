"""mkdocs-macros entry point: hand-written pages insert HTML fragments that the pipeline built."""

import json
from pathlib import Path


def define_env(env):
    path = env.conf["extra"].get("fragments")
    fragments = json.loads(Path(path).read_text(encoding="utf-8")) if path else {}

    @env.macro
    def fragment(name: str) -> str:
        """Insert a fragment by name; its text was escaped when it was built and is not rendered again."""
        return fragments[name]

    @env.macro
    def label(code: str) -> str:
        """A status's words, from scripts/core/words.py (escaped when the fragments were built): hand-written pages
        never type a label themselves."""
        return fragments["labels"][code]
