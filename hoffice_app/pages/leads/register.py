"""Lead routes (the label may read Inquiry or Opportunity; the URLs stay)."""
import reflex as rx

from hoffice_app import routes
from hoffice_app.pages.leads.detail_state import LeadDetailState
from hoffice_app.pages.leads.detail_view import lead_detail_page
from hoffice_app.pages.leads.followups_page import MyFollowUpsState, follow_ups_page
from hoffice_app.pages.leads.form_state import LeadFormState
from hoffice_app.pages.leads.form_view import lead_form_page
from hoffice_app.pages.leads.list_state import LeadListState
from hoffice_app.pages.leads.list_view import lead_list_page


def register(app: rx.App) -> None:
    app.add_page(lead_list_page, route=routes.LEADS, on_load=LeadListState.load, title="H-Office")
    app.add_page(lead_form_page(True), route=routes.LEAD_NEW, on_load=LeadFormState.load_new, title="H-Office")
    app.add_page(lead_form_page(False), route=routes.LEAD_EDIT, on_load=LeadFormState.load_edit, title="H-Office")
    app.add_page(lead_detail_page, route=routes.LEAD_DETAIL, on_load=LeadDetailState.load, title="H-Office")
    app.add_page(follow_ups_page, route=routes.FOLLOW_UPS, on_load=MyFollowUpsState.load,
                 title="Follow-ups · H-Office")
