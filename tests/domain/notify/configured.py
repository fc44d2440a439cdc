"""A fixture for tests of who gets which message: e-mail and SMS configured through the
environment (as an installation does), pointing at addresses nothing listens on — these
tests read the outbox; sending is tested with real servers elsewhere."""
import pytest

__test__ = False


@pytest.fixture
def mail_and_sms(monkeypatch):
    monkeypatch.setenv("HOFFICE_SMTP_URL", "smtp://127.0.0.1:9")
    monkeypatch.setenv("HOFFICE_MAIL_FROM", "crm@example.com")
    monkeypatch.setenv("HOFFICE_SMS_URL", "http://127.0.0.1:9/send?to={to}&text={text}")
    monkeypatch.setenv("HOFFICE_BASE_URL", "https://crm.example.com")
