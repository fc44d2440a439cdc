"""How many PostgreSQL connections one process keeps: a default that leaves room for
several workers under a default server, settable per installation, and a clear refusal of
a value that is not a number."""
import pytest

from hoffice_app.db import pool_limits


def test_defaults_leave_room_for_eight_workers_under_a_default_server():
    size, overflow = pool_limits({})
    workers, listener, max_connections = 8, 1, 100  # Reflex's most workers; PostgreSQL's default
    assert (size, overflow) == (5, 5) and workers * (size + overflow + listener) < max_connections


def test_each_limit_can_be_set():
    assert pool_limits({"HOFFICE_DB_POOL_SIZE": "3", "HOFFICE_DB_MAX_OVERFLOW": "0"}) == (3, 0)


@pytest.mark.parametrize("env, message", [
    ({"HOFFICE_DB_POOL_SIZE": "lots"}, "HOFFICE_DB_POOL_SIZE must be a whole"),
    ({"HOFFICE_DB_MAX_OVERFLOW": "-1"}, "HOFFICE_DB_MAX_OVERFLOW must be a whole"),
    ({"HOFFICE_DB_POOL_SIZE": "0"}, "HOFFICE_DB_POOL_SIZE must be 1 or more"),
])
def test_a_bad_value_is_refused_with_its_name(env, message):
    with pytest.raises(ValueError, match=message):
        pool_limits(env)
