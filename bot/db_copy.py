"""`tomtat db copy SQLITE_PATH postgresql://…`: a history moved from SQLite to PostgreSQL."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path


def add_db_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `db` command and its `copy` action."""
    db = sub.add_parser("db", help="database chores (moving a history to PostgreSQL)")
    actions = db.add_subparsers(dest="db_command", required=True)
    copy = actions.add_parser(
        "copy", help="copy a SQLite history into an empty PostgreSQL database, counts verified"
    )
    copy.add_argument("source", type=Path, help="the SQLite file (TOMTAT_DB today)")
    copy.add_argument("target", help="postgresql://user@host/database (empty, or new)")


async def _upgrade(path: Path) -> None:
    """Bring the SQLite file to the latest schema (what starting the bot would do)."""
    from storage import Store

    async with Store(path):
        pass


def run_db(args: argparse.Namespace) -> int:
    """Copy, with a progress bar on stderr; 0 when every count matches."""
    import psycopg
    from tqdm import tqdm

    from storage.database import is_postgres_url
    from storage.postgres.copy import CopyError, copy_history, source_counts

    if not is_postgres_url(args.target):
        print("tomtat db copy: the target must be a postgresql://… URL", file=sys.stderr)
        return 2
    try:
        if not args.source.is_file():
            raise CopyError(f"{args.source}: no such SQLite file")
        asyncio.run(_upgrade(args.source))
        counts = source_counts(args.source)
        with tqdm(total=sum(counts.values()) + counts["digests"], unit=" rows",
                  file=sys.stderr, desc="copying") as bar:
            report = copy_history(args.source, args.target, lambda _, rows: bar.update(rows))
    except (CopyError, psycopg.Error, OSError) as exc:
        print(f"tomtat db copy: {exc}".rstrip(), file=sys.stderr)
        return 2
    for table, rows in report.source.items():
        mark = "ok" if report.target.get(table) == rows else f"MISMATCH: {report.target.get(table)}"
        print(f"{table:17} {rows:>9}  {mark}")
    if not report.complete:
        print("tomtat db copy: the counts differ; the target was not left complete",
              file=sys.stderr)
        return 1
    print(f"copied {sum(report.source.values())} rows into {args.target.split('@')[-1]}")
    return 0
