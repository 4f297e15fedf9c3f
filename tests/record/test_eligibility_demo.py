"""The demo data gives "Ai đủ điều kiện năm nay" real candidates for Lạng Sơn (awards/demo/facts.py)."""

from __future__ import annotations

import datetime

import pytest

from awards.record.eligibility.candidates import candidates_for
from units.models import Unit

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 3, 1)


def names(data) -> dict[str, list[tuple[str, str]]]:
    return {code: [(str(i["subject"]), i["result"].verdict) for i in items] for code, _n, items in data["groups"]}


def test_province_wide_candidates_2019(demo_data):
    found = names(candidates_for(None, 2019, on=ON))
    assert found["chien-si-thi-dua-cap-tinh"] == [("Hoàng Thị Thu Hà", "needs_judgement")]
    assert found["bang-khen-chu-tich-ubnd-tinh"] == [("Lăng Thị Mai", "eligible"),
                                                     ("Trường THPT Chuyên Chu Văn An", "eligible")]
    assert found["tap-the-lao-dong-xuat-sac"] == [("Trường THPT Chuyên Chu Văn An", "eligible")]
    assert "Nông Văn Hải" not in str(found)  # his chain of Chiến sĩ thi đua cơ sở is broken in 2017


def test_demo_titles_stay_before_2019(demo_data):
    from awards.models import Award

    assert not Award.objects.filter(source="history", year__gte=2019).exists()


def test_the_education_officer_sees_the_school(demo_data):
    department = Unit.objects.get(code="so-giao-duc-dao-tao")
    data = candidates_for(department, 2019, "chien-si-thi-dua-cap-tinh", on=ON)
    (_code, _name, items), = data["groups"]
    assert [(str(i["subject"]), i["hint"]) for i in items] == [
        ("Hoàng Thị Thu Hà", "Nữ: được ưu tiên khi thành tích ngang nhau")]
    school = names(candidates_for(department, 2019, "tap-the-lao-dong-xuat-sac", on=ON))
    assert school == {"tap-the-lao-dong-xuat-sac": [("Trường THPT Chuyên Chu Văn An", "eligible")]}
