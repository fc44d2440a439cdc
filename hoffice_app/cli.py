"""Command line: database, seeds, users, contact import / export / template, backup / restore,
the backend worker count for bin/run, revoke policies (``cli_policies.py``), custom fields
(``cli_fields.py``).

``import contacts`` exits 0 when the file was processed (invalid rows
included) and 2 when the file was refused (the reason on stderr); it acts as
the first active administrator (see ``importer/run.py``), as do ``export
contacts`` (so the export holds every contact) and ``template contacts``.

Every failure prints one line starting with "error:" on stderr and exits
non-zero; nothing is half-written (each command is one unit of work).
"""
from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy.exc import OperationalError, ProgrammingError

from hoffice_app.cli_fields import add_field_commands
from hoffice_app.cli_policies import add_policy_commands
from hoffice_app.db import database_url, unit_of_work, utcnow
from hoffice_app.domain.common import DomainError, ValidationError


def _fail(message: str, code: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _missing_table(err) -> bool:
    """A table not there yet: the database was never upgraded. SQLite says "no such table";
    PostgreSQL raises undefined_table (SQLSTATE 42P01), a ProgrammingError."""
    return "no such table" in str(err.orig) or getattr(err.orig, "sqlstate", None) == "42P01"


def cmd_db_upgrade(_args) -> int:
    from hoffice_app.migrations import upgrade

    upgrade()
    print(f"Database is at the latest migration ({_safe_url()}).")
    return 0


def _safe_url() -> str:
    url = database_url()
    return url.split("@")[-1] if "@" in url else url


def cmd_seed_masters(_args) -> int:
    from hoffice_app.domain.seed import seed_masters

    with unit_of_work() as session:
        added = seed_masters(session)
    print(f"Masters loaded: {added} new entries." if added else "Masters already loaded: nothing to add.")
    return 0


def cmd_seed_demo(args) -> int:
    from hoffice_app.domain.seed import database_is_empty, seed_demo

    password = os.environ.get("HOFFICE_DEMO_PASSWORD") or None
    with unit_of_work() as session:
        if args.if_empty and not database_is_empty(session):
            print("Database already has employees: demo data not loaded.")
            return 0
        created = seed_demo(session, password=password, now=utcnow(), with_contacts=True)
    if not created:
        print("Demo data already loaded: nothing to add.")
        return 0
    print(f"Demo data loaded: {len(created)} employees.")
    if password:
        print("Every demo employee's password is the value of HOFFICE_DEMO_PASSWORD.")
    else:
        print("Generated passwords (shown once, note them now):")
        for code, pw in created.items():
            print(f"  {code}  {pw}")
    print("Log in as the administrator with employee code E01 (or asha.patel@example.com).")
    return 0


def cmd_user_create(args) -> int:
    from hoffice_app.domain.org import create_employee

    password = _password_from(args)
    data = {"code": args.code or "", "name": args.name, "email": args.email, "mobile": args.mobile or "",
            "role": args.role, "reports_to_id": None, "division_ids": []}
    with unit_of_work() as session:
        view, pw = create_employee(session, None, data, password=password, now=utcnow(), bootstrap=True)
    print(f"Created {view.code} {view.name} ({view.role}).")
    if not password:
        print(f"Generated password (shown once): {pw}")
    return 0


def cmd_user_passwd(args) -> int:
    from hoffice_app.domain.org import find_by_code, reset_password

    password = _password_from(args)
    with unit_of_work() as session:
        employee = find_by_code(session, args.code)
        if employee is None:
            return _fail(f"no employee with code {args.code}.")
        pw = reset_password(session, None, employee.id, password, now=utcnow(), bootstrap=True)
    print(f"Password changed for {employee.code}; their open sessions were ended.")
    if not password:
        print(f"Generated password (shown once): {pw}")
    return 0


def _password_from(args) -> str | None:
    """--password-stdin reads one line; otherwise HOFFICE_PASSWORD; otherwise generate."""
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\n") or None
    return os.environ.get("HOFFICE_PASSWORD") or None


def cmd_import_contacts(args) -> int:
    import json

    from hoffice_app.importer.errors import FileRefused
    from hoffice_app.importer.run import import_file

    try:
        summary = import_file(args.file, policy=args.duplicates, kam=args.key_account_manager, dry_run=args.dry_run,
                              result_out=args.result, errors_out=args.errors, now=utcnow())
    except FileRefused as err:
        return _fail(err.message, 2)
    if summary.get("result_sheet_error"):
        print(f"The contacts were imported, but the result sheet could not be written "
              f"({summary['result_sheet_error']}); download it from the import history.", file=sys.stderr)
    if args.json:
        print(json.dumps(summary))
        return 0
    verb = "Would import" if args.dry_run else "Imported"
    print(f"{verb}: {summary['total']:,} rows — {summary['valid']:,} valid, {summary['invalid']:,} invalid, "
          f"{summary['duplicate']:,} duplicate.")
    if not args.dry_run:
        print(f"{summary['created']:,} contacts created, {summary['updated']:,} updated.")
    else:
        print(f"{summary['to_create']:,} would be created, {summary['to_update']:,} updated "
              "(dry run: nothing written).")
    return 0


def cmd_export_contacts(args) -> int:
    from hoffice_app.importer.run import cli_actor
    from hoffice_app.importer.sheets.export import export_contacts

    with unit_of_work() as session:
        n = export_contacts(session, cli_actor(session), None, args.out, now=utcnow())
    print(f"Exported {n:,} contacts to {args.out}.")
    return 0


def cmd_template_contacts(args) -> int:
    from hoffice_app.importer.sheets.template import write_template

    with unit_of_work() as session:
        write_template(session, args.out)
    print(f"Template written to {args.out}.")
    return 0


def cmd_backup(args) -> int:
    from hoffice_app.backup import create_backup

    m = create_backup(args.out, now=utcnow())
    rows, size = sum(m["tables"].values()), sum(f["size"] for f in m["files"])
    print(f"Backup written to {args.out}: database at migration {m['alembic_revision']} ({rows:,} rows in "
          f"{len(m['tables'])} tables), {_files(len(m['files']))} ({size / 2**20:,.1f} MB); manifest.json lists them.")
    if m["skipped"]:
        print(f"{len(m['skipped'])} files being written or removed meanwhile were left out (listed in the manifest).")
    if m["documents_without_file"]:
        print(f"warning: {len(m['documents_without_file'])} documents have no file (listed in the manifest).",
              file=sys.stderr)
    return 0


def _files(n: int) -> str:
    return f"{n:,} file{'' if n == 1 else 's'}"


def cmd_restore(args) -> int:
    from hoffice_app.backup import restore_backup

    r = restore_backup(args.backup)
    moved = f" → {r['to_revision']}" if r["to_revision"] != r["from_revision"] else ""
    print(f"Restored the backup of {r['created_at']} into {_safe_url()}: migration {r['from_revision']}{moved}, "
          f"{r['rows']:,} rows in {r['tables']} tables, {_files(r['files'])}.")
    return 0


def cmd_workers(_args) -> int:
    """For bin/run: the backend worker count alone on stdout (a note, if any, on stderr)."""
    from hoffice_app.deploy import WorkersRefused, from_environment

    try:
        workers = from_environment()
    except WorkersRefused as err:
        return _fail(str(err), 2)
    if workers.note:
        print(f"note: {workers.note}", file=sys.stderr)
    print(workers.count)
    return 0


def _add_backup_commands(sub) -> None:
    b = sub.add_parser("backup", help="copy the database, documents and import files (safe while the app runs)")
    b.add_argument("out", metavar="OUT", help="a new folder, or a file ending in .tar.gz")
    b.set_defaults(func=cmd_backup)
    r = sub.add_parser("restore", help="restore a backup into an empty database and empty folders")
    r.add_argument("backup", metavar="IN", help="a backup folder or .tar.gz written by `backup`")
    r.set_defaults(func=cmd_restore)


def _add_import_commands(sub) -> None:
    imp = sub.add_parser("import", help="import contacts from a spreadsheet").add_subparsers(dest="what",
                                                                                           required=True)
    c = imp.add_parser("contacts", help="import a .xlsx, .xls or .csv file (the template's columns)")
    c.add_argument("file")
    c.add_argument("--duplicates", choices=["skip", "update", "create"], default="skip",
                   help="rows whose e-mail or mobile already exists (default: skip)")
    c.add_argument("--key-account-manager", metavar="EMPLOYEE_CODE", help="set on every imported contact")
    c.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    c.add_argument("--result", metavar="OUT.xlsx", help="write the imported rows with their codes here")
    c.add_argument("--errors", metavar="OUT.xlsx", help="write the invalid and duplicate rows with reasons here")
    c.add_argument("--json", action="store_true", help="print one JSON object with the counts")
    c.set_defaults(func=cmd_import_contacts)
    exp = sub.add_parser("export", help="export contacts").add_subparsers(dest="what", required=True)
    e = exp.add_parser("contacts", help="every contact, in the template's columns")
    e.add_argument("out", metavar="OUT.xlsx")
    e.set_defaults(func=cmd_export_contacts)
    tpl = sub.add_parser("template", help="write an import template").add_subparsers(dest="what", required=True)
    t = tpl.add_parser("contacts", help="the contact import template")
    t.add_argument("out", metavar="OUT.xlsx")
    t.set_defaults(func=cmd_template_contacts)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m hoffice_app", description="H-Office Leads & Contacts")
    sub = parser.add_subparsers(dest="group", required=True)

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="action", required=True)
    db.add_parser("upgrade", help="apply every pending migration").set_defaults(func=cmd_db_upgrade)

    seed = sub.add_parser("seed", help="load masters or demo data").add_subparsers(dest="action", required=True)
    seed.add_parser("masters", help="the masters of the demo-data spec").set_defaults(func=cmd_seed_masters)
    demo = seed.add_parser("demo", help="masters plus the demo employees")
    demo.add_argument("--if-empty", action="store_true", help="only when the database has no employees")
    demo.set_defaults(func=cmd_seed_demo)

    user = sub.add_parser("user", help="employees who log in").add_subparsers(dest="action", required=True)
    create = user.add_parser("create", help="add an employee (the first admin, for instance)")
    create.add_argument("--name", required=True)
    create.add_argument("--email", required=True)
    create.add_argument("--role", required=True, choices=["admin", "manager", "executive"])
    create.add_argument("--code", help="employee code (default: the next E-number)")
    create.add_argument("--mobile")
    create.add_argument("--password-stdin", action="store_true",
                        help="read the password from standard input (else HOFFICE_PASSWORD, else generated)")
    create.set_defaults(func=cmd_user_create)
    passwd = user.add_parser("passwd", help="set a new password and end the employee's sessions")
    passwd.add_argument("code", help="employee code, e.g. E01")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.set_defaults(func=cmd_user_passwd)
    _add_import_commands(sub)
    _add_backup_commands(sub)
    add_policy_commands(sub)
    add_field_commands(sub)
    sub.add_parser("workers", help="how many backend workers bin/run starts (HOFFICE_WORKERS, Redis, PostgreSQL)"
                   ).set_defaults(func=cmd_workers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ValidationError as err:
        return _fail("; ".join(f"{field}: {msg}" for field, msg in err.errors.items()))
    except DomainError as err:
        return _fail(err.message)
    except (OperationalError, ProgrammingError) as err:
        hint = " (run `python -m hoffice_app db upgrade` first?)" if _missing_table(err) else ""
        return _fail(f"database: {str(err.orig).splitlines()[0]}{hint}")
    except Exception as err:  # one line, not a traceback, for anything unexpected
        first = (str(err).splitlines() or [""])[0]
        return _fail(f"{type(err).__name__}: {first}")
