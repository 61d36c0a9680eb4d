"""The stub's webhook side: after setWebhook, POST each pending update to the bot."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from tests.support.stub_api.model import ApiCall, bad_request
from tests.support.stub_api.updates import UpdateQueue

_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


@dataclass(frozen=True)
class WebhookDelivery:
    """One POST of an update to the bot's webhook."""

    update_id: int
    status: int  # 0 = no HTTP answer (connection refused, timeout)
    seconds: float


class WebhookSender:
    """Delivers updates one by one; an update is confirmed only by a 200 answer."""

    def __init__(self, updates: UpdateQueue, notify: Callable[[], None], retry_delay: float):
        self.updates, self.notify, self.retry_delay = updates, notify, retry_delay
        self.url: str | None = None
        self.secret: str | None = None
        self.deliveries: list[WebhookDelivery] = []
        self._task: asyncio.Task[None] | None = None

    async def set(self, call: ApiCall) -> bool:
        """setWebhook: validate like Telegram, then (re)start delivering."""
        url = call.get("url") or ""
        secret = call.get("secret_token")
        if secret is not None and not _SECRET.match(secret):
            raise bad_request("secret token contains unallowed characters")
        await self.stop()
        if call.get("drop_pending_updates") in ("true", "True", "1"):
            self.updates.drop_all()
        if not url:
            return True
        if not url.startswith(("http://", "https://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.url, self.secret = url, secret
        self._task = asyncio.get_running_loop().create_task(self._deliver(url, secret))
        return True

    async def stop(self) -> None:
        """deleteWebhook (or shutdown): stop delivering; idempotent."""
        self.url = self.secret = None
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _deliver(self, url: str, secret: str | None) -> None:
        headers = {"Content-Type": "application/json"}
        if secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        async with httpx.AsyncClient(timeout=10.0) as client:
            while True:
                update = self.updates.first()
                if update is None:
                    await self.updates.wait(1.0)
                    continue
                started = time.monotonic()
                try:
                    response = await client.post(url, content=json.dumps(update), headers=headers)
                    status = response.status_code
                except httpx.HTTPError:
                    status = 0
                self.deliveries.append(
                    WebhookDelivery(update["update_id"], status, time.monotonic() - started))
                self.notify()
                if status == 200:
                    self.updates.done(update)
                else:
                    await asyncio.sleep(self.retry_delay)
