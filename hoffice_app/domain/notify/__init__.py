"""Notifications' delivery: the channels in force (SMTP server, SMS gateway; the environment
wins over the settings).
"""
from .channels import Channels, EmailView, SmsView, Value, channel_settings, in_force, is_configured, save_channels

__all__ = [
    # the channels
    "in_force", "channel_settings", "save_channels", "is_configured", "Channels", "EmailView", "SmsView", "Value",
]
