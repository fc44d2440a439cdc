"""The board's funnel picker counts each funnel's open leads as its viewer may see them:
an executive their own, a manager their team's, an administrator everyone's; closed leads
and switched-off funnels are not counted."""
from sqlmodel import select

from hoffice_app.domain import funnel
from hoffice_app.domain.funnel import admin as fa
from hoffice_app.models import FunnelStage
from tests.contact_factory import actor
from tests.lead_factory import demo, engine, make_lead  # noqa: F401


def test_open_leads_per_funnel_as_each_role_sees_them(session, now):
    admin = actor(session, "E01")
    dealers = fa.create_funnel(session, admin, "Dealers")
    fa.create_funnel(session, admin, "Service")
    fa.set_funnel_active(session, admin, fa.create_funnel(session, admin, "Old"), False, now=now)
    neha, karan = actor(session, "E03"), actor(session, "E04")
    won = session.exec(select(FunnelStage.id).where(FunnelStage.funnel_id == dealers, FunnelStage.name == "Won")).one()
    for n in range(3):
        make_lead(session, neha, now, contact_name=f"Neha {n}", assigned_to="E03", funnel_id=str(dealers))
    closed = make_lead(session, neha, now, contact_name="Closed", assigned_to="E03", funnel_id=str(dealers))
    funnel.move_lead(session, neha, closed.id, won, expected_version=1, now=now)
    make_lead(session, karan, now, contact_name="Karan", assigned_to="E04")
    make_lead(session, admin, now, contact_name="Asha", assigned_to_id="")  # nobody's but the admin's

    def labels(who):
        return [o.label for o in funnel.funnels_with_open(session, who)]

    assert labels(neha) == ["Sales Funnel (0 open)", "Dealers (3 open)", "Service (0 open)"]
    assert labels(karan) == ["Sales Funnel (1 open)", "Dealers (0 open)", "Service (0 open)"]
    assert labels(actor(session, "E02")) == ["Sales Funnel (1 open)", "Dealers (3 open)", "Service (0 open)"]
    assert labels(admin) == ["Sales Funnel (2 open)", "Dealers (3 open)", "Service (0 open)"]
