"""SQLModel tables. Importing this package registers every table on the metadata."""
from hoffice_app.models.contacts import (Contact, ContactAddress, ContactAlias, ContactAssociation, ContactCategory,
                                         ContactDivision, ContactEmail, ContactPhone, ContactPrivacy)
from hoffice_app.models.counters import CodeCounter
from hoffice_app.models.funnels import Funnel, FunnelStage, StageChange
from hoffice_app.models.imports import ImportIssue, ImportJob, ImportMapping
from hoffice_app.models.leads import (Document, FollowUp, Lead, LeadAlsoNotify, LeadAssociatedContact, LeadAttachment,
                                      LeadEvent, LeadFollower, LeadProduct, SavedLeadView)
from hoffice_app.models.masters import MasterEntry, Setting
from hoffice_app.models.users import AuthSession, Employee, EmployeeDivision, LoginThrottle

__all__ = ["AuthSession", "CodeCounter", "Contact", "ContactAddress", "ContactAlias", "ContactAssociation", "ContactCategory",
           "ContactDivision", "ContactEmail", "ContactPhone", "ContactPrivacy", "Document", "Employee", "EmployeeDivision",
           "FollowUp", "Funnel", "FunnelStage", "ImportIssue", "ImportJob", "ImportMapping", "Lead", "LeadAlsoNotify", "LeadAssociatedContact", "LeadAttachment", "LeadEvent", "LeadFollower",
           "LeadProduct", "SavedLeadView", "StageChange",
           "LoginThrottle", "MasterEntry", "Setting"]
