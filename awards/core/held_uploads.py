"""An upload kept across a form error: the browser never sends a file twice, so a form that comes back with errors
holds the accepted file in temporary storage and hands the page a signed token (bound to the user, valid a day);
the next submission takes the file by the token instead of asking for it again."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.core import signing
from django.core.files import File
from django.core.files.storage import default_storage

SALT = "awards.core.held_uploads"
PREFIX = "tmp/held/"
MAX_AGE = 24 * 3600


@dataclass(frozen=True)
class Held:
    token: str
    name: str  # the file's name as the user chose it
    path: str


def hold(uploaded, user_id: int, name: str) -> Held:
    """Store ``uploaded`` (already inspected) and return its token."""
    uploaded.seek(0)
    path = default_storage.save(f"{PREFIX}{uuid.uuid4().hex}", uploaded)
    token = signing.dumps({"p": path, "n": name, "u": user_id}, salt=SALT)
    return Held(token, name, path)


def find(token: str | None, user_id: int) -> Held | None:
    """The file a token names, if it is this user's, still fresh and still there."""
    if not token:
        return None
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    path = data.get("p", "")
    if data.get("u") != user_id or not path.startswith(PREFIX) or not default_storage.exists(path):
        return None
    return Held(token, data.get("n", ""), path)


def open_held(held: Held) -> File:
    """The held file, named as the user named it (the caller saves it where it belongs, then ``release``s it)."""
    return File(default_storage.open(held.path, "rb"), name=held.name)


def release(held: Held) -> None:
    default_storage.delete(held.path)
