"""Associated contacts: "<contact> is <relation> of <related contact>", shown on both."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, or_, select

from hoffice_app.domain.common import Actor, NotFound, ValidationError, as_id
from hoffice_app.domain.contacts.access import get_visible, visible_clause
from hoffice_app.domain.contacts.views import AssociationView
from hoffice_app.models import Contact, ContactAssociation, MasterEntry


def associate(session: Session, actor: Actor, contact_id: int, related_code: str, relation_id, *,
              now: datetime) -> AssociationView:
    """Link two contacts the actor can see; the same link twice is refused."""
    contact = get_visible(session, actor, contact_id=contact_id)
    errors: dict[str, str] = {}
    related = None
    try:
        related = get_visible(session, actor, code=related_code) if related_code else None
    except NotFound as err:
        errors["related"] = err.message
    if related is None and "related" not in errors:
        errors["related"] = "Choose the contact to associate."
    if related is not None and related.id == contact.id:
        errors["related"] = "A contact cannot be associated with itself."
    relation = session.get(MasterEntry, as_id(relation_id) or 0)
    if relation is None or relation.kind != "relation":
        errors["relation"] = "Choose the relation."
    if errors:
        raise ValidationError(errors)
    exists = session.exec(select(ContactAssociation).where(
        ContactAssociation.contact_id == contact.id, ContactAssociation.related_contact_id == related.id,
        ContactAssociation.relation_id == relation.id)).first()
    if exists:
        raise ValidationError({"related": f"{contact.name} is already {relation.name} of {related.name}."})
    link = ContactAssociation(contact_id=contact.id, related_contact_id=related.id, relation_id=relation.id,
                              created_by_id=actor.id, created_at=now)
    session.add(link)
    session.flush()
    return AssociationView(id=link.id, other_code=related.code, other_name=related.name,
                           text=f"{relation.name} of {related.name}")


def remove_association(session: Session, actor: Actor, association_id: int) -> None:
    link = session.get(ContactAssociation, association_id)
    if link is None:
        raise NotFound("That association no longer exists.")
    get_visible(session, actor, contact_id=link.contact_id)
    get_visible(session, actor, contact_id=link.related_contact_id)
    session.delete(link)
    session.flush()


def list_associations(session: Session, actor: Actor, contact_id: int) -> list[AssociationView]:
    """Both directions; links to contacts the actor cannot see are left out."""
    get_visible(session, actor, contact_id=contact_id)
    links = session.exec(select(ContactAssociation).where(or_(ContactAssociation.contact_id == contact_id,
                                                              ContactAssociation.related_contact_id == contact_id))
                         .order_by(ContactAssociation.id)).all()
    other_ids = {k.related_contact_id if k.contact_id == contact_id else k.contact_id for k in links}
    visible = {c.id: c for c in session.exec(select(Contact).where(Contact.id.in_(other_ids),
                                                                    visible_clause(session, actor)))}
    relations = {m.id: m.name for m in session.exec(select(MasterEntry).where(
        MasterEntry.id.in_({k.relation_id for k in links})))}
    out = []
    for link in links:
        outgoing = link.contact_id == contact_id
        other = visible.get(link.related_contact_id if outgoing else link.contact_id)
        if other is None:
            continue
        relation = relations.get(link.relation_id, "")
        text = f"{relation} of {other.name}" if outgoing else f"{other.name} is {relation} of this contact"
        out.append(AssociationView(id=link.id, other_code=other.code, other_name=other.name, text=text))
    return out
