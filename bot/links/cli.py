"""`tomtat summarize https://…`: fetch the page, then the same digest as for a file or paste."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys

from bot.links.guard import LinkError
from bot.links.reader import LinkReader
from bot.links.source import with_source
from bot.settings import Settings
from bot.views.texts import EN, text
from summarizer.cli import EXIT_BAD_INPUT, render_text
from summarizer.engines.base import Engine, EngineUnavailable
from summarizer.engines.select import load_engine
from summarizer.input_rule import InputError
from summarizer.pipeline import summarize


def run_summarize_link(args: argparse.Namespace, settings: Settings) -> int:
    """Fetch `args.file` (a URL), print its digest; exit 2 with a one-line reason on failure."""
    try:
        engine: Engine = load_engine(args.engine or settings.engine, args.model or settings.model)
        article = asyncio.run(LinkReader(settings).read(args.file))
        digest = with_source(summarize(article.text, args.length, engine), article.url)
    except LinkError as exc:
        print(f"tomtat: {text(EN, exc.key, **exc.values)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (InputError, EngineUnavailable) as exc:
        print(f"tomtat: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        out = json.dumps({**digest.to_json(), "url": article.url}, ensure_ascii=False)
    else:
        # The CLI's own words are English, as its errors are (the digest is Vietnamese).
        out = f"{render_text(digest)}\n{text(EN, 'link_source')} {article.url}"
    # A reader that closed the pipe early (`| head`) has what it wanted.
    with contextlib.suppress(BrokenPipeError):
        print(out, flush=True)
    return 0
