"""Where the service may connect to watch a stream registered over HTTP.

A stream URL comes from an API client (a matcher key), and the server dials it: without a
rule that is a way to make the server connect anywhere (server-side request forgery). So a
registered stream URL must

- use one of the configured schemes (HLS/HTTP(S), RTMP(S), RTSP(S), SRT by default; never
  ``file``, ``tcp``, ``udp``, ``rtp`` or FFmpeg's other protocols),
- name a host that resolves only to public addresses: loopback, private, link-local,
  unique-local, multicast, unspecified and reserved addresses are refused unless a network
  holding them is allowlisted (``SAFEGUARD_STREAMS_ALLOW_NETWORKS``, e.g. ``10.0.0.0/8``),
- and is connected to at the address checked: the host is resolved once, checked, and the
  URL handed to FFmpeg names that address (the HTTP ``Host`` header keeps the name), so a DNS
  answer that changes between the check and the connection (DNS rebinding) changes nothing.

``safeguard stream watch`` on the command line is the operator's own act and is not
restricted. What this does not cover (see docs/stream.md): FFmpeg follows HTTP redirects and
absolute URIs inside HLS playlists without asking; nested opens are limited to network
protocols (``protocol_whitelist``), not to hosts.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from safeguard.errors import InvalidInput

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

DEFAULT_SCHEMES = frozenset({"http", "https", "hls", "rtmp", "rtmps", "rtsp", "rtsps", "srt"})
_DEFAULT_PORTS = {
    "http": 80,
    "https": 443,
    "hls": 80,
    "rtmp": 1935,
    "rtmps": 443,
    "rtsp": 554,
    "rtsps": 322,
    "srt": 9000,
}
#: What FFmpeg may open while reading an HTTP-family stream (HLS segments, keys): network
#: protocols only, so a playlist cannot point it at a local file.
HTTP_PROTOCOLS = "http,https,tls,tcp,crypto,hls"


class DestinationRefused(InvalidInput):
    """The stream URL's scheme or address is not one the service may connect to."""

    code = "stream_destination_refused"


def resolve_host(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise DestinationRefused(f"cannot resolve {host!r}: {e}") from None
    return [str(info[4][0]) for info in infos]


def parse_networks(text: str) -> tuple[Network, ...]:
    """``"127.0.0.0/8, ::1"`` → networks; a bad item is a configuration error."""
    out: list[Network] = []
    for item in text.split(","):
        if item.strip():
            out.append(ipaddress.ip_network(item.strip(), strict=False))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class PinnedUrl:
    """A checked URL: ``url`` names the address to connect to, ``host`` the original name."""

    url: str
    host: str
    address: str
    scheme: str
    #: ``host[:port]`` as the URL gave it, for the HTTP ``Host`` header.
    authority: str = ""


@dataclass(frozen=True, slots=True)
class StreamDestinations:
    schemes: frozenset[str] = DEFAULT_SCHEMES
    allow_networks: tuple[Network, ...] = ()
    #: Server-side file paths (demos only).
    allow_files: bool = False
    resolver: Resolver = field(default=resolve_host, compare=False)

    @classmethod
    def from_text(
        cls, *, schemes: str = "", allow_networks: str = "", allow_files: bool = False
    ) -> StreamDestinations:
        chosen = frozenset(s.strip().lower() for s in schemes.split(",") if s.strip())
        unknown = chosen - DEFAULT_SCHEMES
        if unknown:
            raise ValueError(
                f"stream scheme(s) {', '.join(sorted(unknown))} are not supported; "
                f"choose from {', '.join(sorted(DEFAULT_SCHEMES))}"
            )
        return cls(chosen or DEFAULT_SCHEMES, parse_networks(allow_networks), allow_files)

    def allowed_address(self, address: Address) -> bool:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if any(address in net for net in self.allow_networks):
            return True
        return address.is_global and not address.is_multicast

    def is_file(self, location: str) -> bool:
        scheme = urlsplit(location).scheme.lower()
        return scheme in ("", "file") or (len(scheme) == 1 and location[1:2] == ":")

    def check(self, location: str) -> PinnedUrl | None:
        """Refuse a location the service may not open; pin a URL to a checked address.
        Returns None for an allowed server-side file."""
        if self.is_file(location):
            if self.allow_files and not location.lower().startswith("file:"):
                return None
            raise DestinationRefused(
                f"{location!r} is not a stream URL ({', '.join(sorted(self.schemes))})"
            )
        parts = urlsplit(location)
        scheme = parts.scheme.lower()
        if scheme not in self.schemes:
            raise DestinationRefused(
                f"scheme {scheme!r} is not allowed for streams "
                f"(allowed: {', '.join(sorted(self.schemes))})"
            )
        host = parts.hostname
        if not host:
            raise DestinationRefused(f"{location!r} names no host")
        try:
            port = parts.port or _DEFAULT_PORTS.get(scheme, 0)
        except ValueError:
            raise DestinationRefused(f"{location!r} has a bad port") from None
        addresses = self._addresses(host, port)
        refused = [a for a in addresses if not self.allowed_address(a)]
        if refused:
            raise DestinationRefused(
                f"{host} resolves to {refused[0]}, a loopback, private, link-local or reserved "
                "address; the service does not connect there unless the deployment allowlists "
                "it (SAFEGUARD_STREAMS_ALLOW_NETWORKS)"
            )
        chosen = addresses[0]
        literal = f"[{chosen}]" if chosen.version == 6 else str(chosen)
        userinfo = parts.netloc.rpartition("@")[0]
        netloc = (userinfo + "@" if userinfo else "") + literal
        if parts.port:
            netloc += f":{parts.port}"
        pinned = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
        authority = parts.netloc.rpartition("@")[2]
        return PinnedUrl(pinned, host, str(chosen), scheme, authority)

    def _addresses(self, host: str, port: int) -> list[Address]:
        try:
            return [ipaddress.ip_address(host)]
        except ValueError:
            pass
        found: list[Address] = []
        for text in self.resolver(host, port):
            address = ipaddress.ip_address(text.split("%", 1)[0])
            if address not in found:
                found.append(address)
        if not found:
            raise DestinationRefused(f"{host!r} resolves to no address")
        return found


def ffmpeg_options(pinned: PinnedUrl) -> dict[str, str]:
    """Options that keep a pinned connection what it was checked to be: the name in the
    HTTP ``Host`` header and as the TLS server name (SNI), nested opens limited to network
    protocols."""
    if pinned.scheme not in ("http", "https", "hls"):
        return {}
    host = pinned.authority or pinned.host
    options = {"headers": f"Host: {host}\r\n", "protocol_whitelist": HTTP_PROTOCOLS}
    if pinned.scheme == "https":
        options["verifyhost"] = pinned.host
    return options
