import pytest
from sqlmodel import select

from hoffice_app.domain.auth import hash_password, verify_password
from hoffice_app.domain.common import ValidationError
from hoffice_app.models import Employee
from tests.factories import PASSWORD, make_employee


def test_hash_is_argon2id_and_verifies():
    hashed = hash_password("correct horse")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "correct horse")
    assert not verify_password(hashed, "correct horsE")


def test_stored_password_is_an_argon2id_hash(session, now):
    make_employee(session, now)
    stored = session.exec(select(Employee.password_hash)).one()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_password_shorter_than_eight_characters_refused():
    with pytest.raises(ValidationError) as err:
        hash_password("1234567")
    assert err.value.errors == {"password": "Use at least 8 characters."}
    assert hash_password("12345678").startswith("$argon2id$")
