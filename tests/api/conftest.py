from tests.api.support import keys, world  # noqa: F401 (fixtures)
