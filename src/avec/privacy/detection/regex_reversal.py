"""Reversal of simple regular-expression fragments, for contexts that must end a window.

A pattern such as ``\\b(?:maladie|syndrome|...)\\s+de\\s+$`` searched in the 40 characters before a
word is tried at every position of the window, and at each word start every alternative is tried
(``re`` has no fast skip for case-insensitive alternations): ~27 µs a window. The same pattern
written backwards and *matched* at the start of the reversed window answers in one pass from the
end. The fragments reversed here are the only syntax the keyword lists use (no library reverses
a regular expression): literal characters, escapes (``\\s``, ``\\d``), character classes, the
quantifiers ``?``, ``+`` and ``*`` and non-capturing groups with alternatives.
"""

from __future__ import annotations


def _atoms(pattern: str) -> list[tuple[str, str]]:
    """``pattern`` cut into atoms (a character, an escape, a class, a group) and their quantifiers."""
    atoms: list[tuple[str, str]] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            j = i + 2
        elif ch == "[":
            j = pattern.index("]", i + 2) + 1
        elif ch == "(":
            if not pattern.startswith("(?:", i):
                raise ValueError(f"only non-capturing groups can be reversed: {pattern!r}")
            depth, j = 0, i
            while True:
                if pattern[j] == "\\":
                    j += 2
                    continue
                depth += {"(": 1, ")": -1}.get(pattern[j], 0)
                j += 1
                if depth == 0:
                    break
        elif ch in "|)?+*{^$":
            raise ValueError(f"unsupported syntax {ch!r} in {pattern!r}")
        else:
            j = i + 1
        k = j
        while k < len(pattern) and pattern[k] in "?+*":
            k += 1
        atoms.append((pattern[i:j], pattern[j:k]))
        i = k
    return atoms


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (``a|b(?:c|d)`` -> ``["a", "b(?:c|d)"]``)."""
    parts: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = pattern.index("]", i + 2) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def reverse_fragment(pattern: str) -> str:
    """A fragment matching the reversed strings of those ``pattern`` matches (``scores?`` ->
    ``s?erocs``, ``[ck]hi(?:deux|2)`` -> ``(?:xued|2)ih[ck]``)."""
    alternatives = split_alternatives(pattern)
    if len(alternatives) > 1:
        return "|".join(reverse_fragment(alt) for alt in alternatives)
    out: list[str] = []
    for body, quantifier in _atoms(pattern):
        if body.startswith("(?:"):
            body = "(?:" + reverse_fragment(body[3:-1]) + ")"
        out.append(body + quantifier)
    return "".join(reversed(out))
