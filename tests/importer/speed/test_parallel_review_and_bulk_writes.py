"""The fast paths of a big import give what the plain paths give: the review
checked by worker processes, new rows written by the writer thread (bulk.Pipe),
the result sheet written by a worker, the search index kept in bulk."""
from __future__ import annotations

import json

import pytest
from sqlmodel import select, text

from hoffice_app.domain.contacts import ContactQuery, search_contacts
from hoffice_app.importer import jobs, submit
from hoffice_app.importer.read import spool
from hoffice_app.importer.speed import workers as parallel
from hoffice_app.models import ImportIssue, ImportJob
from tests.contact_factory import make_contact
from tests.importer.helpers import (
    assert_search_index_intact,
    by_email,
    count_contacts,
    read_xlsx,
    review,
    row,
    run,
    search_triggers,
    xlsx,
)


def _rows(existing_code: str) -> list[list]:
    out = []
    for i in range(40):
        out.append(row(name=f"Person {i}", contact_type="Customer", email=f"p{i}@example.com",
                       mobile=str(9327058100 + i), city="Surat", category="Dealers" if i % 2 else ""))
    out[5] = row(name="", contact_type="Customer", email="bad@")  # invalid: no name, bad e-mail
    out[9] = row(name="Again", contact_type="Customer", email="p1@example.com")  # duplicate within the file
    out[12] = row(name="Known", contact_type="Vendor", email="known@example.com")  # duplicate of the database
    out[20] = row(contact_code=existing_code, name="Renamed", mobile="9327058999")  # updates the contact
    return out


@pytest.fixture
def known(session, admin, now):
    contact = make_contact(session, admin, now, "Known Co", emails=["known@example.com"], mobiles=["9327058888"])
    session.commit()
    return contact


@pytest.fixture
def in_workers(monkeypatch):
    """Every sheet is "big": checked by two workers, in chunks of 7 rows (several per worker)."""
    monkeypatch.setattr(parallel, "MIN_ROWS", 0)
    monkeypatch.setattr(spool, "STAGE_CHUNK", 7)
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "2")


def _outcome(session, job_id: int) -> tuple:
    issues = session.exec(select(ImportIssue.row_number, ImportIssue.kind, ImportIssue.summary)
                          .where(ImportIssue.job_id == job_id).order_by(ImportIssue.row_number)).all()
    kept = [(r.number, a, r.values.get("name"), r.email, r.target.code if r.target else "")
            for chunk in spool.read_rows(jobs.spool_path(session.get(ImportJob, job_id))) for r, a in chunk]
    return [tuple(i) for i in issues], kept


def test_workers_review_exactly_as_this_process_does(session, admin, now, tmp_path, known, monkeypatch):
    path = xlsx(tmp_path / "w.xlsx", _rows(known.code))
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "0")
    plain_job, plain, _v = review(session, admin, path, now)
    monkeypatch.setattr(parallel, "MIN_ROWS", 0)
    monkeypatch.setattr(spool, "STAGE_CHUNK", 7)
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "2")
    fast_job, fast, _v = review(session, admin, path, now)
    assert fast == plain
    assert (fast.total, fast.invalid, fast.duplicate, fast.to_update) == (40, 1, 2, 1)
    assert _outcome(session, fast_job) == _outcome(session, plain_job)
    assert len(parallel._workers) == 2 and all(w.alive() for w in parallel._workers)


def test_a_big_import_writes_every_row_and_its_result_sheet(session, admin, now, tmp_path, known, in_workers):
    before = count_contacts(session)
    job_id, summary = run(session, admin, xlsx(tmp_path / "b.xlsx", _rows(known.code)), now)
    assert (summary.created, summary.updated) == (36, 1)
    assert count_contacts(session) == before + 36
    sheet = read_xlsx(submit.sheet_path(session, admin, job_id, "result"))  # waits for the build after the commit
    assert len(sheet) == 1 + 37
    for line in sheet[1:]:  # each row's code is the contact the row became
        code, name = line[0], line[sheet[0].index("Name")]
        assert session.exec(text("SELECT name FROM contact WHERE code = :c").bindparams(c=code)).one()[0] == name
    assert by_email(session, "p39@example.com").search_text.startswith(by_email(session, "p39@example.com")
                                                                       .code.casefold())


def test_new_and_updated_contacts_are_found_by_their_new_numbers_only(session, admin, now, tmp_path, known,
                                                                      in_workers):
    run(session, admin, xlsx(tmp_path / "s.xlsx", _rows(known.code)), now)
    assert search_contacts(session, admin, ContactQuery(text="9327058139")).total == 1  # a new contact
    found = search_contacts(session, admin, ContactQuery(text="9327058999"))
    assert [r.code for r in found.rows] == [known.code]  # the updated one, by its new mobile
    assert search_contacts(session, admin, ContactQuery(text="Renamed")).total == 1
    assert search_contacts(session, admin, ContactQuery(text="9327058888")).total == 0  # its old mobile is gone
    assert_search_index_intact(session)


def test_a_failure_in_the_writer_thread_writes_nothing(session, admin, now, tmp_path, known, in_workers,
                                                       monkeypatch):
    from hoffice_app.importer.write import commit

    real = commit.Writer._create
    mark = "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"

    def broken(self, rows):
        codes = real(self, rows)
        self.pipe.execute(f"INSERT INTO no_such_table VALUES ({mark})", (1,))  # fails in the writer thread (SQLite)
        return codes
    monkeypatch.setattr(commit.Writer, "_create", broken)
    before, triggers = count_contacts(session), search_triggers(session)
    with pytest.raises(submit.ImportFailed, match="no_such_table"):
        run(session, admin, xlsx(tmp_path / "f.xlsx", _rows(known.code)), now)
    session.rollback()
    assert count_contacts(session) == before
    assert search_triggers(session) == triggers


def test_a_failed_worker_check_is_reported_and_the_next_review_works(session, admin, now, tmp_path, known,
                                                                     in_workers):
    import marshal

    damaged = tmp_path / "damaged.rows"
    header = marshal.dumps([(1, ["Name"])])
    damaged.write_bytes(len(header).to_bytes(8, "little") + header + (4).to_bytes(8, "little") + b"junk")
    with pytest.raises(parallel.WorkerFailed, match="an import worker failed"):
        job = parallel.check_job(str(session.get_bind().url), actor=admin, ctx=None, columns={}, policy="skip")
        with parallel.checked_chunks(job, damaged) as chunks:
            list(chunks)
    assert parallel._busy.acquire(blocking=False)  # the workers are free again
    parallel._busy.release()
    _job, summary, _v = review(session, admin, xlsx(tmp_path / "g.xlsx", _rows(known.code)), now)
    assert summary.total == 40


def test_bulk_writes_store_what_the_orm_stores(session):
    """The writer thread's statements (SQLite: multi-row VALUES padded with NULL rows, or
    json_each when a row's first value is NULL; PostgreSQL: COPY in text format, whose escaping
    of tabs, newlines and backslashes must hold) and ``insert_rows`` store exactly what
    SQLAlchemy's own INSERT and UPDATE store."""
    import sys
    from datetime import date, datetime, timezone
    from decimal import Decimal

    from sqlalchemy import Boolean, Column, Date, Integer, MetaData, Numeric, String, Table
    from sqlmodel import UTCDateTime

    from hoffice_app.importer.speed.bulk_pipe import Pipe, insert_rows

    table = Table("scratch", MetaData(), Column("id", Integer, primary_key=True), Column("flag", Boolean),
                  Column("day", Date), Column("at", UTCDateTime()), Column("amount", Numeric(10, 2)),
                  Column("words", String))
    conn = session.connection()
    table.create(conn)
    values = [(True, date(1980, 9, 25), datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc), Decimal("12345.67"),
               'quote " and \\ and ü and 💡'), (False, None, None, None, None),
              (True, date(2001, 1, 1), None, Decimal("0.10"), "tab\there, new\nline, \\N, \\t, ''")]
    cols = ["id", "flag", "day", "at", "amount", "words"]
    conn.execute(table.insert(), [dict(zip(cols, (i + 1, *v))) for i, v in enumerate(values)])
    insert_rows(conn, table, cols, [(i + 11, *v) for i, v in enumerate(values)])
    pipe = Pipe(conn)
    assert pipe.threaded
    pipe.insert(table, cols, [(i + 21, *v) for i, v in enumerate(values)])
    pipe.insert(table, cols, [(i + 31, *values[1]) for i in range(len(values))])
    pipe.update(table, cols[1:], [(*v, i + 31) for i, v in enumerate(values)])  # back to the values
    pipe.insert(table, ["words", *cols[:-1]], [(v[-1], i + 41, *v[:-1]) for i, v in enumerate(values)])
    assert sys.getswitchinterval() < 0.005  # the writer thread gets the GIL sooner (speed/quick_switch.py)
    pipe.close()
    assert sys.getswitchinterval() == 0.005  # and only while it runs
    got = [tuple(r[1:]) for r in conn.execute(table.select().order_by(table.c.id))]
    assert got[0:3] == got[3:6] == got[6:9] == got[9:12] == got[12:15]
    if conn.dialect.name == "sqlite":  # stored as the driver stores them, not as text
        assert conn.exec_driver_sql("SELECT DISTINCT typeof(flag), typeof(amount) FROM scratch "
                                    "WHERE amount IS NOT NULL").all() == [("integer", "real")]
    session.rollback()


def test_the_review_keeps_the_problems_of_every_chunk(session, admin, now, tmp_path, known, in_workers):
    job_id, summary, _v = review(session, admin, xlsx(tmp_path / "p.xlsx", _rows(known.code)), now)
    rows, total = jobs.issues(session, admin, job_id, kind="duplicate")
    assert total == 2 and [r.row_number for r in rows] == [11, 14]
    assert "row 3" in rows[0].summary and known.code in rows[1].summary
    invalid, _n = jobs.issues(session, admin, job_id, kind="invalid")
    assert json.loads(json.dumps([p[0] for p in invalid[0].problems])) == ["Name", "Email Address"]


def test_workers_export_the_same_sheet(session, admin, now, tmp_path, known, monkeypatch):
    from hoffice_app.importer.sheets import export

    run(session, admin, xlsx(tmp_path / "e.xlsx", _rows(known.code)), now)
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "0")
    plain = export.export_contacts(session, admin, None, tmp_path / "plain.xlsx", now=now)
    monkeypatch.setattr(parallel, "MIN_ROWS", 0)
    monkeypatch.setattr(export, "BATCH", 9)  # several batches over two workers
    monkeypatch.setenv("HOFFICE_IMPORT_WORKERS", "2")
    fast = export.export_contacts(session, admin, None, tmp_path / "fast.xlsx", now=now)
    assert fast == plain == 37
    assert read_xlsx(tmp_path / "fast.xlsx") == read_xlsx(tmp_path / "plain.xlsx")


def test_the_workers_stay_after_an_export_and_a_review(session, admin, now, tmp_path, known, in_workers):
    from hoffice_app.importer.sheets import export

    run(session, admin, xlsx(tmp_path / "k.xlsx", _rows(known.code)), now)
    pids = [w.proc.pid for w in parallel._workers]
    export.export_contacts(session, admin, None, tmp_path / "out.xlsx", now=now)
    review(session, admin, xlsx(tmp_path / "k2.xlsx", _rows(known.code)), now)
    assert [w.proc.pid for w in parallel._workers] == pids and len(pids) == 2
    assert parallel._busy.acquire(blocking=False)  # and nobody holds them
    parallel._busy.release()


@pytest.mark.parametrize("changed", [False, True])
def test_a_failed_update_only_import_keeps_the_search_triggers(session, admin, now, tmp_path, known, monkeypatch,
                                                               changed):
    """Nothing is written before the Writer starts (no new contact, or contacts changed since
    the review): the triggers it sets aside must still come back with the rollback."""
    from hoffice_app.importer.write import commit

    triggers = search_triggers(session)
    job_id, _s, _v = review(session, admin, xlsx(tmp_path / "u.xlsx", [row(contact_code=known.code, name="New")]),
                            now)
    if changed:
        make_contact(session, admin, now, "Saved meanwhile")
        session.commit()
    monkeypatch.setattr(commit.Writer, "write", lambda self, chunk: 1 / 0)
    with pytest.raises(submit.ImportFailed):
        submit.submit(job_id, admin, now=now)
    session.rollback()
    assert search_triggers(session) == triggers


@pytest.mark.sqlite_only  # the text sqlite3's adapters make
def test_bulk_dates_are_stored_as_the_driver_would_store_them(session):
    from datetime import date, datetime, timedelta, timezone

    from sqlalchemy import Column, Date, DateTime, Integer, MetaData, Table
    from sqlmodel import UTCDateTime

    from hoffice_app.importer.speed.bulk_pipe import insert_rows

    table = Table("scratch_days", MetaData(), Column("id", Integer, primary_key=True), Column("day", Date),
                  Column("at", DateTime), Column("aware", UTCDateTime()))
    conn = session.connection()
    table.create(conn)
    ist = timezone(timedelta(hours=5, minutes=30))
    now = datetime(2026, 3, 2, 9, 30, 5, 123456, tzinfo=ist)
    rows = [(date(1980, 9, 25), datetime(2026, 3, 2, 9, 30), now), (None, None, None), (date(2001, 1, 1), now, now)]
    insert_rows(conn, table, ["id", "day", "at", "aware"], [(i + 1, *r) for i, r in enumerate(rows)])
    driver = conn.connection.driver_connection  # the driver's own adapters, as SQLAlchemy used to reach them
    driver.executemany("INSERT INTO scratch_days (id, day, at, aware) VALUES (?, ?, ?, ?)",
                       [(i + 11, d, at, aware.astimezone(timezone.utc) if aware else None)
                        for i, (d, at, aware) in enumerate(rows)])
    got = conn.exec_driver_sql("SELECT day, at, aware FROM scratch_days ORDER BY id").all()
    assert got[:3] == got[3:]
    assert got[0][2] == "2026-03-02 04:00:05.123456+00:00"
    session.rollback()


@pytest.mark.sqlite_only  # FTS5's own setting
def test_an_import_puts_back_the_search_index_own_hashsize(session, admin, now, tmp_path, known, in_workers):
    session.execute(text("INSERT INTO contact_fts(contact_fts, rank) VALUES ('hashsize', 2000000)"))
    session.commit()
    run(session, admin, xlsx(tmp_path / "h.xlsx", _rows(known.code)), now)
    value = session.execute(text("SELECT v FROM contact_fts_config WHERE k = 'hashsize'")).scalar()
    assert int(value) == 2000000
