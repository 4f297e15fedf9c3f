"""Accent-insensitive search and Vietnamese ordering: the same queries on SQLite (Python functions
registered per connection) and on PostgreSQL (unaccent extension, ICU collation vi-x-icu)."""

import pytest
from django.db import connection

from tests.factories import PersonFactory, UnitFactory
from units.models import Person, Unit
from units.search import search, vietnamese_order
from units.text import vietnamese_sort_key

pytestmark = pytest.mark.django_db

NAMES = ["Hoàng Văn Thụ", "Hoàng Văn Nghiệm", "Đặng Thị Ánh", "Dương Xuân Huyên", "Hồ Tiến Thiệu",
         "Âu Văn Bình", "An Văn Cường", "Ăn Thị Dung", "Lương Thị Bình", "Hà Thị Lư", "Ưng Văn Mạnh",
         "Uông Văn Tú"]


@pytest.fixture
def people():
    unit = UnitFactory(name="Phường Hoàng Văn Thụ")
    return [PersonFactory(full_name=name, unit=unit) for name in NAMES]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hoang van thu", ["Hoàng Văn Thụ"]),
        ("HOANG VAN", ["Hoàng Văn Nghiệm", "Hoàng Văn Thụ"]),
        ("Hoàng Văn Thụ", ["Hoàng Văn Thụ"]),
        ("dang thi", ["Đặng Thị Ánh"]),
        ("duong", ["Dương Xuân Huyên"]),
        ("van thu", ["Hoàng Văn Thụ"]),
        ("thu hoang", []),  # a phrase, not loose words
        ("binh", ["Âu Văn Bình", "Lương Thị Bình"]),
        ("khong co ai", []),
    ],
)
def test_accent_insensitive_search(people, query, expected):
    found = search(Person.objects.all(), ["full_name"], query).order_by(vietnamese_order("full_name"))
    assert [p.full_name for p in found] == expected


def test_blank_query_returns_everything(people):
    assert search(Person.objects.all(), ["full_name"], "   ").count() == len(NAMES)


def test_database_order_matches_vietnamese_alphabet(people):
    ordered = [p.full_name for p in Person.objects.order_by(vietnamese_order("full_name"))]
    assert ordered == sorted(NAMES, key=vietnamese_sort_key)
    assert ordered[:4] == ["An Văn Cường", "Ăn Thị Dung", "Âu Văn Bình", "Dương Xuân Huyên"]
    assert ordered.index("Dương Xuân Huyên") < ordered.index("Đặng Thị Ánh")
    assert ordered[-2:] == ["Uông Văn Tú", "Ưng Văn Mạnh"]


def test_search_on_related_field(people):
    found = search(Unit.objects.all(), ["name"], "phuong hoang van thu")
    assert [u.name for u in found] == ["Phường Hoàng Văn Thụ"]


@pytest.mark.postgres
def test_postgres_uses_the_unaccent_extension_and_icu_collation(people):
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname = 'unaccent'")
        assert cursor.fetchone() == ("unaccent",)
        cursor.execute("SELECT unaccent('Đặng Thị Ánh Hoàng Văn Thụ')")
        assert cursor.fetchone() == ("Dang Thi Anh Hoang Van Thu",)
    sql = str(search(Person.objects.all(), ["full_name"], "thu").order_by(vietnamese_order("full_name")).query)
    assert "UNACCENT" in sql.upper()
    assert 'COLLATE "vi-x-icu"' in sql
