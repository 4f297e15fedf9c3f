"""The public pages' throttles behind the province's reverse proxy (issues 18, 19 attacked with issue 15's finding
3): every request reaches the web node from the proxy, the proxy names the client in X-Forwarded-For. Counted by
REMOTE_ADDR, one busy citizen (or one robot) used up the quota of the whole province; counted by the client's
address (``units.security.client``), each client has its own; without trusted proxies the header is ignored."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from awards.consultation import services
from awards.models import Opinion
from tests.factories import PersonFactory, make_dossier

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.2"
REFUSED = "Địa chỉ của bạn đã gửi nhiều ý kiến trong một giờ. Vui lòng thử lại sau."


@pytest.fixture
def consultation(unit_a, officer_a, staff):
    nominee = PersonFactory(unit=unit_a, full_name="Hoàng Thị Hằng", birth_date=datetime.date(1979, 11, 23),
                            position="Hiệu trưởng")
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state="reviewed",
                           verdict="eligible", recipient=nominee)
    return services.open_consultation([dossier], datetime.date(2021, 3, 1), staff)


def _send(consultation, client_ip, proxy=PROXY):
    nomination = consultation.dossiers.get().nominations.get()
    data = {"nominee": nomination.pk, "name": "Lương Văn Minh", "contact": "0912 345 678",
            "text": "Tôi đồng ý với đề nghị này.", "website": ""}
    return Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=client_ip).post(
        f"/public/consultations/{consultation.pk}/", data)


def test_each_citizen_behind_the_proxy_has_his_own_quota(consultation, freezer_today, settings):
    settings.CONSULTATION_OPINIONS_PER_HOUR = 2
    settings.TRUSTED_PROXIES = [PROXY]
    assert [_send(consultation, "203.0.113.7").status_code for _ in range(2)] == [302, 302]
    refused = _send(consultation, "203.0.113.7")
    assert REFUSED in refused.content.decode()
    assert _send(consultation, "198.51.100.9").status_code == 302
    assert Opinion.objects.count() == 3
    assert Opinion.objects.last().address_hash == services.address_hash("198.51.100.9")


def test_without_trusted_proxies_a_forged_header_changes_nothing(consultation, freezer_today, settings):
    settings.CONSULTATION_OPINIONS_PER_HOUR = 2
    settings.TRUSTED_PROXIES = []
    assert [_send(consultation, f"198.51.100.{n}", proxy="203.0.113.7").status_code for n in range(3)] == [
        302, 302, 200]
    assert Opinion.objects.count() == 2


def test_verification_quota_is_per_client_behind_the_proxy(client, settings):
    settings.VERIFY_MAX_REQUESTS = 2
    settings.TRUSTED_PROXIES = [PROXY]
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert [first.get("/verify/2222-2222/").status_code for _ in range(3)] == [404, 404, 429]
    other = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert other.get("/verify/2222-2222/").status_code == 404


def test_downloads_are_logged_with_the_clients_address(unit_a, officer_a, settings, tmp_path):
    """The read log (page and API) names the client behind the proxy, not the proxy."""
    from django.core.files.base import ContentFile

    from awards.models import Attachment, AttachmentAccess

    settings.MEDIA_ROOT = tmp_path
    settings.TRUSTED_PROXIES = [PROXY]
    dossier = make_dossier(unit_a, officer_a)
    attachment = Attachment.objects.create(dossier=dossier, kind="to_trinh", file=ContentFile(b"%PDF-1.4", "a.pdf"),
                                           original_name="a.pdf", content_type="application/pdf", size=8,
                                           uploaded_by=officer_a)
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    client.force_login(officer_a)
    assert client.get(f"/awards/dossiers/{dossier.reference}/attachments/{attachment.pk}/").status_code == 200
    assert list(AttachmentAccess.objects.values_list("ip", flat=True)) == ["203.0.113.7"]


@pytest.mark.parametrize("peer", ["", "unix:/run/gunicorn.sock", "khong-phai-ip"])
def test_a_request_without_a_peer_address_with_trusted_proxies(peer, officer_a, settings):
    """Trusted proxies set and no usable peer address (gunicorn on a Unix socket, a request built in code): the
    client's address is empty, never a ValueError (every login was a 500)."""
    from django.test import RequestFactory

    from units.security.client import client_address

    settings.TRUSTED_PROXIES = [PROXY]
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(request) == ""
    client = Client(REMOTE_ADDR=peer)
    answer = client.post("/accounts/login/", {"username": "officer_a", "password": "thidua2021"})
    assert answer.status_code == 302


def test_a_handled_note_with_nul_sent_as_multipart(consultation, freezer_today, client_for):
    """The staff's "handled" note is read without a form; a multipart body is not looked at by the NUL middleware."""
    assert _send(consultation, "203.0.113.7", proxy="203.0.113.7").status_code == 302
    opinion = Opinion.objects.get()
    staff = client_for("staff")
    answer = staff.post(f"/awards/consultations/{consultation.pk}/opinions/{opinion.pk}/handled/",
                        {"note": "Đã\x00 xem"})
    assert answer.status_code == 302
    opinion.refresh_from_db()
    assert (opinion.handled, opinion.handled_note) == (True, "Đã xem")
    assert client_for("officer_a").post(
        f"/awards/consultations/{consultation.pk}/opinions/{opinion.pk}/handled/", {"note": "x"}).status_code == 403
