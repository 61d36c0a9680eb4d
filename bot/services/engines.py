"""The engines the worker may use, loaded lazily on the worker's own thread.

The engines and the pipeline are imported on first use: an ingress process, which summarises
nothing, never imports them (tests/bot/test_e2e_replicas.py checks its import log).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from summarizer.digest import Article, Digest, Length
from summarizer.engines.base import Engine, EngineUnavailable, ProgressCallback
from summarizer.engines.choices import available_engines
from summarizer.notes import EngineNotHere

log = logging.getLogger(__name__)


class EngineBox:
    """One engine per kind; a kind that cannot load falls back to the default engine."""

    def __init__(self, kind: str, model: str | None, injected: Engine | None = None,
                 threads: int | None = None) -> None:
        self._kind = kind
        self._model = model
        self._threads = threads
        self._injected = injected
        self._engines: dict[str, Engine] = {}
        self._choices: tuple[str, ...] | None = None
        self._lock = threading.RLock()
        # A line on the background model fetch for /stats (services/model_fetch.py), if one runs.
        self.fetch_note: Callable[[], str] | None = None

    def reload(self) -> None:
        """Forget the loaded engines: the next summary picks again (a model just arrived)."""
        with self._lock:
            self._engines.clear()
            self._choices = None

    def choices(self) -> tuple[str, ...]:
        """The engine kinds that can run here (checked once; no model is loaded)."""
        if self._choices is None:
            self._choices = available_engines(self._model)
        return self._choices

    def summarize(self, article: str, length: str, kind: str,
                  progress: ProgressCallback | None) -> Digest:
        """Summarise with the chat's engine; a choice that cannot run here is noted."""
        return self.summarize_page(article, length, kind, progress)[0]

    def summarize_page(self, page: str, length: str, kind: str,
                       progress: ProgressCallback | None) -> tuple[Digest, Article]:
        """`summarize`, with the cleaned article the digest was made from."""
        from summarizer.pipeline import summarize_page

        digest, article = summarize_page(page, Length(length), self.get(kind), progress)
        if kind in self.choices():
            return digest, article
        return digest.with_note(EngineNotHere(kind)), article

    def default(self) -> Engine:
        """The configured engine (loading it the first time; call off the event loop)."""
        return self.get(self._kind)

    def get(self, kind: str | None) -> Engine:
        """The engine for a chat's choice; `auto` or a failing kind gives the default."""
        if self._injected is not None:
            return self._injected
        from summarizer.engines.select import load_engine

        kind = kind if kind and kind != "auto" else self._kind
        with self._lock:
            if kind not in self._engines:
                try:
                    self._engines[kind] = load_engine(kind, self._model, self._threads)
                except EngineUnavailable as exc:
                    if kind == self._kind:
                        raise
                    log.warning("engine %s unavailable (%s); using %s", kind, exc, self._kind)
                    self._engines[kind] = self.get(self._kind)
            return self._engines[kind]

    def describe(self) -> str:
        """Name (model, threads) of the default engine once loaded, for logs and /stats."""
        engine = self._injected or self._engines.get(self._kind)
        note = f" · {self.fetch_note()}" if self.fetch_note is not None else ""
        if engine is None:
            return self._kind + note
        threads = f", {self._threads} threads" if self._threads and engine.model_id else ""
        return engine.name + (f" ({engine.model_id}{threads})" if engine.model_id else "") + note
