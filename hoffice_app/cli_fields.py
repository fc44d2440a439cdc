"""`python -m hoffice_app fields …`: custom fields of leads and contacts from the command line.

    fields list [--json]
    fields add contact|lead LABEL --type TYPE [--options "A,B,C"] [--required] [--section NAME]
    fields deactivate contact|lead LABEL

TYPE is one of text, long-text, number, amount, date, datetime, yes-no, select, multi-select,
email, phone, url, employee, contact. The commands act as the first active administrator and
go through the same rules as Settings → Custom fields (a label unique per record kind, options
for selects); ``list --json`` prints every field with its key, which never changes.
"""
from __future__ import annotations

import json

from hoffice_app import db
from hoffice_app.cli_policies import first_admin
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import DomainError


def cmd_list(args) -> int:
    with db.unit_of_work() as session:
        first_admin(session)
        rows = [(record, f, cf.options_of(session, [f.id])[f.id]) for record in cf.RECORDS
                for f in cf.fields_of(session, record, active_only=False)]
        out = [{"record": record, "key": f.key, "label": f.label, "type": _cli_type(f.kind), "required": f.required,
                "section": f.section, "position": f.position, "active": f.active, "default": f.default_value,
                "edit_roles": f.edit_roles.split(","), "options": [{"label": o.label, "active": o.active}
                                                                   for o in options]}
               for record, f, options in rows]
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if not out:
        print("No custom fields. Add one with `fields add lead|contact LABEL --type TYPE`.")
    for f in out:
        options = f" ({', '.join(o['label'] for o in f['options'])})" if f["options"] else ""
        flags = ", ".join(x for x in ("required" if f["required"] else "", "" if f["active"] else "inactive") if x)
        print(f"{f['record']:8} {f['label']} [{f['type']}]{options}" + (f" — {flags}" if flags else "")
              + f"  key={f['key']}")
    return 0


def _cli_type(kind: str) -> str:
    return next(cli for key, _label, cli in cf.KINDS if key == kind)


def cmd_add(args) -> int:
    kind = cf.FROM_CLI.get(args.type)
    if kind is None:
        raise DomainError(f"--type {args.type!r} is not a type; use one of {', '.join(cf.FROM_CLI)}.")
    options = [o.strip() for o in (args.options or "").split(",") if o.strip()]
    with db.unit_of_work() as session:
        row = cf.add_field(session, first_admin(session), args.record,
                           cf.FieldSpec(label=args.label, kind=kind, options=options, required=args.required,
                                        section=args.section or ""), now=db.utcnow())
        print(f"Added {row.record} field “{row.label}” [{args.type}], key {row.key}.")
    return 0


def cmd_deactivate(args) -> int:
    with db.unit_of_work() as session:
        row = cf.find_field(session, args.record, args.label)
        spec = cf.FieldSpec(label=row.label, kind=row.kind, options=[], required=row.required,
                            default_value=row.default_value, help_text=row.help_text, section=row.section,
                            edit_roles=tuple(row.edit_roles.split(",")), active=False)
        cf.update_field(session, first_admin(session), row.id, spec, version=row.version, now=db.utcnow())
        print(f"“{row.label}” is switched off: hidden from forms, lists and imports; its values are kept.")
    return 0


def add_field_commands(sub) -> None:
    group = sub.add_parser("fields", help="custom fields of leads and contacts: list, add, deactivate")
    actions = group.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every custom field, in form order")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list)
    add = actions.add_parser("add", help="add a field to leads or contacts")
    add.add_argument("record", choices=list(cf.RECORDS))
    add.add_argument("label", help="the field's label (in quotes if it has spaces)")
    add.add_argument("--type", required=True, help=f"one of {', '.join(cf.FROM_CLI)}")
    add.add_argument("--options", help='for select types: "A,B,C"')
    add.add_argument("--required", action="store_true")
    add.add_argument("--section", help="the form section it appears in")
    add.set_defaults(func=cmd_add)
    off = actions.add_parser("deactivate", help="switch a field off (its values are kept)")
    off.add_argument("record", choices=list(cf.RECORDS))
    off.add_argument("label")
    off.set_defaults(func=cmd_deactivate)
