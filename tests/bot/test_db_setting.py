"""TOMTAT_DB / --db: a path is a SQLite file, a postgresql://… URL names PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from bot.cli import apply_run_flags, build_parser
from bot.settings import Settings, shown_db
from storage.database import is_postgres_url

URL = "postgresql://tomtat:secret@db.internal:5432/tomtat?sslmode=require"


def test_a_url_in_the_environment_is_kept_whole() -> None:
    assert Settings.from_env({"TOMTAT_DB": URL}).db_path == URL
    assert Settings.from_env({"TOMTAT_DB": "data/tomtat.sqlite3"}).db_path == Path(
        "data/tomtat.sqlite3"
    )
    assert Settings.from_env({}).db_path == Path("tomtat.sqlite3")


def test_the_db_flag_takes_a_url_too() -> None:
    args = build_parser().parse_args(["run", "--db", URL])
    assert apply_run_flags(Settings(), args).db_path == URL


def test_logs_never_show_the_database_password() -> None:
    assert shown_db(URL) == "postgresql://tomtat:***@db.internal:5432/tomtat?sslmode=require"
    assert shown_db("postgresql://tomtat@db/x") == "postgresql://tomtat@db/x"
    assert shown_db(Path("data/tomtat.sqlite3")) == "data/tomtat.sqlite3"


def test_the_setting_and_the_store_agree_on_what_is_a_url() -> None:
    for value in (URL, " postgres://tomtat@db/x ", "data/postgresql.sqlite3", "postgresql:/x"):
        chosen = Settings.from_env({"TOMTAT_DB": value}).db_path
        assert isinstance(chosen, str) == is_postgres_url(chosen), value
    assert Settings.from_env({"TOMTAT_DB": " postgres://tomtat@db/x "}).db_path == (
        "postgres://tomtat@db/x")
