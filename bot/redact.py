"""Keeping the bot token out of every log line: messages, exception texts and tracebacks."""

from __future__ import annotations

import logging
import re

REDACTED = "<token>"
_MIN_SECRET = 8  # the part after ':' is redacted on its own only when it is that long


def token_pattern(token: str) -> re.Pattern[str]:
    """The token, or its secret part alone, in any letter case (some error texts are lowered)."""
    forms = [re.escape(token)]
    secret = token.partition(":")[2]
    if len(secret) >= _MIN_SECRET:
        forms.append(re.escape(secret))
    return re.compile("|".join(forms), re.IGNORECASE)


class RedactToken(logging.Filter):
    """Replaces the bot token wherever a log record would show it."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._pattern = token_pattern(token)

    def redact(self, value: str) -> str:
        """`value` with every form of the token replaced."""
        return self._pattern.sub(REDACTED, value)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            # Format the traceback here, once, so its text (exception messages included) can
            # be redacted; handlers then print exc_text as it is.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
            record.exc_info = None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True
