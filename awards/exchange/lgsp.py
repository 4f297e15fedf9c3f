"""The province's LGSP (nền tảng tích hợp, chia sẻ dữ liệu): push a year's awards to it, pull the decisions of
central bodies from it. The endpoint is configured (``LGSP_URL``, ``LGSP_TOKEN``); every exchange is recorded
(``ExchangeMessage``). Plain JSON over HTTPS with a bearer token: the LGSP's own message format was not found
(docs/legal-sources.md), so the payload is this project's API shape."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

from awards.exchange import cbccvc
from awards.models import ExchangeMessage


class LgspError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _endpoint(path: str) -> str:
    base = (settings.LGSP_URL or "").rstrip("/")
    if not base:
        raise LgspError("Chưa cấu hình địa chỉ LGSP (LGSP_URL).")
    return f"{base}/{path.lstrip('/')}"


def _call(method: str, url: str, body: bytes | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers={
        "Content-Type": "application/json", "Accept": "application/json",
        **({"Authorization": f"Bearer {settings.LGSP_TOKEN}"} if settings.LGSP_TOKEN else {})})
    try:
        with urllib.request.urlopen(request, timeout=settings.LGSP_TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise LgspError(f"Không kết nối được LGSP: {exc}") from exc


def push_awards(year: int) -> ExchangeMessage:
    """Send the year's individual awards (the CBCCVC rows without citizen IDs) to ``<LGSP_URL>/awards``."""
    records = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}
               for row in cbccvc.rows(year, with_citizen_id=False)]
    payload = json.dumps({"year": year, "source": "tdkt", "awards": records}, ensure_ascii=False).encode()
    url = ""
    try:
        url = _endpoint("awards")
        status, _body = _call("POST", url, payload)
    except LgspError as exc:
        return ExchangeMessage.objects.create(direction="push", endpoint=url, kind="awards", error=exc.message,
                                              records=len(records))
    return ExchangeMessage.objects.create(direction="push", endpoint=url, kind="awards", status=status,
                                          records=len(records),
                                          error="" if 200 <= status < 300 else f"LGSP trả lời {status}")


def pull_central_decisions(since: str = "") -> tuple[ExchangeMessage, list[dict]]:
    """Read ``<LGSP_URL>/central-decisions?since=`` : decisions of central bodies on forwarded dossiers. Returns
    the records as read; recording them on the nominations stays with the staff's page (a person checks them)."""
    url = ""
    try:
        url = _endpoint("central-decisions") + (f"?{urllib.parse.urlencode({'since': since})}" if since else "")
        status, body = _call("GET", url)
    except LgspError as exc:
        return ExchangeMessage.objects.create(direction="pull", endpoint=url, kind="central-decisions",
                                              error=exc.message), []
    records: list[dict] = []
    error = "" if 200 <= status < 300 else f"LGSP trả lời {status}"
    if not error:
        try:
            data = json.loads(body or b"{}")
            decisions = data.get("decisions", [])
            if not isinstance(decisions, list):  # null, a number, a text, an object: not the list agreed on
                raise ValueError(decisions)
            records = [r for r in decisions if isinstance(r, dict)]
        except (ValueError, AttributeError):
            error = "LGSP trả về dữ liệu không đọc được."
    message = ExchangeMessage.objects.create(direction="pull", endpoint=url, kind="central-decisions",
                                             status=status, records=len(records), error=error)
    return message, records
