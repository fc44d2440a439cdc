"""Which funnel a new lead starts in: its lead type's default, then its assignee's (else its
creator's) division's, then the company's, then the first active funnel; a funnel chosen on
the form wins, and must be active."""
import pytest
from sqlmodel import delete, select

from hoffice_app.domain import funnel
from hoffice_app.domain.common import PermissionDenied, ValidationError
from hoffice_app.domain.funnel import admin as fa
from hoffice_app.domain.masters import entries as masters
from hoffice_app.models import EmployeeDivision, Funnel, FunnelStage
from tests.contact_factory import actor, employee_id, master_id
from tests.lead_factory import demo, engine, make_lead  # noqa: F401


def _name(session, lead) -> str:
    return f"{session.get(Funnel, lead.funnel_id).name} · {session.get(FunnelStage, lead.stage_id).name}"


def _funnels(session, now):
    """Asha (admin) adds Dealers and Service beside the Sales Funnel."""
    admin = actor(session, "E01")
    return admin, fa.create_funnel(session, admin, "Dealers"), fa.create_funnel(session, admin, "Service")


def _only_division(session, code: str, division: str) -> None:
    """The demo puts everyone in every division; here ``code`` works for one only."""
    person = employee_id(session, code)
    session.exec(delete(EmployeeDivision).where(EmployeeDivision.employee_id == person))
    session.add(EmployeeDivision(employee_id=person, division_id=master_id(session, "division", division)))
    session.flush()


def test_lead_type_beats_division_beats_company_beats_first_funnel(session, now):
    admin, dealers, service = _funnels(session, now)
    neha = actor(session, "E03")
    dealer_type = str(master_id(session, "lead_type", "Dealer"))
    funnel.set_funnel_default(session, admin, "company", None, service, now=now)
    funnel.set_funnel_default(session, admin, "division", master_id(session, "division", "corpteaser"), dealers,
                              now=now)
    funnel.set_funnel_default(session, admin, "lead_type", int(dealer_type), service, now=now)
    lead = make_lead(session, neha, now, assigned_to="E03", lead_type_id=dealer_type)
    assert _name(session, lead) == "Service · New" and lead.stage_entered_at == now
    funnel.set_funnel_default(session, admin, "company", None, None, now=now)
    assert _name(session, make_lead(session, neha, now, contact_name="A Ltd", assigned_to="E03")) == "Dealers · New"
    funnel.set_funnel_default(session, admin, "division", master_id(session, "division", "corpteaser"), None, now=now)
    assert _name(session, make_lead(session, neha, now, contact_name="B Ltd", assigned_to="E03")) == \
        "Sales Funnel · New Inquiry"
    funnel.set_funnel_default(session, admin, "company", None, dealers, now=now)
    assert _name(session, make_lead(session, neha, now, contact_name="C Ltd", assigned_to="E03")) == "Dealers · New"


def test_the_assignees_division_counts_and_the_creators_while_unassigned(session, now):
    admin, dealers, service = _funnels(session, now)
    _only_division(session, "E03", "hoffice")
    _only_division(session, "E04", "corpteaser")
    funnel.set_funnel_default(session, admin, "division", master_id(session, "division", "hoffice"), dealers, now=now)
    funnel.set_funnel_default(session, admin, "division", master_id(session, "division", "corpteaser"), service,
                              now=now)
    neha = actor(session, "E03")
    assert _name(session, make_lead(session, neha, now, assigned_to="E04")) == "Service · New"
    assert _name(session, make_lead(session, neha, now, contact_name="A Ltd", assigned_to_id="")) == "Dealers · New"


def test_a_funnel_chosen_on_the_form_wins_and_must_be_active(session, now):
    admin, dealers, service = _funnels(session, now)
    funnel.set_funnel_default(session, admin, "company", None, service, now=now)
    neha = actor(session, "E03")
    assert _name(session, make_lead(session, neha, now, assigned_to="E03", funnel_id=str(dealers))) == "Dealers · New"
    fa.set_funnel_active(session, admin, service, False, now=now)
    with pytest.raises(ValidationError) as err:
        make_lead(session, neha, now, contact_name="A Ltd", assigned_to="E03", funnel_id=str(service))
    assert err.value.errors == {"funnel_id": "Choose an active funnel from the list."}


def test_a_switched_off_funnels_default_is_skipped(session, now):
    admin, dealers, service = _funnels(session, now)
    funnel.set_funnel_default(session, admin, "company", None, service, now=now)
    fa.set_funnel_active(session, admin, service, False, now=now)
    assert funnel.funnel_defaults(session, admin).company == ""
    assert _name(session, make_lead(session, admin, now, assigned_to="E03")) == "Sales Funnel · New Inquiry"
    with pytest.raises(ValidationError) as err:
        funnel.set_funnel_default(session, admin, "company", None, service, now=now)
    assert err.value.errors == {"funnel_id": "Choose an active funnel from the list."}


def test_the_form_gets_the_same_answer_without_the_database(session, now):
    admin, dealers, service = _funnels(session, now)
    _only_division(session, "E03", "hoffice")
    _only_division(session, "E04", "corpteaser")
    dealer_type = master_id(session, "lead_type", "Dealer")
    funnel.set_funnel_default(session, admin, "lead_type", dealer_type, dealers, now=now)
    funnel.set_funnel_default(session, admin, "division", master_id(session, "division", "corpteaser"), service,
                              now=now)
    found = funnel.funnel_defaults(session, actor(session, "E03"))  # any employee's form reads them
    karan, neha = str(employee_id(session, "E04")), str(employee_id(session, "E03"))
    assert funnel.choose_funnel(found, str(dealer_type), karan) == (str(dealers), "lead type")
    assert funnel.choose_funnel(found, "", karan) == (str(service), "division")
    sales = session.exec(select(Funnel).where(Funnel.name == "Sales Funnel")).one().id
    assert funnel.choose_funnel(found, "", neha) == (str(sales), "first")


def test_only_an_admin_sets_defaults_and_a_type_with_one_is_kept(session, now):
    admin, dealers, _service = _funnels(session, now)
    dealer_type = master_id(session, "lead_type", "Dealer")
    with pytest.raises(PermissionDenied):
        funnel.set_funnel_default(session, actor(session, "E02"), "lead_type", dealer_type, dealers, now=now)
    funnel.set_funnel_default(session, admin, "lead_type", dealer_type, dealers, now=now)
    with pytest.raises(ValidationError) as err:
        masters.delete_entry(session, admin, dealer_type)
    assert "its default funnel Dealers in Settings → Funnels" in err.value.errors["delete"]
    with pytest.raises(ValidationError):
        funnel.set_funnel_default(session, admin, "lead_type", master_id(session, "division", "hoffice"), dealers,
                                  now=now)
