"""Funnel board routes."""
import reflex as rx

from hoffice_app import routes
from hoffice_app.pages.funnel.state import BoardState
from hoffice_app.pages.funnel.view import board_page


def register(app: rx.App) -> None:
    for route in (routes.FUNNEL, routes.FUNNEL_BOARD):
        app.add_page(board_page, route=route, on_load=BoardState.load, title="Funnel · H-Office")
