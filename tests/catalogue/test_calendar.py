"""Working-day deadlines: weekends and the holiday table do not count."""

import datetime

import pytest

from awards.catalogue.calendar import add_working_days, due_date, working_days_for
from awards.models import Holiday, ProcessingTimeLimit

pytestmark = pytest.mark.django_db
D = datetime.date


def test_weekend_is_skipped():
    assert add_working_days(D(2026, 11, 20), 1) == D(2026, 11, 23)  # Friday -> Monday
    assert add_working_days(D(2026, 11, 21), 1) == D(2026, 11, 23)  # Saturday -> Monday
    assert add_working_days(D(2026, 11, 23), 5) == D(2026, 11, 30)


def test_tet_2026_is_skipped():
    # Tết Nguyên đán 2026 (mùng 1 = 17/02) in the loaded holiday table: 16/02 - 20/02.
    assert set(Holiday.objects.filter(date__range=(D(2026, 2, 14), D(2026, 2, 22))).values_list("date", flat=True)) == {
        D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20)}
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert add_working_days(D(2026, 2, 13), 15) == D(2026, 3, 13)


def test_a_holiday_added_by_staff_counts():
    assert add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 24)
    Holiday.objects.create(date=D(2026, 11, 24), name="Nghỉ bù")
    assert add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 25)


def test_limits_per_occasion_with_default():
    assert working_days_for("cong_trang") == 15
    assert working_days_for("dot_xuat") == 7
    ProcessingTimeLimit.objects.filter(occasion="").update(working_days=10)
    assert working_days_for("chuyen_de") == 10
    assert due_date(D(2026, 11, 23), "dot_xuat") == D(2026, 12, 2)
