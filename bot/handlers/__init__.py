"""Telegram updates in: parse, call a service, render (the guards run first)."""
