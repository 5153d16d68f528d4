"""The privacy tests run on both databases the project supports, like the storage tests."""

from tests.unit.storage.conftest import database_url  # noqa: F401 - the shared fixture
