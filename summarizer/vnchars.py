"""Character classes for Vietnamese letters (Unicode ranges mix upper and lower case)."""

from __future__ import annotations

_LATIN = [chr(c) for c in range(0x41, 0x250)] + [chr(c) for c in range(0x1E00, 0x1F00)]

# Upper-case and lower-case Latin letters used in Vietnamese, for regex character classes.
UPPER = "".join(ch for ch in _LATIN if ch.isalpha() and ch.isupper())
LOWER = "".join(ch for ch in _LATIN if ch.isalpha() and ch.islower())
