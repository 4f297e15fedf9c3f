"""The client's address, for throttling and the read log.

Behind a reverse proxy every request comes from the proxy; the proxy names the client in X-Forwarded-For. That
header is believed only when the request comes from an address listed in ``TRUSTED_PROXIES``, and is read from
the right, skipping our own proxies: the first address that is not ours is the client. Anything further left
was written by the client and proves nothing. Without trusted proxies the peer address is the client, so a
forged header cannot shift anyone's failures onto someone else (or lock everyone behind one address).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def _trusted(address: str | None, proxies: list[str]) -> bool:
    if not address:  # no peer address (a Unix socket, a request built in code): nobody to trust
        return False
    ip = ipaddress.ip_address(address)
    for proxy in proxies:
        try:
            if ip in ipaddress.ip_network(proxy, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(request: HttpRequest) -> str:
    peer = _valid(request.META.get("REMOTE_ADDR", "") or "") or ""
    proxies = list(getattr(settings, "TRUSTED_PROXIES", []) or [])
    if not proxies or not _trusted(peer, proxies):
        return peer
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for hop in reversed(forwarded):
        address = _valid(hop)
        if address is None:
            return peer  # a malformed hop: do not guess further left
        if not _trusted(address, proxies):
            return address
    return peer
