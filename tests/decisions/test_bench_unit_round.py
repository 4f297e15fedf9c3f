"""The unit-round benchmark runs the real path and leaves the database as it was."""

import io

import pytest
from django.core.management import call_command

from awards.models import Award, Decision, Dossier

pytestmark = pytest.mark.django_db


def test_the_benchmark_publishes_the_whole_list_then_rolls_back():
    out = io.StringIO()
    call_command("bench_unit_round", rows=20, stdout=out)
    assert "Đã nhập 20 người; quyết định 01/QĐ-SGDHN; 20 bản ghi khen thưởng (đã hoàn tác)." in out.getvalue()
    assert (Dossier.objects.count(), Decision.objects.count(), Award.objects.count()) == (0, 0, 0)
