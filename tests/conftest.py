"""Personas shared by every test module: officers of unit A and B, staff, council, leadership, admin; for a unit's
own round, the deciding bodies of units A and B, a school under unit A with its officer, and unit A's leader."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from awards.models import Signer
from tests.factories import UnitFactory, UserFactory, make_body
from units.models import Role, UnitKind


@pytest.fixture
def unit_a(db):
    return UnitFactory(code="so-a", name="Sở Giáo dục và Đào tạo", short_name="Sở GD&ĐT", kind=UnitKind.DEPARTMENT)


@pytest.fixture
def unit_b(db):
    return UnitFactory(code="so-b", name="Sở Y tế", short_name="Sở YT", kind=UnitKind.DEPARTMENT)


@pytest.fixture
def officer_a(unit_a):
    return UserFactory(username="officer_a", full_name="Lường Thị Hoa", unit=unit_a, roles=[Role.UNIT_OFFICER])


@pytest.fixture
def officer_b(unit_b):
    return UserFactory(username="officer_b", full_name="Hoàng Văn Bình", unit=unit_b, roles=[Role.UNIT_OFFICER])


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", full_name="Trần Văn Ba", is_staff=True, roles=[Role.BOARD_STAFF])


@pytest.fixture
def council_member(db):
    return UserFactory(username="council", full_name="Nông Thị Mai", roles=[Role.COUNCIL_MEMBER])


@pytest.fixture
def leader(db):
    return UserFactory(username="leader", full_name="Hồ Tiến Thiệu", roles=[Role.LEADERSHIP])


@pytest.fixture
def administrator(db):
    return UserFactory(username="root", full_name="Quản trị", is_staff=True, is_superuser=True)


# A unit's own round (issue 13): the Sở Giáo dục và Đào tạo (unit A) decides through its Giám đốc, a school under it
# proposes to him, the Giám đốc has his own account; the Sở Y tế (unit B) decides through its own Giám đốc.

@pytest.fixture
def education(unit_a):
    """The Giám đốc Sở Giáo dục và Đào tạo as a deciding body (series QĐ-SGDĐT), from 2004."""
    return make_body(unit_a)


@pytest.fixture
def director(education):
    return Signer.objects.create(body=education, full_name="Trần Văn Hải", position="Giám đốc Sở Giáo dục và Đào tạo",
                                 capacity="chu_tich", valid_from=datetime.date(2016, 1, 1))


@pytest.fixture
def school(unit_a):
    return UnitFactory(code="thpt-viet-bac", name="Trường THPT Việt Bắc", short_name="THPT Việt Bắc",
                       kind=UnitKind.PUBLIC_SERVICE, parent=unit_a)


@pytest.fixture
def school_officer(school):
    return UserFactory(username="school_officer", full_name="Vi Thị Nhung", unit=school, roles=[Role.UNIT_OFFICER])


@pytest.fixture
def sở_leader(unit_a):
    """The Giám đốc's own account: leadership bound to the Sở."""
    return UserFactory(username="so_leader", full_name="Trần Văn Hải", unit=unit_a, roles=[Role.LEADERSHIP])


@pytest.fixture
def health(unit_b):
    """The Giám đốc Sở Y tế, the other unit's deciding body (series QĐ-SYT)."""
    return make_body(unit_b, symbol="QĐ-SYT")


PERSONAS = ["anonymous", "officer_a", "officer_b", "staff", "council_member", "leader"]


@pytest.fixture
def client_for(request, db):
    """``client_for("staff")`` gives a test client logged in as that persona (anonymous: not logged in)."""

    def make(persona: str) -> Client:
        client = Client()
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return make


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 at full strength costs ~0.3 s per user; tests do not need it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` run only when DATABASE_URL points at PostgreSQL (as in .ci/run)."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="PostgreSQL-specific; set DATABASE_URL=postgres://... to run")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def pytest_configure(config):
    """Tasks run in-process in the test suite (the real-worker test starts its own worker on Redis)."""
    from config.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker, tmp_path_factory):
    """The Lạng Sơn demo data, seeded once per module in a transaction rolled back at its end (each test
    runs in a savepoint inside it). Files go to a temporary media folder."""
    from django.db import transaction
    from django.test import override_settings

    from awards.demo import seed_demo

    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], MEDIA_ROOT=media
    ), transaction.atomic():
        counts = seed_demo()
        yield counts
        transaction.set_rollback(True)


@pytest.fixture(scope="session", autouse=True)
def _signing_dir(tmp_path_factory):
    """The demo CA and the demo key files of the session (awards.signing.demokeys), trusted by validation."""
    from django.test import override_settings

    directory = tmp_path_factory.mktemp("signing")
    with override_settings(SIGNING_DIR=directory, SIGNING_TRUST_ROOTS=[str(directory / "demo-ca.pem")]):
        yield directory


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Failed-login and reset counters live in the shared cache (the database cache here, Redis with CACHE_URL):
    no test inherits another's. With the database cache a test without database access has none to clear; one with
    it gets its database first, so that the clearing after the test happens before the database is closed."""
    from django.conf import settings
    from django.core.cache import cache

    if settings.CACHES["default"]["BACKEND"] == "config.cache.SharedDatabaseCache":
        marker = request.node.get_closest_marker("django_db")
        names = set(request.fixturenames)
        if marker is None and not names & {"db", "transactional_db", "live_server"}:
            yield
            return
        transactional = bool(names & {"transactional_db", "live_server"}) or bool(
            marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
        request.getfixturevalue("transactional_db" if transactional else "db")
    cache.clear()
    yield
    cache.clear()
