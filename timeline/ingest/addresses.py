"""Which addresses `timeline` may fetch, and how an address is shown or kept.

An address a person typed (`add URL`, `feeds add URL`) is trusted: its origin (scheme, host,
port) may be reached whatever it resolves to, so a newsroom can follow its own intranet. An
address that comes from content (a feed item's link, a redirect, a page's canonical link) may
not reach a loopback, private, link-local, multicast or otherwise reserved address, unless it has
the origin of the feed or page it came from, or its host is one the setting allows
(`$TIMELINE_ALLOW_HOSTS`: host names or networks, comma-separated). The check is made after
resolving the host, before any connection, and again for every redirect.

Credentials written into an address (`https://user:pass@host/...`) are used for that request and
never printed, stored or exported: a feed that needs them reads them from `~/.netrc`.
"""
from __future__ import annotations

import ipaddress
import os
import socket
from typing import Iterable, Optional
from urllib.parse import urlsplit, urlunsplit

Origin = tuple[str, str, int]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> Origin:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme, 0)


def without_credentials(url: str) -> str:
    """The address with any user name and password taken out."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def same_site(a: str, b: str) -> bool:
    """Do two addresses belong to one site (one host name, "www." aside)?"""
    def host(u: str) -> str:
        h = (urlsplit(u).hostname or "").lower()
        return h[4:] if h.startswith("www.") else h
    return bool(host(a)) and host(a) == host(b)


def _allowed_hosts() -> tuple[set[str], list]:
    names, networks = set(), []
    for item in os.environ.get("TIMELINE_ALLOW_HOSTS", "").split(","):
        item = item.strip().lower()
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            names.add(item)
    return names, networks


def _kind(ip) -> Optional[str]:
    """What makes an address one that content may not send us to, or None."""
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    for attribute, name in (("is_loopback", "loopback"), ("is_link_local", "link-local"),
                            ("is_multicast", "multicast"), ("is_unspecified", "unspecified"),
                            ("is_private", "private"), ("is_reserved", "reserved")):
        if getattr(ip, attribute):
            return name
    return None


def refusal(url: str, trusted: Iterable[Origin] = ()) -> Optional[str]:
    """Why `url`, reached from content, may not be fetched; None when it may. Resolves the host
    (an address written as an IP needs no lookup) and looks at every address it has."""
    here = origin(url)
    if here in set(trusted):
        return None
    names, networks = _allowed_hosts()
    host = here[1]
    if host in names:
        return None
    try:
        infos = socket.getaddrinfo(host, here[2], type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        return None  # no such host: the request fails as any unknown host does
    for info in infos:
        try:
            ip = ipaddress.ip_address(info[4][0].split("%")[0])
        except ValueError:
            continue
        if any(ip in n for n in networks):
            continue
        kind = _kind(ip)
        if kind:
            return (f"{without_credentials(url)}: refused: {host} is a {kind} address ({ip}), and the address came from "
                    "a feed or a page, not from you; add it yourself, or allow the host in TIMELINE_ALLOW_HOSTS")
    return None
