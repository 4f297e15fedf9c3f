"""Demo accounts, one per role, all with the password ``thidua2021``.

Trần Văn Ba (Ban TĐKT) and Hồ Tiến Thiệu (Chủ tịch UBND tỉnh) are named in the articles; the other
account holders are fictional.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group

from awards.demo.base import differs, label
from units.models import Role, Unit, User
from units.text import nfc

DEMO_PASSWORD = "thidua2021"


@dataclass(frozen=True)
class Account:
    username: str
    full_name: str
    position: str
    role: str
    unit: str | None = None
    is_staff: bool = False
    is_superuser: bool = False


ACCOUNTS: list[Account] = [
    Account("admin", "Nguyễn Đức Thắng", "Quản trị hệ thống", Role.ADMINISTRATOR, is_staff=True, is_superuser=True),
    Account("bantdkt", "Trần Văn Ba", "Chuyên viên Ban Thi đua - Khen thưởng", Role.BOARD_STAFF, unit="ban-tdkt",
            is_staff=True),
    Account("donvi", "Lường Thị Hoa", "Chuyên viên Văn phòng Sở, phụ trách công tác thi đua - khen thưởng",
            Role.UNIT_OFFICER, unit="so-giao-duc-dao-tao"),
    Account("hoidong", "Nông Thị Mai", "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh", Role.COUNCIL_MEMBER),
    Account("lanhdao", "Hồ Tiến Thiệu",
            "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh",
            Role.LEADERSHIP, unit="ubnd-tinh"),
]


def seed_accounts() -> dict[str, int]:
    """Upsert users by username; the password is set only when it does not already match."""
    for account in ACCOUNTS:
        values = {
            "full_name": nfc(account.full_name),
            "position": nfc(account.position),
            "unit": Unit.objects.get(code=account.unit) if account.unit else None,
            "is_staff": account.is_staff,
            "is_superuser": account.is_superuser,
            "is_active": True,
            # the password reset e-mail of the demo goes to the console (EMAIL_BACKEND), to this address
            "email": f"{account.username}@tdkt.example",
        }
        user = User.objects.filter(username=account.username).first()
        if user is None:
            user = User(username=account.username, **values)
            changed = True
        else:
            changed = False
            for name, value in values.items():
                if differs(user, name, value):
                    setattr(user, name, value)
                    changed = True
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            changed = True
        if changed:
            user.full_clean()
            user.save()
        user.groups.set([Group.objects.get(name=account.role)])
    return {label(User): len(ACCOUNTS)}
