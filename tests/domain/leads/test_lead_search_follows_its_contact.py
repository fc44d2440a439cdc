"""A lead is found by its contact's current name: renaming the contact (on its form, or by an
import row that updates it by code) refreshes the lead's search text."""
from hoffice_app.domain.contacts import form_values
from hoffice_app.domain.contacts import save as contacts
from hoffice_app.domain.leads import LeadQuery, search_leads
from tests.importer.helpers import row, run, xlsx
from tests.lead_factory import demo, engine, make_lead  # noqa: F401


def _found(session, who, text, now):
    return [r.code for r in search_leads(session, who, LeadQuery(view="all", text=text), now=now).rows]


def test_renamed_contact_on_its_form(session, admin, now, demo):  # noqa: F811
    lead = make_lead(session, admin, now, contact_name="Horus Tech")
    data = form_values(session, admin, lead_contact_code(session, lead.contact_id)) | {"name": "Zenith Polymers"}
    contacts.save_contact(session, admin, data, now=now, contact_id=lead.contact_id)
    assert _found(session, admin, "zenith", now) == [lead.code]
    assert _found(session, admin, "horus", now) == []


def test_renamed_contact_by_an_import_row(session, admin, now, tmp_path, demo):  # noqa: F811
    lead = make_lead(session, admin, now, contact_name="Horus Tech")
    session.commit()
    path = xlsx(tmp_path / "rename.xlsx", [row(contact_code=lead_contact_code(session, lead.contact_id),
                                               name="Zenith Polymers")])
    _job, summary = run(session, admin, path, now)
    assert summary.updated == 1
    session.expire_all()
    assert _found(session, admin, "zenith", now) == [lead.code]
    assert _found(session, admin, "horus", now) == []


def lead_contact_code(session, contact_id):
    from hoffice_app.models import Contact

    return session.get(Contact, contact_id).code
