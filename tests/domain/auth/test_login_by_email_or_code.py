import pytest

from hoffice_app.domain.auth import login
from tests.factories import PASSWORD, make_employee


@pytest.mark.parametrize("identifier", ["asha.patel@example.com", "  Asha.PATEL@Example.COM ", "E07", " e07\t"])
def test_login_by_email_or_code_any_case(session, now, identifier):
    make_employee(session, now, "E07", name="Asha Patel", email="Asha.Patel@example.com")
    result = login(session, identifier, PASSWORD, now=now)
    assert result.ok
    assert result.message == ""
    assert (result.actor.code, result.actor.name) == ("E07", "Asha Patel")
