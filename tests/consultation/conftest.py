import datetime

import pytest

from awards.consultation import views


@pytest.fixture
def freezer_today(monkeypatch):
    """The public page's "today" is 01/03/2021, inside the period (the views read ``timezone.localdate``)."""
    monkeypatch.setattr(views.timezone, "localdate", lambda *a, **k: datetime.date(2021, 3, 1))
    from awards.consultation import services
    monkeypatch.setattr(services.timezone, "localdate", lambda *a, **k: datetime.date(2021, 3, 1))
