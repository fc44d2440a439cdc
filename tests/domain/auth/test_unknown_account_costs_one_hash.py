"""A log-in for an account that does not exist (or is inactive) costs one argon2 verification,
like a wrong password, so the time of the answer does not tell which accounts exist."""
import pytest
from argon2 import PasswordHasher

from hoffice_app.domain.auth import WRONG_LOGIN, login
from hoffice_app.domain.org import employees
from tests.factories import PASSWORD, make_employee


@pytest.fixture
def verifications(monkeypatch):
    seen: list[str] = []
    real = PasswordHasher.verify

    def counting(self, hash_, password):
        seen.append(hash_)
        return real(self, hash_, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    return seen


def test_unknown_inactive_and_wrong_each_verify_one_hash_of_the_same_cost(session, now, verifications):
    admin = make_employee(session, now, "E01")
    leaver = make_employee(session, now, "E02", role="executive")
    employees.set_active(session, admin, leaver.id, False, now=now)
    session.commit()

    for identifier, password in (("nobody@example.com", PASSWORD), ("E01", "wrong-password"), ("E02", PASSWORD)):
        assert login(session, identifier, password, now=now).message == WRONG_LOGIN
    assert len(verifications) == 3
    # argon2's parameters ($m=…,t=…,p=…) decide the time: the dummy hash has the real ones.
    assert len({h.split("$")[3] for h in verifications}) == 1
