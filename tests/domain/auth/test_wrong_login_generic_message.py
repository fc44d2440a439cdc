from hoffice_app.domain.auth import WRONG_LOGIN, login
from hoffice_app.domain.org import employees
from tests.factories import PASSWORD, make_employee


def test_unknown_user_wrong_password_and_inactive_get_the_same_message(session, now):
    admin = make_employee(session, now, "E01")
    leaver = make_employee(session, now, "E02", role="executive")
    employees.set_active(session, admin, leaver.id, False, now=now)
    session.commit()

    refusals = [
        login(session, "nobody@example.com", PASSWORD, now=now),
        login(session, "E01", "not-the-password", now=now),
        login(session, "E02", PASSWORD, now=now),
    ]
    assert [r.message for r in refusals] == [WRONG_LOGIN] * 3
    assert not any(r.ok or r.ticket for r in refusals)
    assert WRONG_LOGIN == "Wrong e-mail, employee code or password."
