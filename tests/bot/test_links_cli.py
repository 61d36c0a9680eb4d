"""`tomtat summarize https://…`: the page's digest on stdout, or a one-line reason and exit 2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import Settings, flag_value
from tests.support.link_site import NATIONAL, news_site
from tests.support.web_server import WebServer


@pytest.fixture(scope="module")
def site() -> Iterator[WebServer]:
    with news_site() as server:
        yield server


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("TOMTAT_ENGINE", "extractive")
    monkeypatch.setenv("TOMTAT_FETCH_ALLOW_PRIVATE", "1")


def test_a_link_is_summarised_like_a_file(
    cli_env: None, site: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarize", "--json", site.url(NATIONAL)]) == 0
    digest = json.loads(capsys.readouterr().out)
    assert digest["url"] == site.url(NATIONAL)
    assert "Đặng Quốc Thành" in [o["name"] for o in digest["officials"]]


def test_the_readable_digest_ends_with_its_source_in_the_clis_language(
    cli_env: None, site: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarize", site.url(NATIONAL)]) == 0
    # English, like the CLI's errors and its footer line; the digest itself stays Vietnamese.
    out = capsys.readouterr().out.rstrip()
    assert out.endswith(f"Source: {site.url(NATIONAL)}")
    assert "Nguồn" not in out


def test_a_failure_is_one_line_and_exit_code_2(
    cli_env: None, site: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarize", site.url("/van-ban.pdf")]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("tomtat: That link leads to a PDF file")


def test_the_guard_is_on_unless_the_setting_says_otherwise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, site: WebServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TOMTAT_FETCH_ALLOW_PRIVATE", raising=False)
    before = site.count()
    assert main(["summarize", site.url(NATIONAL)]) == 2
    assert "internal address" in capsys.readouterr().err
    assert site.count() == before


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("true", True), ("0", False),
                                            ("off", False)])
def test_the_allow_private_setting(raw: str, value: bool, tmp_path: Path) -> None:
    env = {"TOMTAT_FETCH_ALLOW_PRIVATE": raw, "TOMTAT_MAX_PAGE_BYTES": "1000"}
    settings = Settings.from_env(env, dotenv=tmp_path / "none.env")
    assert settings.fetch_allow_private is value and settings.max_page_bytes == 1000
    assert Settings().fetch_allow_private is False and Settings().max_page_bytes == 5_000_000
    with pytest.raises(ValueError):
        flag_value("perhaps")
