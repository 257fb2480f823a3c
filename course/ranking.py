"""Rankings with a right order: the shuffled start and the comparison. No widgets here."""

from __future__ import annotations

import random
from dataclasses import dataclass


def start_order(ids: list[str], seed: str) -> list[str]:
    """The items shuffled, the same way every time for the same seed, never in the right order.

    A fixed seed (the exercise id) keeps the start order stable across reloads and tests.
    """
    order = list(ids)
    if len(order) < 2:
        return order
    rng = random.Random(seed)
    while order == list(ids):
        rng.shuffle(order)
    return order


@dataclass(frozen=True)
class Placement:
    id: str
    right: int  # 1-based place in the right order
    given: int | None  # 1-based place in the participant's order, None if missing

    @property
    def correct(self) -> bool:
        return self.right == self.given


def compare(right_ids: list[str], given_ids: list[str]) -> list[Placement]:
    """Each item in the right order with the place the participant gave it."""
    given = {item_id: n for n, item_id in enumerate(given_ids, start=1)}
    return [
        Placement(item_id, n, given.get(item_id)) for n, item_id in enumerate(right_ids, start=1)
    ]
