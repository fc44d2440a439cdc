"""Notifications: the bell, e-mail and SMS, written in the transaction of the change that
causes them and sent afterwards.

What is notified and to whom: events.py (the events, the company's default channels, each
employee's own choice), templates.py (the wording), triggers.py (who hears of what), send.py
(one recipient's bell row and queued messages), bell.py (an employee's own notifications).

Delivery: the outbox of e-mails and SMS (queued in the transaction of the
change that causes them, shown to administrators with each attempt), the channels in force (SMTP
server, SMS gateway; the environment wins over the settings), the senders, the dispatcher that
claims due messages safely across workers and retries with backoff for a day, the runner of
scheduled work (one daemon thread per server process, one run per job across workers), and the
administrator's test sends.
"""
from . import bell
from .assigned import leads_assigned
from .batch import Tell, tell_many
from .channels import (
    Channels,
    EmailView,
    SmsView,
    SmtpConfig,
    Value,
    channel_settings,
    in_force,
    is_configured,
    save_channels,
)
from .delivery import Envelope, Outcome
from .dispatch import LEASE, DispatchCounts, backoff, dispatch_due
from .events import (
    CHANNEL_LABELS,
    EVENTS,
    Channel,
    Event,
    PreferenceRow,
    channels_for,
    company_defaults,
    my_preferences,
    overdue_manager_delay_hours,
    save_company_defaults,
    save_overdue_manager_delay,
    set_my_preference,
)
from .jobs import register_jobs
from .outbox import AttemptRow, OutboxPage, OutboxRow, attempts_of, enqueue, outbox_page, retry_now
from .revoke_triggers import revoke_warning
from .runner import (
    Schedule,
    register,
    release_lease,
    run_due,
    serve_forever,
    start_in_this_process,
    stop_in_this_process,
    take_lease,
)
from .send import Pending
from .sms import split_text
from .smtp import message_id
from .templates import PLACEHOLDER, allowed_placeholders, render, reset_template, save_template, wording
from .trial import send_test_email, send_test_sms
from .triggers import import_finished, lead_assigned, lead_moved, lead_values, queue_overdue, queue_reminders

__all__ = [
    # what is notified, to whom, in which words
    "Event", "EVENTS", "Channel", "CHANNEL_LABELS", "channels_for", "company_defaults", "save_company_defaults",
    "my_preferences", "set_my_preference",
    "overdue_manager_delay_hours", "save_overdue_manager_delay", "PreferenceRow", "wording", "render", "save_template",
    "reset_template", "allowed_placeholders", "PLACEHOLDER", "lead_values", "lead_assigned", "lead_moved",
    "import_finished", "Pending", "Tell", "tell_many", "revoke_warning", "leads_assigned",
    "queue_reminders",
    "queue_overdue", "bell", "register_jobs",
    # the outbox
    "enqueue", "outbox_page", "retry_now", "attempts_of", "OutboxPage", "OutboxRow", "AttemptRow",
    # the channels
    "in_force", "channel_settings", "save_channels", "is_configured", "Channels", "EmailView", "SmsView", "Value",
    # sending
    "dispatch_due", "LEASE", "SmtpConfig", "DispatchCounts", "backoff", "Envelope", "Outcome", "message_id",
    "split_text",
    "send_test_email", "send_test_sms",
    # scheduled work
    "register", "run_due", "serve_forever", "start_in_this_process", "stop_in_this_process", "Schedule",
    "take_lease", "release_lease",
]
