"""Where a stream registered over HTTP may make the server connect: configured schemes only,
no loopback/private/link-local address unless allowlisted, and the address checked is the
address connected to (resolved once, pinned: no DNS rebinding)."""

from __future__ import annotations

import http.server
import os
import re
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import httpx
import pytest
from bench.stream import write_stream

from safeguard.access import keys
from safeguard.service.testing import LiveServer, database_url, settings_for_tests
from safeguard.store.db import open_database
from safeguard.stream.destinations import DestinationRefused, StreamDestinations
from safeguard.stream.source import SourceOptions, SourceRefused, VideoSource


def resolver(table: dict[str, list[str]]) -> tuple[list[str], StreamDestinations]:
    asked: list[str] = []

    def resolve(host: str, _port: int) -> list[str]:
        asked.append(host)
        return table[host]

    return asked, StreamDestinations(resolver=resolve)


@pytest.mark.parametrize(
    "url",
    [
        "tcp://127.0.0.1:2024",
        "udp://93.184.216.34:5000",
        "file:///etc/passwd",
        "/etc/passwd",
        "rtp://93.184.216.34:5004",
        "gopher://93.184.216.34/",
    ],
)
def test_only_the_configured_schemes_are_accepted(url: str) -> None:
    with pytest.raises(DestinationRefused):
        StreamDestinations().check(url)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.5",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "0.0.0.0",
        "100.64.0.1",  # carrier-grade NAT
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fd00::1",
        "::ffff:127.0.0.1",
    ],
)
def test_loopback_private_and_link_local_addresses_are_refused(address: str) -> None:
    literal = f"[{address}]" if ":" in address else address
    with pytest.raises(DestinationRefused, match="allowlists"):
        StreamDestinations().check(f"http://{literal}/live.m3u8")
    _, by_name = resolver({"cam.example": [address]})
    with pytest.raises(DestinationRefused):
        by_name.check("rtmp://cam.example/live/key")


def test_a_name_with_any_private_address_among_its_answers_is_refused() -> None:
    _, destinations = resolver({"cdn.example": ["93.184.216.34", "10.0.0.8"]})
    with pytest.raises(DestinationRefused, match=re.escape("10.0.0.8")):
        destinations.check("https://cdn.example/live.m3u8")


def test_an_allowlisted_network_is_accepted() -> None:
    destinations = StreamDestinations.from_text(allow_networks="10.0.0.0/8, 127.0.0.1/32")
    assert destinations.check("rtsp://10.20.30.40/cam")
    assert destinations.check("http://127.0.0.1:8080/a.m3u8")
    with pytest.raises(DestinationRefused):
        destinations.check("http://127.0.0.2:8080/a.m3u8")


def test_a_public_url_is_pinned_to_the_address_checked() -> None:
    asked, destinations = resolver({"live.example": ["93.184.216.34"]})
    pinned = destinations.check("https://user:pw@live.example:8443/x/index.m3u8?t=1")
    assert pinned is not None
    assert pinned.url == "https://user:pw@93.184.216.34:8443/x/index.m3u8?t=1"
    assert (pinned.host, pinned.address) == ("live.example", "93.184.216.34")
    assert asked == ["live.example"]


def test_the_schemes_can_be_narrowed_but_not_widened() -> None:
    only_hls = StreamDestinations.from_text(schemes="https")
    with pytest.raises(DestinationRefused):
        only_hls.check("rtmp://93.184.216.34/live")
    with pytest.raises(ValueError):
        StreamDestinations.from_text(schemes="https,tcp")


class _HostEcho(http.server.SimpleHTTPRequestHandler):
    hosts: list[str]

    def do_GET(self) -> None:
        type(self).hosts.append(self.headers.get("Host", ""))
        super().do_GET()

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def files(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    write_stream(tmp_path / "clip.mp4", [(0, 2.0)])
    hosts: list[str] = []
    handler = type("Handler", (_HostEcho,), {"hosts": hosts})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(handler, directory=str(tmp_path))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{httpd.server_address[1]}", hosts
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_connection_goes_to_the_pinned_address_with_the_name_as_host(
    files: tuple[str, list[str]],
) -> None:
    """``stream.test`` does not resolve for real: the frames can only come from connecting
    to the address the check resolved (once), with the name kept in the Host header."""
    port, hosts = files
    asked: list[str] = []

    def resolve(host: str, _port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    destinations = StreamDestinations.from_text(allow_networks="127.0.0.0/8")
    destinations = StreamDestinations(
        destinations.schemes, destinations.allow_networks, resolver=resolve
    )
    options = SourceOptions(destinations=destinations, reconnect_attempts=0)
    frames = list(VideoSource(f"http://stream.test:{port}/clip.mp4", options).frames())
    assert frames
    assert asked and set(asked) == {"stream.test"}
    assert hosts and all(h == f"stream.test:{port}" for h in hosts)


def test_a_rebinding_name_is_refused_at_connection_time_without_retrying(
    files: tuple[str, list[str]],
) -> None:
    """Registration saw a public address; by the time the monitor connects, the name
    answers loopback: the connection is refused, not made, and not retried."""
    port, hosts = files
    answers = iter([["93.184.216.34"], ["127.0.0.1"], ["127.0.0.1"]])
    destinations = StreamDestinations(resolver=lambda _h, _p: next(answers))
    url = f"http://rebind.test:{port}/clip.mp4"
    assert destinations.check(url)  # what registration saw
    options = SourceOptions(destinations=destinations, reconnect_attempts=3)
    with pytest.raises(SourceRefused, match=re.escape("127.0.0.1")):
        list(VideoSource(url, options).frames())
    assert hosts == []


@pytest.fixture
def api(tmp_path: Path) -> Iterator[httpx.Client]:
    db = open_database(f"sqlite:///{tmp_path / 'sg.db'}")
    with db.session() as s:
        _, key = keys.create_key(s, role="matcher", name="platform", actor="test")
    os.environ.pop("SAFEGUARD_STREAMS_ALLOW_NETWORKS", None)
    server = LiveServer(settings_for_tests(tmp_path, database_url(db)), db).start()
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"})
    try:
        yield client
    finally:
        client.close()
        server.stop()
        db.dispose()


@pytest.mark.parametrize(
    "url",
    ["tcp://127.0.0.1:2024", "http://127.0.0.1:9/live.m3u8", "rtsp://169.254.169.254/x"],
)
def test_a_matcher_key_cannot_make_the_server_connect_to_internal_addresses(
    api: httpx.Client, url: str
) -> None:
    r = api.post("/v1/streams", json={"id": "probe", "url": url})
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == "invalid_stream"
    assert api.get("/v1/streams/probe").status_code == 404
