"""Fixtures of the delivery tests: a real SMTP server and a real HTTP SMS gateway
(tests/notify_servers.py), the channels pointed at them, and a small way to queue messages.

The environment variables that would override the settings are removed for every test here,
so a developer's own HOFFICE_SMTP_URL never decides an outcome."""
from __future__ import annotations

import pytest

from tests.domain.notify.helpers import point_at
from tests.notify_servers import SmsGateway, SmtpServer

ENVIRONMENT = ("HOFFICE_SMTP_URL", "HOFFICE_MAIL_FROM", "HOFFICE_SMS_URL", "HOFFICE_SMS_METHOD", "HOFFICE_BASE_URL")


@pytest.fixture(autouse=True)
def no_channel_environment(monkeypatch):
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def smtp_server():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def gateway():
    with SmsGateway() as server:
        yield server


@pytest.fixture
def channels_ready(session, admin, now, smtp_server, gateway):
    """E-mail and SMS both configured against the test's servers; returns the administrator."""
    point_at(session, admin, now, smtp_server, gateway)
    return admin
