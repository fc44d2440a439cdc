"""Contact Center routes."""
import reflex as rx

from hoffice_app import routes
from hoffice_app.pages.contacts.detail_state import ContactDetailState
from hoffice_app.pages.contacts.detail_view import contact_detail_page
from hoffice_app.pages.contacts.form_state import ContactFormState
from hoffice_app.pages.contacts.form_view import contact_form_page
from hoffice_app.pages.contacts.list_state import ContactListState
from hoffice_app.pages.contacts.list_view import contact_list_page


def register(app: rx.App) -> None:
    app.add_page(contact_list_page, route=routes.CONTACTS, on_load=ContactListState.load,
                 title="Contacts · H-Office")
    app.add_page(contact_form_page("New contact"), route=routes.CONTACT_NEW, on_load=ContactFormState.load_new,
                 title="New contact · H-Office")
    app.add_page(contact_form_page("Edit contact"), route=routes.CONTACT_EDIT, on_load=ContactFormState.load_edit,
                 title="Edit contact · H-Office")
    app.add_page(contact_detail_page, route=routes.CONTACT_DETAIL, on_load=ContactDetailState.load,
                 title="Contact · H-Office")
