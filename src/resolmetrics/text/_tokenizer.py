"""The tokenizer: a target's text as numbers, words and marks, each with its position.

Tokens are found by one left-to-right scan with a fixed table of patterns,
so any input is read in linear time and every character belongs to a token
or to the space between them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "tokenize"]


class Token(NamedTuple):
    kind: str  # NUMBER, WORD, PERCENT, SLASH, DASH, EQUALS, OPEN, CLOSE, PUNCT, OTHER
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def key(self) -> str:
        """The word as matched against the vocabulary: lower case (codes stay upper)."""
        return self.text.casefold()


# Order matters: the first pattern that matches at a position wins.
_PATTERNS = [
    ("NUMBER", r"\d+(?:[.,]\d+)*"),
    ("WORD", r"[^\W\d_]+"),
    ("PERCENT", r"%"),
    ("SLASH", r"/"),
    ("DASH", r"[-–—−]"),  # hyphen, en and em dashes, the minus sign
    ("EQUALS", r"="),
    ("OPEN", r"[(\[]"),
    ("CLOSE", r"[)\]]"),
    ("PUNCT", r"[,;:.!?…]"),
    ("SPACE", r"\s+"),
    ("OTHER", r"."),
]
_SCANNER = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS), re.S)


def tokenize(text: str) -> list[Token]:
    """The tokens of *text*, spaces left out."""
    tokens = []
    for match in _SCANNER.finditer(text):
        kind = match.lastgroup
        assert kind is not None
        if kind != "SPACE":
            tokens.append(Token(kind, match.group(), match.start()))
    return tokens
