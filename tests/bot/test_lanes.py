"""Lanes: in order within a chat, chats side by side, and an offset that never passes a running
update."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.transport.lanes import Lanes


def update(update_id: int, chat_id: int) -> Update:
    message = {"message_id": update_id, "date": 0, "text": f"tin {update_id}",
               "chat": {"id": chat_id, "type": "private"}}
    found = Update.de_json({"update_id": update_id, "message": message}, None)
    assert found is not None
    return found


async def test_chats_run_side_by_side_and_in_order_within_a_chat() -> None:
    gates = {1: asyncio.Event()}
    log: list[int] = []

    async def handle(u: Update) -> None:
        gate = gates.get(u.update_id)
        if gate is not None:
            await gate.wait()
        log.append(u.update_id)

    lanes = Lanes(handle)
    for uid, chat in ((1, 10), (2, 10), (3, 20)):
        lanes.take(update(uid, chat))
    await asyncio.sleep(0.05)
    assert log == [3]  # chat 20 went ahead; chat 10's second update waits for its first
    assert lanes.offset() == 1 and lanes.known(2) and not lanes.known(4)
    gates[1].set()
    await asyncio.sleep(0.05)
    assert log == [3, 1, 2]
    assert lanes.offset() == 4 and not lanes.busy()


async def test_updates_cut_short_at_close_are_never_confirmed() -> None:
    async def handle(u: Update) -> None:
        if u.update_id == 5:
            await asyncio.sleep(3600)

    lanes = Lanes(handle)
    lanes.take(update(5, 10))
    lanes.take(update(6, 20))
    await asyncio.sleep(0.05)
    await lanes.close(grace_s=0.1)
    assert lanes.offset() == 5  # 6 was handled, 5 was not: Telegram sends 5 again


async def test_a_failing_update_does_not_stop_its_chat() -> None:
    log: list[int] = []

    async def handle(u: Update) -> None:
        if u.update_id == 7:
            raise RuntimeError("hỏng")
        log.append(u.update_id)

    lanes = Lanes(handle)
    lanes.take(update(7, 10))
    lanes.take(update(8, 10))
    await asyncio.sleep(0.05)
    assert log == [8] and lanes.offset() == 9


async def test_a_handled_update_stays_known_until_telegram_has_forgotten_it() -> None:
    handled: list[int] = []

    async def handle(u: Update) -> None:
        handled.append(u.update_id)

    lanes = Lanes(handle)
    lanes.take(update(1, 10))
    lanes.take(update(2, 20))
    await asyncio.sleep(0.05)
    # An answer to a getUpdates sent with offset 1 (before these finished) may still bring them.
    assert lanes.known(1) and lanes.known(2) and lanes.offset() == 3
    lanes.confirmed(1)
    assert lanes.known(1)
    lanes.confirmed(3)  # a request with offset 3 was answered: Telegram forgot 1 and 2
    assert not lanes.known(1) and handled == [1, 2]
