"""The signed-in part of the header (bell, menu, search, user menu), written in one pass of Python.

Every page of a signed-in user carries it: through the template engine it cost about a millisecond of CPU per page
(fourteen ``{% url %}``, twenty ``{% translate %}``, two loops), a third of a near-empty page. Here the fixed texts
of a language are translated once per process and the addresses come from ``units.context_processors.address``;
what changes per page (the active menu item, the unread count, the user's name, role and unit, the search text, the
CSRF token) is escaped as the template would. The output is the same HTML as the template it replaced
(tests/site/test_header.py compares them)."""

from __future__ import annotations

from functools import cache
from html import escape

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from units.context_processors import address

register = template.Library()

BELL_ICON = ('<svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" fill="currentColor">'
             '<path d="M8 16a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2zm.995-14.901a1 1 0 1 0-1.99 0A5.002 5.002 0 0 0 3 6c0 '
             '1.098-.5 6-2 7h14c-1.5-1-2-5.902-2-7 0-2.42-1.72-4.44-4.005-4.901z"/></svg>')


ACTIVE, INACTIVE = ' active" aria-current="page" ', '" '


def _e(value) -> str:
    return escape(str(value))


@cache
def texts(language: str | None) -> dict[str, str]:
    """The header's fixed texts in one language, escaped (the language is the key: gettext reads the active one)."""
    return {key: _e(gettext(text)) for key, text in {
        "open_menu": "Mở menu", "search": "Tìm kiếm", "find": "Tìm", "placeholder": "Tìm người, đơn vị, hồ sơ…",
        "fund": "Quỹ thi đua, khen thưởng", "admin": "Quản trị dữ liệu",
        "read_log": "Nhật ký xem dữ liệu cá nhân", "locks": "Mở khóa đăng nhập", "password": "Đổi mật khẩu",
        "second_factor": "Xác thực hai lớp", "logout": "Đăng xuất",
    }.items()}


def bell_label(count: int) -> str:
    return _e(ngettext("Thông báo: %(counter)s chưa đọc", "Thông báo: %(counter)s chưa đọc", count)
              % {"counter": localize(count)})


@register.simple_tag(takes_context=True)
def signed_in_header(context) -> str:
    request, user = context["request"], context["user"]
    if not user.is_authenticated:
        return ""
    t = texts(get_language())
    unread = context.get("notice_unread", 0)
    unread = unread() if callable(unread) else unread
    label, notices = bell_label(unread), address("notices:list")
    badge = ('<span class="badge rounded-pill text-bg-light text-danger ms-1" data-testid="{}">'
             f"{_e(localize(unread))}</span>") if unread else ""
    search = address("search")
    query = request.GET.get("q", "") if getattr(request.resolver_match, "url_name", None) == "search" else ""
    items = "".join(
        f'<li class="nav-item"><a class="nav-link{ACTIVE if item["active"] else INACTIVE}href="{_e(item["url"])}">'
        f'{_e(item["label"])}</a></li>' for item in context.get("nav_items", []))
    admin_url, fund_url = context.get("admin_url", ""), context.get("fund_url", "")
    menu = [f'<a class="dropdown-item" href="{_e(fund_url)}" data-testid="fund-link">{t["fund"]}</a>'
            if fund_url else ""]
    menu += [f'<a class="dropdown-item" href="{_e(link["url"])}" data-testid="{_e(link["testid"])}">'
             f'{_e(link["label"])}</a>' for link in context.get("staff_links", [])]
    if admin_url:
        menu.append(f'<a class="dropdown-item" href="{_e(admin_url)}" data-testid="admin-link">{t["admin"]}</a>'
                    f'<a class="dropdown-item" href="{address("read_log")}" data-testid="read-log-link">'
                    f'{t["read_log"]}</a>'
                    f'<a class="dropdown-item" href="{address("login_locks")}" data-testid="login-locks-link">'
                    f'{t["locks"]}</a><div class="dropdown-divider"></div>')
    menu.append(f'<a class="dropdown-item" href="{address("password_change")}" data-testid="password-change-link">'
                f'{t["password"]}</a>')
    if admin_url:
        menu.append(f'<a class="dropdown-item" href="{address("second_factor_setup")}" '
                    f'data-testid="second-factor-link">{t["second_factor"]}</a>')
    name = _e(user.display_name)
    unit = f"<br>{_e(user.unit.name)}" if user.unit_id else ""
    csrf = CsrfTokenNode().render(context)
    return mark_safe(
        f'<a class="btn btn-sm btn-outline-light ms-auto me-2 notice-bell d-inline-flex d-xl-none align-items-center '
        f'text-nowrap" href="{notices}" data-testid="notice-bell-phone" aria-label="{label}">{BELL_ICON}'
        f'{badge.format("notice-count-phone")}</a>'
        '<button class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#mainNav" '
        f'aria-controls="mainNav" aria-expanded="false" aria-label="{t["open_menu"]}">'
        '<span class="navbar-toggler-icon"></span></button>'
        '<div class="collapse navbar-collapse" id="mainNav">'
        f'<ul class="navbar-nav me-auto mb-2 mb-xl-0">{items}</ul>'
        f'<a class="btn btn-sm btn-outline-light me-2 d-none d-xl-inline-block text-nowrap" href="{search}" '
        f'data-testid="header-search-link"><span aria-hidden="true">⌕</span> {t["search"]}</a>'
        f'<form class="d-flex d-xl-none mb-2 header-search" role="search" method="get" action="{search}">'
        f'<label class="visually-hidden" for="header-search-q">{t["search"]}</label>'
        '<input class="form-control form-control-sm" type="search" id="header-search-q" name="q" '
        f'placeholder="{t["placeholder"]}" value="{_e(query)}">'
        f'<button class="btn btn-sm btn-light ms-1" type="submit">{t["find"]}</button></form>'
        '<a class="btn btn-sm btn-outline-light me-2 px-2 notice-bell notice-bell-desk position-relative d-none '
        f'd-xl-inline-flex align-items-center" href="{notices}" data-testid="notice-bell" aria-label="{label}">'
        f'{BELL_ICON}{badge.format("notice-count")}</a>'
        '<div class="dropdown" data-testid="current-user">'
        '<button class="btn btn-sm btn-outline-light dropdown-toggle text-nowrap" type="button" '
        f'data-bs-toggle="dropdown" aria-expanded="false">{name}</button>'
        '<div class="dropdown-menu dropdown-menu-end shadow-sm">'
        f'<div class="px-3 py-2 small text-muted lh-sm"><div class="text-body fw-semibold">{name}</div>'
        f'{_e(context.get("current_role_label", ""))}{unit}</div>'
        '<div class="dropdown-divider"></div>'
        f'{"".join(menu)}'
        '<div class="dropdown-divider"></div>'
        f'<form method="post" action="{address("logout")}" class="m-0 px-2">{csrf}'
        f'<button type="submit" class="dropdown-item rounded">{t["logout"]}</button></form>'
        "</div></div></div>")
