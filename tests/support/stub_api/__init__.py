"""A stub Telegram Bot API server for tests and benchmarks (`python -m tests.support.stub_api`)."""

from tests.support.stub_api.model import ApiCall, ApiError, StubMessage, UploadedFile
from tests.support.stub_api.server import DEFAULT_TOKEN, StubBotApi
from tests.support.stub_api.webhooks import WebhookDelivery

__all__ = [
    "DEFAULT_TOKEN",
    "ApiCall",
    "ApiError",
    "StubBotApi",
    "StubMessage",
    "UploadedFile",
    "WebhookDelivery",
]
