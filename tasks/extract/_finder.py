"""Searching a compiled pattern only where one of its matches can begin.

Python's ``re`` skips ahead quickly only when a pattern starts with a literal or a character
class; a pattern that starts with a look-around ("a word no letter precedes") or with
case-insensitive words is tried in full at every position of the text. ``Finder`` puts the
class of characters the pattern's matches can start with in front (worked out from the parsed
pattern), so the engine passes over every other character in C, and tries the pattern itself, in
a look-ahead, only where that class matches. What it returns are the pattern's own match
objects (``pattern.match`` at the position found): the same spans, groups and ``lastgroup``,
so that a ``Finder`` is a drop-in, faster ``search`` / ``finditer``.

>>> rx = re.compile(r"(?<![A-Za-z])(?i:since|from)[ \\t]+(\\d{4})")
>>> f = Finder(rx)
>>> [(m.span(), m.group(1)) for m in f.finditer("From 2010; since 2014, SINCE 2020")]
[((0, 9), '2010'), ((11, 21), '2014'), ((23, 33), '2020')]
>>> f.search("no date here") is None
True
"""
from __future__ import annotations

import re

try:  # re's own parser is private: where a Python keeps it elsewhere, every pattern is tried
    from re import _constants as _c  # at every position (the same matches, only slower)
    from re import _parser as _p
except ImportError:  # pragma: no cover - exercised by tests/test_finder.py with the import blocked
    _c = _p = None

# characters that case-insensitive matching folds onto an ASCII letter besides its two cases
# ("(?i:s)" matches the long s, "(?i:k)" the Kelvin sign)
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_SPACE: r"\s"} if _c else {}
_FLAG_LETTERS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))
_BIG = 2 ** 63 - 1  # endpos meaning "to the end", as re's own default


class Unsupported(ValueError):
    """The pattern's first characters cannot be told (it may start with any character)."""


def first_chars(source: str, flags: int = 0) -> str:
    """A character class holding every character a match of ``source`` can start with.

    >>> first_chars(r"\\b(?i:in|on)\\s+\\d")
    '[IOioİı]'
    """
    return "[" + "".join(sorted(_first_set(source, flags))) + "]"


def _first_set(source: str, flags: int) -> set[str]:
    if _p is None:
        raise Unsupported("re's parser is not available")
    try:
        parsed = _p.parse(source, flags)
    except (AttributeError, TypeError) as exc:  # a private API that changed shape
        raise Unsupported(f"re's parser: {exc}") from None
    chars, nullable = _sequence(parsed.data, parsed.state.flags)
    if nullable:
        raise Unsupported(f"{source!r} can match the empty string")
    return chars


def _is_word(escaped: str) -> bool:
    if escaped in (r"\d", r"\w"):
        return True
    return escaped != r"\s" and re.fullmatch(r"\w", escaped[-1]) is not None


def _folded(ch: str, fold: bool) -> set[str]:
    if not fold:
        return {ch}
    if not ch.isascii() and (ch.lower() != ch or ch.upper() != ch):
        raise Unsupported(f"case-insensitive {ch!r}")
    out = {ch, ch.lower(), ch.upper()}
    return out | set(_FOLDS.get(ch.lower(), ""))


def _sequence(items, flags: int) -> tuple[set[str], bool]:
    """(escaped first characters, can it match the empty string) of a sequence of items."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av, flags)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op, av, flags: int) -> tuple[set[str], bool]:
    fold = bool(flags & re.IGNORECASE)
    if op is _c.LITERAL:
        return {re.escape(c) for c in _folded(chr(av), fold)}, False
    if op is _c.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is _c.LITERAL:
                out |= {re.escape(c) for c in _folded(chr(iav), fold)}
            elif iop is _c.RANGE and iav[1] - iav[0] < 256:
                for x in range(iav[0], iav[1] + 1):
                    out |= {re.escape(c) for c in _folded(chr(x), fold)}
            elif iop is _c.CATEGORY and iav in _CATEGORIES:
                out.add(_CATEGORIES[iav])
            else:
                raise Unsupported(f"class item {iop}")
        return out, False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # consume nothing
        return set(), True
    if op is _c.SUBPATTERN:
        _, add, remove, sub = av
        return _sequence(sub.data, (flags | add) & ~remove)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av.data, flags)
    if op is _c.BRANCH:
        out, nullable = set(), False
        for alt in av[1]:
            chars, n = _sequence(alt.data, flags)
            out |= chars
            nullable = nullable or n
        return out, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, _, sub = av
        chars, nullable = _sequence(sub.data, flags)
        return chars, nullable or lo == 0
    raise Unsupported(f"item {op}")


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern source (one item when it has no top-level "|").

    >>> alternatives(r"a(?:b|c)|[|]d|e\\|f")
    ['a(?:b|c)', '[|]d', 'e\\\\|f']
    """
    out, depth, start, i, n = [], 0, 0, 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: "]" right after "[" or "[^" is a member
            i += 1
            if i < n and source[i] == "^":
                i += 1
            if i < n and source[i] == "]":
                i += 1
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    out.append(source[start:])
    return out


# a leading "no word character before" look-behind of one character, after look-aheads
_LEAD_BEHIND_RE = re.compile(r"(?:\(\?=(?:\[(?:\\.|[^\]\\])*\]|\\.|[^()\\])\))*"
                             r"\(\?<!((?:\[(?:\\.|[^\]\\])*\]|\\[wdsW]|[^()\\|]))\)")


def _scoped(source: str, flags: int) -> str:
    letters = "".join(ch for flag, ch in _FLAG_LETTERS if flags & flag)
    return f"(?{letters}:{source})" if letters else f"(?:{source})"


def lead(source: str, flags: int = 0, name: str | None = None) -> str:
    """A pattern that matches one character where ``source`` (compiled with ``flags``) matches:
    the class of its first characters, a cheap check of the character before when ``source``
    starts with a one-character look-behind, then ``source`` itself as a look-ahead (whose
    match is kept as group ``name``, if given)."""
    flags &= ~re.UNICODE
    if flags & ~(re.IGNORECASE | re.MULTILINE | re.DOTALL):
        raise Unsupported(f"flags {flags}")
    ahead = _scoped(source, flags) if name is None else f"(?P<{name}>{_scoped(source, flags)})"
    try:
        chars = _first_set(source, flags)
    except Unsupported:
        if _p is not None:
            raise
        return f"(?s:.)(?<=(?={ahead})(?s:.))"  # no parser: tried at every character
    guard = ""
    m = _LEAD_BEHIND_RE.match(source)
    if len(alternatives(source)) > 1:  # a look-behind at the start belongs to the first one only
        pass
    elif m:
        guard = f"(?<!{_scoped(m.group(1), flags & re.IGNORECASE)}(?s:.))"
    elif source.startswith(r"\b") and all(_is_word(e) for e in chars):
        guard = r"(?<!\w(?s:.))"  # "\b" before a word character: no word character before it
    cls = "[" + "".join(sorted(chars)) + "]"
    return f"{cls}{guard}(?<=(?={ahead})(?s:.))"


class Finder:
    """``pattern.search`` and ``pattern.finditer``, trying the pattern only where a match can start.

    With ``split``, each top-level alternative gets its own first-character class (the engine
    then skips the alternatives that cannot start at a position without entering them).
    """

    __slots__ = ("rx", "finder")

    def __init__(self, rx: re.Pattern, finder: str | None = None, split: bool = False):
        """``finder``: the one-character pattern to use (built with ``lead`` by a caller that
        knows the pattern's structure); by default ``lead`` of the whole pattern."""
        self.rx = rx
        if finder is None and _p is None:
            self.finder = None  # no parser to read the first characters from: the pattern itself
            return
        if finder is None:
            alts = alternatives(rx.pattern) if split else [rx.pattern]
            finder = "|".join(lead(a, rx.flags) for a in alts)
        self.finder = re.compile(finder)

    def search(self, text: str, pos: int = 0, endpos: int = _BIG) -> re.Match | None:
        if self.finder is None:
            return self.rx.search(text, pos, endpos)
        f = self.finder.search(text, pos, endpos)
        return None if f is None else self.rx.match(text, f.start(), endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = _BIG):
        """The pattern's non-overlapping matches, as ``pattern.finditer`` (which never matches
        the empty string here: ``first_chars`` refuses such patterns)."""
        if self.finder is None:
            yield from self.rx.finditer(text, pos, endpos)
            return
        rx, last = self.rx, -1
        for f in self.finder.finditer(text, pos, endpos):
            s = f.start()
            if s >= last:
                m = rx.match(text, s, endpos)
                last = m.end()
                yield m


def matches_at(rx: re.Pattern, text: str, starts) -> list[re.Match]:
    """``rx.finditer(text)`` when every match of ``rx`` starts at one of ``starts`` (more places
    may be given): ``rx`` tried at those, in order, past the end of the last match.

    >>> [m.group() for m in matches_at(re.compile(r"\\d+"), "12 345 6", {0, 1, 3, 4, 9})]
    ['12', '345']
    """
    out: list[re.Match] = []
    last = -1
    for s in sorted(starts):
        if s >= last and s >= 0:
            m = rx.match(text, s)
            if m is not None:
                out.append(m)
                last = m.end()
    return out


class AfterBoundary:
    """``pattern.finditer`` for a pattern that starts (after look-aheads) with a one-character
    look-behind "(?<![X])": the engine reads the character before each match too ("[^X]"), so it
    stops only after such characters instead of trying the look-behind at every letter.

    Reading that character consumes it: a match right after one that ends in a character outside
    X ("Q1" before "Year") would go unseen, so after such a match the plain pattern takes over.

    >>> f = AfterBoundary(re.compile(r"(?<![A-Za-z])(?:year|Q1)"))
    >>> [m.span() for m in f.finditer("year, Q1year; ayear")]
    [(0, 4), (6, 8), (8, 12)]
    """

    __slots__ = ("rx", "after", "stop")

    def __init__(self, rx: re.Pattern):
        m = _LEAD_BEHIND_RE.match(rx.pattern)
        if not m or len(alternatives(rx.pattern)) > 1:
            raise Unsupported("no leading one-character look-behind")
        behind = m.group(1)
        flags = rx.flags & re.IGNORECASE
        if behind.startswith("["):
            if behind.startswith("[^"):
                raise Unsupported("a negated class before")
            before = "[^" + behind[1:]
        else:
            before = f"[^{behind}]"
        ahead = rx.pattern[:m.start(1) - 4]  # the look-aheads before "(?<!"
        rest = rx.pattern[m.end():]
        self.rx = rx
        self.after = re.compile(_scoped(before, flags) + f"(?P<_at>{_scoped(ahead + rest, rx.flags & ~re.UNICODE)})")
        self.stop = re.compile(_scoped(behind, flags))  # a last character after which no match starts

    def finditer(self, text: str, pos: int = 0, endpos: int = _BIG):
        rx, stop = self.rx, self.stop.fullmatch
        m = rx.match(text, pos, endpos)  # at pos: the character before it is not to be read
        if m is not None:
            yield m
            pos = m.end()
            if not stop(text[pos - 1]):
                yield from rx.finditer(text, pos, endpos)
                return
        for f in self.after.finditer(text, pos, endpos):
            m = rx.match(text, f.start("_at"), endpos)
            yield m
            if not stop(text[m.end() - 1]):
                yield from rx.finditer(text, m.end(), endpos)
                return

