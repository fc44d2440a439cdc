"""The channels in force: what an administrator saves, what the environment pins (it wins, and
the screen is told where each value came from), what is refused and why, and that a password
never comes back out."""
from __future__ import annotations

import pytest

from hoffice_app.domain import notify
from hoffice_app.domain.common import PermissionDenied, ValidationError
from hoffice_app.models import Setting

SMTP = {"smtp_host": "smtp.saved.example", "smtp_port": "2525", "smtp_security": "starttls",
        "smtp_user": "saved-user", "smtp_password": "saved-secret", "mail_from": "crm@saved.example"}


def refused(session, admin, now, **data) -> dict[str, str]:
    with pytest.raises(ValidationError) as err:
        notify.save_channels(session, admin, data, now=now)
    return err.value.errors


def test_saved_values_are_in_force_and_say_they_come_from_the_settings(session, admin, now):
    found = notify.save_channels(session, admin, SMTP | {"sms_url": "https://sms.example/api?n={to}&m={text}"},
                                 now=now)
    assert found.email.host == notify.Value("smtp.saved.example", "settings")
    assert found.email.port == notify.Value("2525", "settings")
    assert found.email.configured and found.sms.configured
    assert found.email.reply_to == notify.Value("", "unset")
    assert found.sms.method == notify.Value("GET", "unset")  # the built-in default
    assert notify.is_configured(session, "email") and notify.is_configured(session, "sms")


def test_nothing_saved_means_not_configured_and_says_what_is_missing(session, admin):
    found = notify.in_force(session)
    assert not found.email.configured and not found.sms.configured
    assert found.email.problems == ("No SMTP server is set.", "No From address is set.")
    assert found.email.port == notify.Value("587", "unset")  # STARTTLS's usual port
    assert not notify.is_configured(session, "sms")


def test_the_environment_wins_over_the_settings_and_says_so(session, admin, now, monkeypatch):
    notify.save_channels(session, admin, SMTP | {"sms_url": "https://sms.example/a?to={to}&text={text}",
                                                 "sms_method": "POST", "base_url": "https://saved.example"}, now=now)
    monkeypatch.setenv("HOFFICE_SMTP_URL", "smtps://mailer%40corp:p%40ss%3Aword@mail.env.example")
    monkeypatch.setenv("HOFFICE_MAIL_FROM", "H-Office <noreply@env.example>")
    monkeypatch.setenv("HOFFICE_SMS_URL", "https://gw.env.example/send?to={to}&msg={text}")
    monkeypatch.setenv("HOFFICE_BASE_URL", "https://crm.env.example")
    found = notify.in_force(session)
    assert found.email.host == notify.Value("mail.env.example", "environment")
    assert found.email.port == notify.Value("465", "environment")  # smtps without a port
    assert found.email.security == notify.Value("ssl", "environment")
    assert found.email.user == notify.Value("mailer@corp", "environment")  # URL-decoded
    assert found.email.password_set and found.email.password_source == "environment"
    assert found.email.mail_from == notify.Value("H-Office <noreply@env.example>", "environment")
    assert found.sms.url == notify.Value("https://gw.env.example/send?to={to}&msg={text}", "environment")
    assert found.sms.method == notify.Value("GET", "environment")  # HOFFICE_SMS_METHOD's default
    assert found.base_url == notify.Value("https://crm.env.example", "environment")
    monkeypatch.setenv("HOFFICE_SMTP_URL", "smtp+starttls://mail.env.example:2587")
    found = notify.in_force(session)
    assert (found.email.port.value, found.email.security.value, found.email.user) == (
        "2587", "starttls", notify.Value("", "environment"))
    assert not found.email.password_set  # the URL's (none), not the saved one


def test_a_password_never_comes_back_out(session, admin, now, monkeypatch):
    found = notify.save_channels(session, admin, SMTP, now=now)
    assert found.email.password_set and found.email.password_source == "settings"
    assert "saved-secret" not in repr(found) and "saved-secret" not in repr(notify.channel_settings(session, admin))
    monkeypatch.setenv("HOFFICE_SMTP_URL", "smtp://u:env-secret@mail.env.example:25")
    assert "env-secret" not in repr(notify.in_force(session))


def test_an_empty_password_keeps_the_stored_one_and_clearing_removes_it(session, admin, now):
    notify.save_channels(session, admin, SMTP, now=now)
    notify.save_channels(session, admin, {"smtp_password": "", "smtp_user": "other"}, now=now)
    assert session.get(Setting, "notify_smtp_password").value == "saved-secret"
    found = notify.save_channels(session, admin, {"clear_smtp_password": "1"}, now=now)
    assert not found.email.password_set


@pytest.mark.parametrize(("field", "value", "says"), [
    ("smtp_port", "0", "Enter a port between 1 and 65535"),
    ("smtp_port", "70000", "Enter a port between 1 and 65535"),
    ("smtp_security", "tls", "Choose none, STARTTLS or SSL/TLS."),
    ("smtp_host", "smtp://mail.example.com:25", "no smtp:// and no port"),
    ("mail_from", "not an address", "Enter an e-mail address"),
    ("mail_reply_to", "someone@nowhere", "someone@nowhere is not a usable e-mail address"),
    ("sms_url", "ftp://sms.example/{to}/{text}", "must start with http:// or https://"),
    ("sms_url", "https://sms.example/send?to={to}", "must contain {to} and {text} (missing: {text})"),
    ("sms_url", "https://sms.example/send?to={to}&text={text}&key={apikey}",
     "uses {apikey}, which is not a placeholder: use {to}, {to_digits}, {text}, {template_id}, {entity_id} "
     "or {sender}"),
    ("sms_method", "PUT", "Choose GET or POST."),
    ("base_url", "crm.example.com", "The app's address must start with http:// or https://"),
])
def test_bad_values_are_refused_with_a_message_and_nothing_is_saved(session, admin, now, field, value, says):
    errors = refused(session, admin, now, **({"smtp_user": "good-user"} | {field: value}))
    assert says in errors[field]
    assert session.get(Setting, "notify_smtp_user") is None  # all or nothing


def test_dlt_on_needs_the_entity_id_and_the_sender(session, admin, now):
    errors = refused(session, admin, now, sms_url="https://sms.example/?to={to}&text={text}", sms_dlt="1")
    assert errors == {"sms_entity_id": "With DLT on, enter the entity id registered with DLT.",
                      "sms_sender": "With DLT on, enter the sender header (e.g. HOFFCE)."}
    found = notify.save_channels(session, admin, {"sms_url": "https://sms.example/?to={to}&text={text}",
                                                  "sms_dlt": "1", "sms_entity_id": "1101234567890123456",
                                                  "sms_sender": "HOFFCE"}, now=now)
    assert found.sms.dlt.value == "1" and found.sms.sender.value == "HOFFCE"


def test_a_post_gateway_may_take_to_and_text_in_its_body_which_must_be_json_when_it_says_so(session, admin, now):
    url = "https://sms.example/v1/messages"
    errors = refused(session, admin, now, sms_url=url, sms_method="POST", sms_body_kind="json",
                     sms_body='{"to": {to}, "text": "{text}"}')
    assert "The JSON body is not valid JSON" in errors["sms_body"]
    found = notify.save_channels(session, admin, {"sms_url": url, "sms_method": "post", "sms_body_kind": "JSON",
                                                  "sms_body": '{"to": "{to}", "text": "{text}"}'}, now=now)
    assert (found.sms.method.value, found.sms.body_kind.value) == ("POST", "json")


def test_a_broken_environment_value_is_reported_and_the_channel_is_not_configured(session, admin, now, monkeypatch):
    notify.save_channels(session, admin, SMTP, now=now)
    monkeypatch.setenv("HOFFICE_SMTP_URL", "http://mail.example.com")
    found = notify.in_force(session)
    assert not found.email.configured
    assert found.email.problems == ("HOFFICE_SMTP_URL must look like smtp://user:password@host:port "
                                    "(or smtp+starttls://… or smtps://…).",)
    monkeypatch.setenv("HOFFICE_SMS_URL", "https://gw.example/send?to={to}")
    assert notify.in_force(session).sms.problems == (
        "HOFFICE_SMS_URL: The gateway URL must contain {to} and {text} (missing: {text}).",)
    monkeypatch.setenv("HOFFICE_SMS_URL", "https://gw.example/send?to={to}&text={text}&k={key}")
    assert "uses {key}" in notify.in_force(session).sms.problems[0]


def test_only_an_administrator_sees_or_changes_the_channels(session, manager, now):
    with pytest.raises(PermissionDenied):
        notify.save_channels(session, manager, SMTP, now=now)
    with pytest.raises(PermissionDenied):
        notify.channel_settings(session, manager)


def test_unknown_fields_are_refused(session, admin, now):
    assert refused(session, admin, now, smtp_hostname="x") == {"smtp_hostname": "Unknown setting."}


def test_a_session_kept_open_sees_channels_saved_after_its_last_transaction(engine, session, admin, now):
    """The channels are read once per transaction, not once per session: a runner's long-lived
    session queues e-mail as soon as an administrator has set it up elsewhere."""
    from sqlmodel import Session, select

    from hoffice_app.models import OutboxMessage

    def import_done(job_id: int) -> None:
        notify.import_finished(session, employee_id=admin.id, job_id=job_id, summary="10 contacts created.", now=now)
        session.commit()

    import_done(1)  # e-mail is not set up: the bell only
    with Session(engine) as elsewhere:
        notify.save_channels(elsewhere, admin, SMTP, now=now)
        elsewhere.commit()
    import_done(2)
    assert [m.key.split(":")[1] for m in session.exec(select(OutboxMessage)).all()] == ["job2"]
