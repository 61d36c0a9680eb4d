"""A stub Telegram Bot API server for tests and benchmarks (`python -m bot.stub_api --port N`)."""

from bot.stub_api.model import ApiCall, ApiError, StubMessage, UploadedFile
from bot.stub_api.server import DEFAULT_TOKEN, StubBotApi
from bot.stub_api.webhooks import WebhookDelivery

__all__ = [
    "DEFAULT_TOKEN",
    "ApiCall",
    "ApiError",
    "StubBotApi",
    "StubMessage",
    "UploadedFile",
    "WebhookDelivery",
]
