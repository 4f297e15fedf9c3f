"""Navigation that follows the user's role."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext_lazy as _

import config
from units.models import Role

# (label, url name, roles that see it)
NAV_ITEMS = [
    (_("Trang chủ"), "home", None),
    (_("Tổng hợp"), "dashboard", {Role.BOARD_STAFF, Role.ADMINISTRATOR, Role.LEADERSHIP, Role.UNIT_OFFICER}),
    (_("Hồ sơ"), "awards:dossiers", {Role.BOARD_STAFF, Role.ADMINISTRATOR, Role.UNIT_OFFICER, Role.LEADERSHIP}),
    (_("Đủ điều kiện"), "awards:eligibility_candidates", {Role.UNIT_OFFICER, Role.BOARD_STAFF, Role.ADMINISTRATOR}),
    (_("Quyết định"), "awards:decisions", {Role.BOARD_STAFF, Role.ADMINISTRATOR, Role.LEADERSHIP, Role.UNIT_OFFICER}),
    # Board staff reach the fund from the user menu and the dashboard: their bar is full.
    # Unit officers reach their unit's fund from the dashboard: their bar must fit a 1280 px screen.
    (_("Quỹ TĐKT"), "fund:report", {Role.ACCOUNTANT, Role.LEADERSHIP}),
    (_("Hội đồng"), "awards:council", {Role.BOARD_STAFF, Role.ADMINISTRATOR, Role.COUNCIL_MEMBER, Role.LEADERSHIP}),
    (_("Phong trào"), "campaigns:list", None),
    (_("Đơn vị"), "units:tree", None),
    (_("Cụm, khối"), "units:clusters", None),
    (_("Danh mục"), "awards:catalogue", None),
]
# Shown in the user menu, not the bar: the bar must fit a 1280 px screen with the staff's full menu.
ADMIN_ROLES = {Role.BOARD_STAFF, Role.ADMINISTRATOR}
# The staff's other pages, in the user menu too: (label, url name, test id).
STAFF_LINKS = [
    (_("Lấy ý kiến nhân dân"), "awards:consultations", "consultations-link"),
    (_("Trao đổi dữ liệu LGSP"), "awards:lgsp", "lgsp-link"),
]


@cache
def _address(url_name: str, prefix: str) -> str:
    """The address of a page without arguments: the same for every request of a process (under one prefix)."""
    return reverse(url_name)


def address(url_name: str) -> str:
    return _address(url_name, get_script_prefix())


def navigation(request) -> dict:
    base = {"PROVINCE_NAME": settings.PROVINCE_NAME, "APP_VERSION": config.__version__}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {**base, "nav_items": []}
    items = []
    for label, url_name, roles in NAV_ITEMS:
        if url_name == "awards:council" and not (user.is_province_leader or user.has_role(*roles - {Role.LEADERSHIP})):
            continue  # a unit's leader has no province council to read
        if url_name == "fund:report" and user.has_role(*ADMIN_ROLES):
            continue
        if roles is None or user.has_role(*roles):
            items.append({"label": label, "url": address(url_name), "active": False})
    # The active item is the longest URL that prefixes the path ("/units/clusters/" is not "/units/").
    matches = [item for item in items if item["url"] != "/" and request.path.startswith(item["url"])]
    if matches:
        max(matches, key=lambda item: len(item["url"]))["active"] = True
    elif request.path == "/" and items:
        items[0]["active"] = True
    role = user.primary_role
    admin_url = address("admin:index") if user.has_role(*ADMIN_ROLES) else ""
    fund_url = address("fund:report") if user.has_role(*ADMIN_ROLES) else ""
    staff_links = [{"label": label, "url": address(url_name), "testid": testid}
                   for label, url_name, testid in STAFF_LINKS] if user.has_role(*ADMIN_ROLES) else []
    return {**base, "nav_items": items, "admin_url": admin_url, "fund_url": fund_url, "staff_links": staff_links,
            "current_role_label": Role(role).label if role else ""}
