"""The drill-down's rows written in Python (awards/reports/rows.py ``drill_rows``) are the HTML its template loop
wrote (the loop below, as dashboard_drill.html had it, is the oracle): names and numbers with markup in them,
awards with and without a decision of the system, the numbering of the second page, and the empty page."""

from __future__ import annotations

import datetime
import re

from django.core.paginator import Paginator
from django.template import engines
from django.utils import translation

from awards.catalogue.in_force import award_type_on
from awards.models import Award
from awards.reports.rows import drill_rows
from tests.factories import UnitFactory

ORACLE = """{% load i18n %}{% for a in page %}<tr><td>{{ page.start_index|add:forloop.counter0 }}</td><td>{{ a.recipient_name }}</td><td>{{ a.kind_label }}</td><td>{{ a.award_type.name }}</td>
<td>{% if a.decision_url %}<a href="{{ a.decision_url }}">{{ a.decision_number }}</a>{% else %}{{ a.decision_number }}{% endif %}</td><td>{{ a.decided_on|date:"d/m/Y" }}</td><td>{{ a.issuer }}</td></tr>
{% empty %}<tr><td colspan="7" class="text-muted">{% translate "Không có khen thưởng nào." %}</td></tr>{% endfor %}
"""


def squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def test_drill_rows_are_the_template_s_html(db):
    award_type = award_type_on("bang-khen-chu-tich-ubnd-tinh", datetime.date(2021, 12, 31))
    unit = UnitFactory()
    Award.objects.bulk_create(
        Award(source="history", award_type=award_type, award_code=award_type.code, recipient_kind="ca_nhan",
              recipient_name=f'Nguyễn <b>"Văn"</b> & {i}', proposing_unit=unit, year=2021, achievement_year=2021,
              occasion="cong_trang", authority="chu_tich_ubnd_tinh", decision_number=f"{i}/QĐ-UBND <i>",
              decided_on=datetime.date(2021, 6, 1 + i % 20), issuer="Chủ tịch UBND tỉnh & <Lạng Sơn>")
        for i in range(60))
    awards = list(Award.objects.select_related("award_type").order_by("pk"))
    for index, award in enumerate(awards):
        award.kind_label = "Cá nhân"
        award.decision_url = f"/awards/decisions/{index}/?a=1&b=<2>" if index % 3 else ""
    engine = engines["django"]
    for language in ("vi", "en"):
        with translation.override(language):
            for number in (1, 2):
                page = Paginator(awards, 50).page(number)
                oracle = engine.from_string(ORACLE).render({"page": page})
                assert squeeze(drill_rows(page.object_list, page.start_index())) == squeeze(oracle)
            empty = Paginator([], 50).page(1)
            assert squeeze(drill_rows([], empty.start_index())) == squeeze(engine.from_string(ORACLE).render(
                {"page": empty}))
    second = drill_rows(Paginator(awards, 50).page(2).object_list, 51)
    assert second.startswith("<tr><td>51</td><td>Nguyễn &lt;b&gt;&quot;Văn&quot;&lt;/b&gt; &amp; 50</td>")
