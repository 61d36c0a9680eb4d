"""deploy/compose.yaml (PostgreSQL, two ingress replicas behind nginx, two workers) can't run here.

No container images here: it is checked as YAML, and each process's settings as the bot reads them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from bot.settings import Settings
from bot.transport.webhook import WebhookConfig

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"  # compose resolves its relative paths from here
SAMPLE = {"TELEGRAM_BOT_TOKEN": "123456:ABC", "TOMTAT_WEBHOOK_SECRET": "s3cret",
          "TOMTAT_PUBLIC_URL": "https://bot.example.org"}
VARIABLE = re.compile(r"\$\{(\w+)(?::[-?]([^}]*))?\}")


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def substituted(value: str) -> str:
    """A compose value with ${VAR}, ${VAR:-default} and ${VAR:?message} filled in."""
    def one(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        return SAMPLE.get(name, default or "")
    return VARIABLE.sub(one, value)


def settings_of(service: dict[str, Any]) -> Settings:
    env = {k: substituted(str(v)) for k, v in service["environment"].items()}
    return Settings.from_env(env, dotenv=Path("/nonexistent/.env"))


def test_postgres_two_ingress_replicas_behind_nginx_and_two_workers() -> None:
    services = compose()["services"]
    assert set(services) == {"postgres", "ingress-1", "ingress-2", "lb", "worker"}
    roles = {name: settings_of(s).role for name, s in services.items() if "environment" in s
             and "TOMTAT_ROLE" in s["environment"]}
    assert roles == {"ingress-1": "ingress", "ingress-2": "ingress", "worker": "worker"}
    assert services["worker"]["deploy"]["replicas"] == 2
    assert services["postgres"]["image"].startswith("postgres:")
    assert "healthcheck" in services["postgres"]


def test_every_process_shares_the_database_the_token_and_one_webhook_secret() -> None:
    services = compose()["services"]
    bots = [settings_of(services[name]) for name in ("ingress-1", "ingress-2", "worker")]
    for settings in bots:
        assert str(settings.db_path).startswith("postgresql:") and "@postgres:" in str(
            settings.db_path)
        assert settings.token == SAMPLE["TELEGRAM_BOT_TOKEN"]
    ingress = bots[:2]
    assert {s.webhook_secret for s in ingress} == {SAMPLE["TOMTAT_WEBHOOK_SECRET"]}
    assert all(s.webhook_listen == "0.0.0.0" for s in ingress)  # reachable from nginx


def test_nginx_sends_the_webhook_path_to_both_replicas_on_their_port() -> None:
    services = compose()["services"]
    mount = next(v for v in services["lb"]["volumes"] if "nginx" in v)
    conf = (DEPLOY / mount.split(":")[0]).read_text(encoding="utf-8")
    upstreams = set(re.findall(r"server\s+([\w-]+):(\d+)", conf))
    for name in ("ingress-1", "ingress-2"):
        config = WebhookConfig.from_settings(settings_of(services[name]))
        assert (name, str(config.port)) in upstreams
        assert f"location = {config.path} " in conf


def test_the_image_holds_the_three_packages_and_runs_the_bot() -> None:
    build = compose()["services"]["worker"]["build"]
    assert (DEPLOY / build["context"]).resolve() == ROOT
    dockerfile = (ROOT / build["dockerfile"]).read_text(encoding="utf-8")
    for package in ("bot", "summarizer", "storage"):
        assert f"COPY {package} ./{package}" in dockerfile
    assert 'ENTRYPOINT ["tomtat", "run"]' in dockerfile
