from hoffice_app.domain.auth import WRONG_LOGIN, actor_for_token, login
from hoffice_app.domain.org import employees
from tests.factories import PASSWORD, log_in, make_employee


def test_reset_ends_sessions_and_replaces_the_password(session, now):
    admin = make_employee(session, now, "E01")
    worker = make_employee(session, now, "E02", role="executive")
    token = log_in(session, "E02", PASSWORD, now=now)
    session.commit()

    assert employees.reset_password(session, admin, worker.id, "brand-new-pass", now=now) == "brand-new-pass"
    session.commit()

    assert actor_for_token(session, token, now=now) is None
    assert login(session, "E02", PASSWORD, now=now).message == WRONG_LOGIN
    assert login(session, "E02", "brand-new-pass", now=now).ok
