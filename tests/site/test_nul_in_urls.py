"""A NUL character (%00) in a URL's path or query is a 400 with the Vietnamese page, never a 500 (PostgreSQL refuses
NUL in text values): found attacking the API's dossier references (issue 19)."""

from __future__ import annotations

import pytest

from tests.api.support import api, bearer, keys, world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/awards/dossiers/HS%00/", "/search/?q=a%00b", "/awards/dossiers/?q=%00",
                                 "/public/decisions/?q=%00", "/dashboard/?year=%00", "/awards/dossiers/?%00=1"])
def test_nul_in_a_page_url(url, client_for):
    response = client_for("staff").get(url)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_nul_in_an_api_reference(keys, world):  # noqa: F811
    reference = world["dossier_b"].reference
    for url in (f"/api/v1/dossiers/{reference}%00/", f"/api/v1/dossiers/{reference}%00/attachments/",
                "/api/v1/dossiers/?search=%00", "/api/v1/dashboard/?year=%00"):
        assert api().get(url, **bearer(keys["write_a"])).status_code == 400, url
    assert api().get(f"/api/v1/dossiers/{world['dossier_a'].reference}/", **bearer(keys["read_a"])).status_code == 200
