"""Test inputs and a recording engine shared by the engine tests."""

from __future__ import annotations

from summarizer.digest import Length
from summarizer.engines.abstractive import AbstractiveEngine

# Five short sentences of 9–11 words each (one word is one token for the word counter).
SENTENCES = [
    "Tỉnh Lâm Hà khởi công tuyến đường ven sông.",
    "Tổng vốn đầu tư là một nghìn hai trăm tỷ đồng.",
    "Chủ tịch tỉnh yêu cầu nhà thầu bảo đảm chất lượng.",
    "Tuyến đường có bốn làn xe và hai cầu lớn.",
    "Người dân kỳ vọng nông sản được vận chuyển nhanh hơn.",
]


class RecordingEngine(AbstractiveEngine):
    """The real engine, recording what reaches the model (a fake at the generate seam)."""

    def __init__(self, model: str) -> None:
        super().__init__(model, runtime="transformers")
        self.calls: list[list[str]] = []

    def generate(self, texts: list[str], length: Length) -> list[str]:
        self.calls.append(list(texts))
        return super().generate(texts, length)
