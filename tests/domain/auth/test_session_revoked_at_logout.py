from hoffice_app.domain.auth import actor_for_token, logout
from tests.factories import PASSWORD, log_in, make_employee


def test_logout_ends_only_that_session(session, now):
    make_employee(session, now)
    laptop = log_in(session, "E01", PASSWORD, now=now)
    phone = log_in(session, "E01", PASSWORD, now=now)
    session.commit()

    logout(session, laptop, now=now)
    session.commit()

    assert actor_for_token(session, laptop, now=now) is None
    assert actor_for_token(session, phone, now=now).code == "E01"
