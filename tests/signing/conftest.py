"""The SoftHSM2 token and the stand-in signer of tests/signing/standin.py."""

from tests.signing.standin import stand_in_signer, stand_in_tsa, token  # noqa: F401
