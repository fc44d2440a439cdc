from sqlmodel import select

from hoffice_app.domain.auth import actor_for_token
from hoffice_app.domain.org import employees
from hoffice_app.models import AuthSession
from tests.factories import PASSWORD, log_in, make_employee


def test_deactivation_ends_open_sessions_for_good(session, now):
    admin = make_employee(session, now, "E01")
    leaver = make_employee(session, now, "E02", role="executive")
    token = log_in(session, "E02", PASSWORD, now=now)
    session.commit()
    assert actor_for_token(session, token, now=now).code == "E02"

    employees.set_active(session, admin, leaver.id, False, now=now)
    session.commit()
    assert actor_for_token(session, token, now=now) is None
    assert session.exec(select(AuthSession.revoked_at)).one() is not None

    employees.set_active(session, admin, leaver.id, True, now=now)
    session.commit()
    assert actor_for_token(session, token, now=now) is None  # reactivation does not revive it
