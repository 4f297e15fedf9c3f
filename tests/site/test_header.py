"""The signed-in header written in Python (units/templatetags/chrome.py) is the HTML its template wrote.

The template below is the header as base.html had it (the oracle): for every persona, with and without unread
notices, in Vietnamese and English, on the search page (the query is echoed, escaped) and elsewhere (the active
item), both are rendered from the same request and compared after whitespace between tags is dropped."""

from __future__ import annotations

import re

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import resolve
from django.utils import timezone, translation

from awards.models import Notice
from tests.factories import UserFactory
from units.models import Role
from units.security.backend import read_user

ORACLE = """{% load i18n %}    {% if user.is_authenticated %}
    <a class="btn btn-sm btn-outline-light ms-auto me-2 notice-bell d-inline-flex d-xl-none align-items-center text-nowrap" href="{% url 'notices:list' %}" data-testid="notice-bell-phone" aria-label="{% blocktranslate count counter=notice_unread %}Thông báo: {{ counter }} chưa đọc{% plural %}Thông báo: {{ counter }} chưa đọc{% endblocktranslate %}"><svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" fill="currentColor"><path d="M8 16a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2zm.995-14.901a1 1 0 1 0-1.99 0A5.002 5.002 0 0 0 3 6c0 1.098-.5 6-2 7h14c-1.5-1-2-5.902-2-7 0-2.42-1.72-4.44-4.005-4.901z"/></svg>{% if notice_unread %}<span class="badge rounded-pill text-bg-light text-danger ms-1" data-testid="notice-count-phone">{{ notice_unread }}</span>{% endif %}</a>
    <button class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#mainNav" aria-controls="mainNav" aria-expanded="false" aria-label="{% translate 'Mở menu' %}">
      <span class="navbar-toggler-icon"></span>
    </button>
    <div class="collapse navbar-collapse" id="mainNav">
      <ul class="navbar-nav me-auto mb-2 mb-xl-0">
        {% for item in nav_items %}
        <li class="nav-item"><a class="nav-link{% if item.active %} active{% endif %}" {% if item.active %}aria-current="page"{% endif %} href="{{ item.url }}">{{ item.label }}</a></li>
        {% endfor %}
      </ul>
      <a class="btn btn-sm btn-outline-light me-2 d-none d-xl-inline-block text-nowrap" href="{% url 'search' %}" data-testid="header-search-link"><span aria-hidden="true">⌕</span> {% translate "Tìm kiếm" %}</a>
      <form class="d-flex d-xl-none mb-2 header-search" role="search" method="get" action="{% url 'search' %}">
        <label class="visually-hidden" for="header-search-q">{% translate "Tìm kiếm" %}</label>
        <input class="form-control form-control-sm" type="search" id="header-search-q" name="q" placeholder="{% translate 'Tìm người, đơn vị, hồ sơ…' %}" value="{% if request.resolver_match.url_name == 'search' %}{{ request.GET.q }}{% endif %}">
        <button class="btn btn-sm btn-light ms-1" type="submit">{% translate "Tìm" %}</button>
      </form>
      <a class="btn btn-sm btn-outline-light me-2 px-2 notice-bell notice-bell-desk position-relative d-none d-xl-inline-flex align-items-center" href="{% url 'notices:list' %}" data-testid="notice-bell" aria-label="{% blocktranslate count counter=notice_unread %}Thông báo: {{ counter }} chưa đọc{% plural %}Thông báo: {{ counter }} chưa đọc{% endblocktranslate %}"><svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" fill="currentColor"><path d="M8 16a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2zm.995-14.901a1 1 0 1 0-1.99 0A5.002 5.002 0 0 0 3 6c0 1.098-.5 6-2 7h14c-1.5-1-2-5.902-2-7 0-2.42-1.72-4.44-4.005-4.901z"/></svg>{% if notice_unread %}<span class="badge rounded-pill text-bg-light text-danger ms-1" data-testid="notice-count">{{ notice_unread }}</span>{% endif %}</a>
      <div class="dropdown" data-testid="current-user">
        <button class="btn btn-sm btn-outline-light dropdown-toggle text-nowrap" type="button" data-bs-toggle="dropdown" aria-expanded="false">{{ user.display_name }}</button>
        <div class="dropdown-menu dropdown-menu-end shadow-sm">
          <div class="px-3 py-2 small text-muted lh-sm"><div class="text-body fw-semibold">{{ user.display_name }}</div>{{ current_role_label }}{% if user.unit %}<br>{{ user.unit.name }}{% endif %}</div>
          <div class="dropdown-divider"></div>
          {% if fund_url %}<a class="dropdown-item" href="{{ fund_url }}" data-testid="fund-link">{% translate "Quỹ thi đua, khen thưởng" %}</a>{% endif %}
          {% for link in staff_links %}<a class="dropdown-item" href="{{ link.url }}" data-testid="{{ link.testid }}">{{ link.label }}</a>{% endfor %}
          {% if admin_url %}<a class="dropdown-item" href="{{ admin_url }}" data-testid="admin-link">{% translate "Quản trị dữ liệu" %}</a>
          <a class="dropdown-item" href="{% url 'read_log' %}" data-testid="read-log-link">{% translate "Nhật ký xem dữ liệu cá nhân" %}</a>
          <a class="dropdown-item" href="{% url 'login_locks' %}" data-testid="login-locks-link">{% translate "Mở khóa đăng nhập" %}</a>
          <div class="dropdown-divider"></div>{% endif %}
          <a class="dropdown-item" href="{% url 'password_change' %}" data-testid="password-change-link">{% translate "Đổi mật khẩu" %}</a>
          {% if admin_url %}<a class="dropdown-item" href="{% url 'second_factor_setup' %}" data-testid="second-factor-link">{% translate "Xác thực hai lớp" %}</a>{% endif %}
          <div class="dropdown-divider"></div>
          <form method="post" action="{% url 'logout' %}" class="m-0 px-2">{% csrf_token %}
            <button type="submit" class="dropdown-item rounded">{% translate "Đăng xuất" %}</button>
          </form>
        </div>
      </div>
    </div>
    {% endif %}
"""
NEW = "{% load chrome %}{% signed_in_header %}"
PERSONAS = ["staff", "administrator", "officer_a", "school_officer", "leader", "council_member", "sở_leader",
            "accountant"]


@pytest.fixture
def accountant(db):
    return UserFactory(username="ke_toan", full_name="Hoàng Thị Thu", roles=[Role.ACCOUNTANT])


def squeeze(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="\w+"', 'name="csrfmiddlewaretoken" value="…"', html)  # masked anew
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).replace(" >", ">").strip()


def render_both(user, path: str, language: str) -> tuple[str, str]:
    request = RequestFactory().get(path)
    request.user, request.resolver_match = user, resolve(request.path)
    request.META["CSRF_COOKIE"] = "x" * 32
    engine = engines["django"]
    with translation.override(language):
        return tuple(squeeze(engine.from_string(source).render({}, request)) for source in (ORACLE, NEW))


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("unread", [0, 3])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_header_is_the_template_s_html(db, request, persona, unread, language):
    user = request.getfixturevalue(persona)
    Notice.objects.bulk_create(Notice(recipient=user, kind="dossier", title=f"Thông báo {i}", created_at=timezone.now()) for i in range(unread))
    user = read_user(user.pk)  # as a page reads him: unit, roles and the unread count in one query
    assert user.unread_notice_count == unread
    for path in ("/awards/dossiers/?state=submitted", '/search/?q=<b>"Lạng Sơn"</b>', "/"):
        oracle, new = render_both(user, path, language)
        assert new == oracle, path
    oracle, new = render_both(user, "/search/?q=<b>x</b>", language)
    assert 'value="&lt;b&gt;x&lt;/b&gt;"' in new and "<b>x</b>" not in new


def test_header_marks_the_longest_matching_item_active(staff):
    _oracle, new = render_both(read_user(staff.pk), "/units/clusters/", "vi")
    assert new.count('aria-current="page"') == 1
    assert '<a class="nav-link active" aria-current="page" href="/units/clusters/">' in new


def test_anonymous_visitor_gets_no_header(rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    assert engines["django"].from_string(NEW).render({}, request) == ""
