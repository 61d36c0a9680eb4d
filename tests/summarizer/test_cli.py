"""`tomtat summarize`: the JSON contract, JSON Lines in and out, and friendly error exits."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = {
    "summary": str,
    "officials": list,
    "decisions": list,
    "engine": str,
    "input_words": int,
    "summary_words": int,
    "elapsed_ms": int,
}


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_json_output_follows_the_contract(
    fixtures_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = fixtures_dir / "text_cluttered_page.txt"
    assert main(["summarize", "--json", "--engine", "extractive", str(path)]) == 0
    digest = json.loads(capsys.readouterr().out)
    for key, kind in CONTRACT.items():
        assert isinstance(digest[key], kind), key
    assert digest["model"] is None and digest["engine"] == "extractive"
    assert digest["summary"] and 0 < digest["summary_words"] <= 70
    assert digest["officials"], "the page names two officials"
    for official in digest["officials"]:
        assert official["name"] and all(isinstance(t, str) for t in official["titles"])
    # Each decision is {"text", "actor"}; the actor is a name or body, or null when unsaid.
    assert digest["decisions"], "the page reports directives"
    for decision in digest["decisions"]:
        assert set(decision) == {"text", "actor"} and decision["text"]
        assert decision["actor"] is None or isinstance(decision["actor"], str)
    assert "Trần Minh Khoa" in [d["actor"] for d in digest["decisions"]]


def test_stored_digests_with_plain_string_decisions_still_load() -> None:
    from summarizer.digest import Decision, Digest

    old = {"summary": "Tóm tắt.", "decisions": ["Giao Sở Y tế kiểm tra"], "officials": []}
    assert Digest.from_json(old).decisions == (Decision("Giao Sở Y tế kiểm tra", None),)
    new = {"summary": "Tóm tắt.", "decisions": [{"text": "Giao Sở Y tế", "actor": "UBND tỉnh"}]}
    assert Digest.from_json(new).decisions == (Decision("Giao Sở Y tế", "UBND tỉnh"),)


def test_length_changes_how_much_is_said(
    fixtures_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(fixtures_dir / "text_plain_article.txt")
    words = []
    for length in ("short", "long"):
        main(["summarize", "--json", "--length", length, path])
        words.append(json.loads(capsys.readouterr().out)["summary_words"])
    assert words[0] <= 40 and words[0] <= words[1] <= 120


def test_readable_output_names_the_engine(
    fixtures_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarize", str(fixtures_dir / "text_plain_article.txt")]) == 0
    out = capsys.readouterr()
    assert "[extractive]" in out.out and out.err == ""  # the digest names it, stderr stays quiet


def test_readable_output_says_who_decided() -> None:
    from summarizer.cli import render_text
    from summarizer.digest import Decision, Digest

    digest = Digest(
        title="Tỉnh chỉ đạo sửa đường",
        summary="Tỉnh yêu cầu sửa đường trước mùa mưa.",
        officials=(),
        decisions=(
            Decision("Giao Sở Giao thông sửa xong cầu Đá trước tháng 9", "UBND tỉnh"),
            Decision("UBND tỉnh yêu cầu rà soát các tuyến đê", "UBND tỉnh"),
        ),
        engine="extractive",
        model=None,
        input_words=300,
        summary_words=8,
        elapsed_ms=5,
    )
    lines = render_text(digest).splitlines()
    assert "  - UBND tỉnh: Giao Sở Giao thông sửa xong cầu Đá trước tháng 9" in lines
    # A clause that opens with its actor is not prefixed with it again.
    assert "  - UBND tỉnh yêu cầu rà soát các tuyến đê" in lines


def test_jsonl_carries_ids_and_reports_bad_lines(
    fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = (fixtures_dir / "text_plain_article.txt").read_text(encoding="utf-8")
    source = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a-1", "text": article}, ensure_ascii=False),
        "this is not json",
        json.dumps({"id": 7, "text": "   "}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["summarize", "--jsonl", str(source)]) == 2
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert rows[0]["id"] == "a-1" and rows[0]["summary"]
    assert rows[1] == {"id": 7, "error": "input is empty"}
    assert "line 2" in captured.err and "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"\xff\xfe\xfa not utf-8 \xc3", "UTF-8"),
        ("Tin ngắn. ".encode() * 200_000, "too large"),
    ],
)
def test_bad_input_exits_2_with_a_reason(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: bytes, reason: str
) -> None:
    _stdin(monkeypatch, data)
    assert main(["summarize", "-"]) == 2
    captured = capsys.readouterr()
    assert reason in captured.err and captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1  # one line: the reason, nothing before it


def test_missing_file_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["summarize", str(tmp_path / "nope.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_a_closed_pipe_is_not_a_crash(fixtures_dir: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "bot.cli",
        "summarize",
        str(fixtures_dir / "text_plain_article.txt"),
    ]
    with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader went away, as with `| head -0`
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 0 and "Traceback" not in err


def test_jsonl_into_a_closed_pipe_stops_quietly(fixtures_dir: Path, tmp_path: Path) -> None:
    article = (fixtures_dir / "text_plain_article.txt").read_text(encoding="utf-8")
    source = tmp_path / "many.jsonl"
    # Far more output than a pipe buffers (64 KiB), so the writer must meet the closed pipe.
    lines = [json.dumps({"id": i, "text": article}, ensure_ascii=False) for i in range(400)]
    source.write_text("\n".join([*lines, "not json at the end"]) + "\n", encoding="utf-8")
    cmd = [
        sys.executable,
        "-m",
        "bot.cli",
        "summarize",
        "--jsonl",
        str(source),
        "--engine",
        "extractive",
    ]
    with subprocess.Popen(
        cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = json.loads(proc.stdout.readline())
        proc.stdout.close()  # the reader went away, as with `| head -1`
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
    assert first["id"] == 0 and first["summary"]
    assert code == 0, err
    assert "Traceback" not in err and "cannot read" not in err
    assert "line 401" not in err  # it stopped: the bad last line was never reached


def test_a_foreign_capital_letter_does_not_garble_a_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `İ` lowers to two characters; matching on the lowered text must still cut the original.
    article = tmp_path / "izmir.txt"
    article.write_text(
        "Hợp tác với Thổ Nhĩ Kỳ\n\nTại İzmir, Thủ tướng Phạm Minh Chính yêu cầu các bộ ngành "
        "khẩn trương hoàn thiện hồ sơ dự án đường sắt trước tháng 6.\n",
        encoding="utf-8",
    )
    assert main(["summarize", "--json", "--engine", "extractive", str(article)]) == 0
    [decision] = json.loads(capsys.readouterr().out)["decisions"]
    assert decision["text"].startswith("Thủ tướng Phạm Minh Chính yêu cầu các bộ ngành khẩn trương")
    assert decision["actor"] == "Phạm Minh Chính"
