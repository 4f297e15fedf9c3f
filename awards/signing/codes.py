"""Verification codes as people type them: "7k3f 9qx2" -> "7K3F-9QX2" (the printed form; ``VerificationCode``)."""

from __future__ import annotations

import re

from awards.models.signing import CODE_ALPHABET

CODE_RE = re.compile(rf"^[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}$")


def normalise(text: str) -> str:
    """The stored form of what was typed, or "" when it cannot be a code."""
    raw = re.sub(r"[\s-]", "", text or "").upper()
    code = f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else ""
    return code if CODE_RE.match(code) else ""
