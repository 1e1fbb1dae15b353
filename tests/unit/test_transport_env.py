"""The aiohttp transport reads proxy settings from the environment only when the environment names a proxy."""

from __future__ import annotations

import pytest

from cognite.client._transport import AiohttpTransport


def test_no_proxy_in_the_environment_means_no_per_request_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert AiohttpTransport()._trust_env is False


def test_a_proxy_in_the_environment_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    assert AiohttpTransport()._trust_env is True
    assert AiohttpTransport(trust_env=False)._trust_env is False
    assert AiohttpTransport(proxy="http://127.0.0.1:8080")._trust_env is False  # an explicit proxy wins
