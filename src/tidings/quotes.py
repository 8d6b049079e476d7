"""Finding quoted passages in running text.

Straight and curly marks; a quotation that a paragraph opens and does not close continues
into the next paragraph when that one opens with a mark (the newspaper convention); a stray
mark that closes nothing is ignored, so it spoils at most one quotation, never the document.
"""
from __future__ import annotations

OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
CLOSERS = {"\u201d", "\u00bb"}
STRAIGHT = '"'


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{\u2014-:":
        return True
    if after.isspace() or after in ".,;:!?)]}":
        return False
    return not before.isalnum()


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans `(start, end)` of quotations, marks included, in text order."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None  # position of the pending opening mark
    carried = False  # the pending quotation began in an earlier paragraph
    para_start = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            # Paragraph end: an open quotation continues only if the next paragraph opens with a mark.
            j = i
            while j < n and text[j].isspace():
                j += 1
            if open_at is not None:
                if j < n and (text[j] == STRAIGHT or text[j] in OPENERS):
                    carried = True
                    i = j + 1  # the continuation mark re-opens; keep the original start
                    para_start = j
                    continue
                open_at, carried = None, False  # unbalanced: drop it
            para_start = j
            i = j
            continue
        if ch in OPENERS or (ch == STRAIGHT and open_at is None and _is_opening_straight(text, i)):
            if open_at is None:
                open_at = i
        elif ch in CLOSERS or ch == STRAIGHT:
            if open_at is not None:
                spans.append((open_at, i + 1))
                open_at, carried = None, False
        i += 1
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The quotation that contains the character range, if any."""
    for a, b in spans:
        if a <= start and end <= b:
            return a, b
    return None
