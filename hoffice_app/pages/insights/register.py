"""The insights route."""
import reflex as rx

from hoffice_app import routes
from hoffice_app.pages.insights.page import insights_page
from hoffice_app.pages.insights.state import InsightsState


def register(app: rx.App) -> None:
    app.add_page(insights_page, route=routes.INSIGHTS, on_load=InsightsState.load, title="Insights · H-Office")
