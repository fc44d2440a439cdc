"""The title a contact gets when none is chosen: the company's default title ("Mr.", a
setting) for a person, and the company title "M/S" for a company.

Only the lead form's quick "+ new contact" dialog says whether the new contact is a person
or a company (``is_company``); the full contact form shows the title itself. A company
called "Mr. Omkar Pharma Pvt Ltd" reads wrong on every letter and list, which is why the
quick dialog asks. Without an "M/S" entry in the title master (renamed or deleted) a
company gets no title rather than a person's.
"""
from __future__ import annotations

from sqlmodel import Session

from hoffice_app.domain.common import as_id
from hoffice_app.domain.masters import entry_id_by_name
from hoffice_app.domain.masters import settings as app_settings

COMPANY_TITLE = "M/S"  # Messrs: how Indian business letters address a firm (seed data's title master)


def default_title_id(session: Session, *, is_company: bool) -> int | None:
    if is_company:
        return entry_id_by_name(session, "title", COMPANY_TITLE)
    return as_id(app_settings.get(session, "default_title"))
