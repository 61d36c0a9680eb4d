"""Talking to Telegram: polling, webhook, launch, delivery, per-chat lanes, priorities."""
