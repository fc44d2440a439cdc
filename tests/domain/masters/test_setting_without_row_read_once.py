"""A setting that has no row (the built-in default is in use) is looked up once per session:
the board and the lead list read the time zone for every column or part, and each miss was
a query (a round trip to PostgreSQL). Saving the setting in the same session is still seen."""
from sqlalchemy import event

from hoffice_app.domain.masters import settings
from tests.contact_factory import demo, engine  # noqa: F401


def _selects(session, call) -> int:
    seen = []
    conn = session.connection()
    listener = lambda *a: seen.append(a[2]) if "FROM setting" in a[2] else None  # noqa: E731
    event.listen(conn, "before_cursor_execute", listener)
    try:
        call()
    finally:
        event.remove(conn, "before_cursor_execute", listener)
    return len(seen)


def test_a_default_is_looked_up_once(session, demo):  # noqa: F811
    assert _selects(session, lambda: [settings.zone(session) for _ in range(10)]) == 1
    assert str(settings.zone(session)) == "Asia/Kolkata"


def test_a_value_saved_in_the_same_session_is_seen(session, demo):  # noqa: F811
    assert settings.get(session, "default_timezone") == "Asia/Kolkata"
    settings.put(session, "default_timezone", "Europe/Paris")
    assert settings.get(session, "default_timezone") == "Europe/Paris"
    session.flush()
    assert str(settings.zone(session)) == "Europe/Paris"
