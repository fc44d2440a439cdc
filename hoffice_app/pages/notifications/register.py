"""Notification routes."""
import reflex as rx

from hoffice_app import routes
from hoffice_app.pages.notifications.page import (
    NotificationsState,
    PreferencesState,
    notifications_page,
    preferences_page,
)


def register(app: rx.App) -> None:
    app.add_page(notifications_page, route=routes.NOTIFICATIONS, on_load=NotificationsState.load,
                 title="Notifications · H-Office")
    app.add_page(preferences_page, route=routes.NOTIFICATION_PREFERENCES, on_load=PreferencesState.load,
                 title="Notification preferences · H-Office")
