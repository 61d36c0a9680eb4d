"""Digest notes: typed values, one stored form, notes of a kind replaced not stacked."""

from __future__ import annotations

from summarizer.digest import Digest
from summarizer.notes import EngineNotHere, PartlyExtractive, ReadFrom, decode, encode


def _digest(*notes: str) -> Digest:
    return Digest("Tiêu đề", "Tóm tắt.", (), (), "extractive", None, 40, 8, 3, notes=notes)


def test_each_note_reads_back_as_it_was_written() -> None:
    for note in (PartlyExtractive(2, 7), EngineNotHere("abstractive"),
                 ReadFrom("https://tin.example.vn/bai-1")):
        assert decode(encode(note)) == note
    assert encode(PartlyExtractive(2, 7)) == "partly_extractive:2/7"  # what databases hold


def test_a_digest_gives_its_notes_typed_and_skips_unknown_ones() -> None:
    digest = _digest("partly_extractive:1/3", "later_kind:x", "partly_extractive:x/3")
    assert digest.typed_notes() == (PartlyExtractive(1, 3),)


def test_a_new_note_replaces_the_one_of_its_kind() -> None:
    digest = _digest().with_note(ReadFrom("https://a.example.vn/1"))
    digest = digest.with_note(EngineNotHere("abstractive")).with_note(ReadFrom("https://b.example.vn/2"))
    assert digest.typed_notes() == (EngineNotHere("abstractive"), ReadFrom("https://b.example.vn/2"))
