"""The default transformer, fetched and converted in the background while the bot serves.

`tomtat run` with the default model and none on this machine starts on the embedded engine;
this thread downloads the model (huggingface_hub, which resumes a dropped transfer), converts
it for the fast runtime in a child process, and then tells the engines to switch. Any failure
(no network, hub errors, no disk space, a failed conversion) is one log line: the embedded
engine stays. `TOMTAT_MODEL=none` opts out.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bot.services.model_convert import convert_fast, fast_runtime
from bot.settings import Settings
from summarizer.engines.generation import DEFAULT_MODEL
from summarizer.engines.locate import locate_model

log = logging.getLogger(__name__)

# Room for the weights, their int8 copy and the conversion's scratch files.
SPACE_FACTOR = 2.0
_POLL_S = 1.0
# Weights for other frameworks are never needed here and can be gigabytes.
SKIP = ["*.h5", "*.msgpack", "*.ot", "tf_model*", "flax_model*", "*.onnx", "rust_model*"]


@dataclass(frozen=True)
class FetchStatus:
    """Where the background fetch stands."""

    phase: str  # starting | downloading | converting | ready | failed
    done: int = 0
    total: int = 0
    detail: str = ""

    def describe(self) -> str:
        """One line for the log and /stats."""
        if self.phase == "downloading" and self.total:
            share = 100 * self.done / self.total
            return (f"downloading {share:.0f} % ({self.done / 1e6:.1f} of "
                    f"{self.total / 1e6:.1f} MB)")
        return f"{self.phase}: {self.detail}" if self.detail else self.phase


def wanted_model(engine: str, model: str | None) -> str | None:
    """The model to fetch for these settings, or None when there is nothing to fetch."""
    chosen = model or DEFAULT_MODEL
    # Only the default is fetched: a model of one's own, or TOMTAT_MODEL=none, is not.
    if engine != "auto" or chosen != DEFAULT_MODEL:
        return None
    files = locate_model(chosen)
    if files is None:
        return chosen
    # Downloaded before but never converted (the bot stopped, or the conversion failed): the
    # download is then a no-op and the conversion runs again.
    unconverted = files.onnx_dir is None and files.ct2_dir is None and files.hf_dir is not None
    return chosen if unconverted and fast_runtime() is not None else None


class ModelFetch:
    """Downloads, converts, then calls `on_ready`; all on its own thread."""

    def __init__(self, model_id: str, on_ready: Callable[[], None], *,
                 cache_dir: Path | None = None, endpoint: str | None = None,
                 convert: Callable[[str], str | None] = convert_fast) -> None:
        self.model_id = model_id
        self._endpoint = endpoint  # None: HF_ENDPOINT, else the Hugging Face hub
        self._on_ready = on_ready
        self._cache_dir = cache_dir
        self._convert = convert
        self._status = FetchStatus("starting")
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="tomtat-model-fetch", daemon=True)

    @property
    def status(self) -> FetchStatus:
        """The latest status (thread-safe)."""
        with self._lock:
            return self._status

    def _set(self, status: FetchStatus) -> None:
        with self._lock:
            self._status = status

    def start(self) -> None:
        """Begin in the background."""
        log.info("model %s: no converted copy on this machine; fetching and converting it in "
                 "the background (the embedded engine serves meanwhile; TOMTAT_MODEL=none "
                 "turns this off)", self.model_id)
        self._thread.start()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the fetch to end; True when it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        problem = self._download()
        if problem is None:
            self._set(FetchStatus("converting"))
            log.info("model %s: downloaded; converting it for the fast runtime", self.model_id)
            problem = self._convert(self.model_id)
        if problem is not None:
            self._set(FetchStatus("failed", detail=problem))
            log.warning("model %s: %s; the embedded extractive engine stays", self.model_id,
                        problem)
            return
        self._set(FetchStatus("ready"))
        log.info("model %s: ready; new digests are written by the abstractive engine",
                 self.model_id)
        self._on_ready()

    def _download(self) -> str | None:
        """Fetch the files; None on success, else what went wrong (one line)."""
        from huggingface_hub import constants, snapshot_download

        if constants.HF_HUB_OFFLINE:
            return "HF_HUB_OFFLINE is set, so it cannot be downloaded"
        try:
            total, missing = self._plan()
            root = Path(self._cache_dir or constants.HF_HUB_CACHE)
            root.mkdir(parents=True, exist_ok=True)
            free = shutil.disk_usage(root).free
            if free < SPACE_FACTOR * missing:
                return (f"not enough disk space in {root} ({free / 1e9:.1f} GB free, "
                        f"{SPACE_FACTOR * missing / 1e9:.1f} GB needed)")
            self._set(FetchStatus("downloading", total - missing, total))
            watcher = _Watcher(self, root, total - missing, total)
            watcher.start()
            try:
                snapshot_download(self.model_id, ignore_patterns=SKIP, cache_dir=self._cache_dir,
                                  endpoint=self._endpoint, tqdm_class=_quiet_tqdm())
            finally:
                watcher.stop()
        except Exception as exc:  # network, HTTP, disk: whatever it is, the bot goes on
            return f"download failed ({_reason(exc)})"
        self._set(FetchStatus("downloading", total, total))
        return None


    def _plan(self) -> tuple[int, int]:
        """Bytes in all and still to download; (0, 0) when huggingface_hub cannot tell."""
        from huggingface_hub import snapshot_download

        try:
            plan = snapshot_download(self.model_id, ignore_patterns=SKIP, dry_run=True,
                                     cache_dir=self._cache_dir, endpoint=self._endpoint,
                                     tqdm_class=_quiet_tqdm())
        except TypeError:  # a huggingface_hub older than `dry_run`: no sizes, no space check
            return 0, 0
        total = sum(f.file_size or 0 for f in plan)
        return total, sum(f.file_size or 0 for f in plan if f.will_download)


class _Watcher(threading.Thread):
    """Reports the bytes on disk while huggingface_hub downloads (its bars are per file)."""

    def __init__(self, fetch: ModelFetch, root: Path, base: int, total: int) -> None:
        super().__init__(name="tomtat-model-progress", daemon=True)
        self._fetch, self._root, self._base, self._total = fetch, root, base, total
        self._stop_event = threading.Event()
        self._folder = root / ("models--" + fetch.model_id.replace("/", "--")) / "blobs"

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def run(self) -> None:
        logged = -1
        while not self._stop_event.wait(_POLL_S):
            done = min(self._total, self._on_disk())
            self._fetch._set(FetchStatus("downloading", done, self._total))
            tenth = int(10 * done / self._total) if self._total else 10
            if tenth != logged:
                log.info("model %s: %s", self._fetch.model_id, self._fetch.status.describe())
                logged = tenth

    def _on_disk(self) -> int:
        try:
            return sum(p.stat().st_size for p in self._folder.iterdir() if p.is_file())
        except OSError:
            return self._base


def _quiet_tqdm() -> type:
    """A tqdm class that draws nothing (the bot's log is not a terminal)."""
    import io

    from tqdm import tqdm

    class Quiet(tqdm):  # type: ignore[misc]  # tqdm is untyped: a subclass of Any
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs.pop("name", None)
            kwargs["file"] = io.StringIO()
            super().__init__(*args, **kwargs)

    return Quiet


def _reason(exc: BaseException) -> str:
    """The most telling message of an exception chain, on one line."""
    seen: BaseException | None = exc
    messages: list[str] = []
    while seen is not None and len(messages) < 3:
        messages.append(f"{type(seen).__name__}: {seen}")
        seen = seen.__cause__ or seen.__context__
    text = " <- ".join(messages)
    return " ".join(text.split())[:300]


class Reloadable(Protocol):
    """The engines the fetch switches when the model is ready (services/engines.py's EngineBox)."""

    fetch_note: Callable[[], str] | None

    def reload(self) -> None:
        """Pick the engine again on the next summary."""


def start_model_fetch(settings: Settings, engines: Reloadable) -> ModelFetch | None:
    """Start fetching the default model when these settings want it and it is not here."""
    model = wanted_model(settings.engine, settings.model)
    if model is None:
        return None
    fetch = ModelFetch(model, engines.reload)
    engines.fetch_note = lambda: f"{fetch.model_id}: {fetch.status.describe()}"
    fetch.start()
    return fetch

