"""`recoupe serve`: binds to 127.0.0.1 by default, takes the write token from the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from recoupe.cli import app


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Calls to ``uvicorn.run``, recorded instead of serving."""
    calls: list[dict[str, Any]] = []

    def fake_run(application: Any, **options: Any) -> None:
        calls.append({"app": application, **options})

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


def test_serve_binds_locally_with_writing_off_by_default(
    runs: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RECOUPE_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    [call] = runs
    assert (call["host"], call["port"]) == ("127.0.0.1", 8000)
    assert call["app"].state.token is None


def test_serve_reads_the_token_from_the_named_variable(
    runs: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MY_NEWS_TOKEN", "s3cret")
    result = CliRunner().invoke(
        app, ["serve", "--db", str(tmp_path / "s.db"), "--port", "8123",
              "--token-env", "MY_NEWS_TOKEN"],
    )
    assert result.exit_code == 0, result.output
    [call] = runs
    assert call["port"] == 8123
    assert call["app"].state.token == "s3cret"


def test_serve_with_workers_starts_each_from_the_environment(
    runs: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MY_NEWS_TOKEN", "s3cret")
    # Recorded, so that what ``serve`` writes there is undone after the test.
    for name in ("RECOUPE_DB", "RECOUPE_SERVE_TOKEN_ENV", "RECOUPE_SERVE_CACHE"):
        monkeypatch.setenv(name, "")
    result = CliRunner().invoke(
        app, ["serve", "--db", str(tmp_path / "s.db"), "--workers", "2", "--cache", "7",
              "--token-env", "MY_NEWS_TOKEN"],
    )
    assert result.exit_code == 0, result.output
    [call] = runs
    assert (call["app"], call["factory"], call["workers"]) == (
        "recoupe.web.app:app_from_environment", True, 2
    )
    assert call["http"] == "recoupe.web.server:NoDelayProtocol"
    from recoupe.web.app import app_from_environment

    worker_app = app_from_environment()
    assert worker_app.state.token == "s3cret"
    assert worker_app.state.store.url.endswith("s.db")
    worker_app.state.store.close()
