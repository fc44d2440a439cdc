"""The Key Account Manager chosen on the review step, after the rows were
checked, is the one every imported row gets (no second review needed)."""
import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.importer import jobs, submit
from tests.contact_factory import employee_id
from tests.importer.helpers import by_email, review, row, xlsx


def test_manager_chosen_after_review_is_set_on_every_row(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "k.xlsx", [row(name="Later One", contact_type="Customer", email="later@example.com")])
    job_id, _summary, _view = review(session, admin, path, now)
    jobs.set_key_account_manager(session, admin, job_id, employee_id(session, "E05"))
    session.commit()
    submit.submit(job_id, admin, now=now)
    session.expire_all()
    assert by_email(session, "later@example.com").key_account_manager_id == employee_id(session, "E05")


def test_unknown_manager_or_submitted_job_is_refused(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "k.xlsx", [row(name="Later Two", contact_type="Customer")])
    job_id, _summary, _view = review(session, admin, path, now)
    with pytest.raises(ValidationError):
        jobs.set_key_account_manager(session, admin, job_id, 999_999)
    session.commit()
    submit.submit(job_id, admin, now=now)
    with pytest.raises(ValidationError):
        jobs.set_key_account_manager(session, admin, job_id, None)
