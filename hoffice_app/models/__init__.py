"""SQLModel tables. Importing this package registers every table on the metadata."""
from hoffice_app.models.announcements import Announcement
from hoffice_app.models.contacts import (
    Contact,
    ContactAddress,
    ContactAlias,
    ContactAssociation,
    ContactCategory,
    ContactDivision,
    ContactEmail,
    ContactPhone,
    ContactPrivacy,
)
from hoffice_app.models.counters import CodeCounter
from hoffice_app.models.customfields import ContactCustomValue, CustomField, CustomFieldOption, LeadCustomValue
from hoffice_app.models.funnels import Funnel, FunnelStage, StageChange
from hoffice_app.models.imports import ImportIssue, ImportJob, ImportMapping, JobStatus
from hoffice_app.models.leads import (
    Document,
    DueState,
    FollowUp,
    FollowUpStatus,
    Lead,
    LeadAlsoNotify,
    LeadAssociatedContact,
    LeadAttachment,
    LeadEvent,
    LeadFollower,
    LeadProduct,
)
from hoffice_app.models.masters import MasterEntry, Setting
from hoffice_app.models.notifications import (
    Notification,
    NotificationPreference,
    NotificationTemplate,
    OutboxAttempt,
    OutboxMessage,
    RunnerLease,
)
from hoffice_app.models.policies import AssignmentRule, Revocation, RevocationLead, RevokePolicy, RevokeStep
from hoffice_app.models.saved_views import SavedContactView, SavedLeadView
from hoffice_app.models.users import AuthSession, Employee, EmployeeDivision, LoginThrottle, LoginTicket

__all__ = [
    "Announcement", "AssignmentRule", "Revocation", "RevocationLead", "RevokePolicy", "RevokeStep",
    "AuthSession", "CodeCounter", "Contact", "ContactAddress", "ContactAlias", "ContactAssociation",
    "ContactCategory", "ContactCustomValue", "ContactDivision",
    "CustomField", "CustomFieldOption", "ContactEmail", "ContactPhone", "ContactPrivacy", "Document", "DueState",
    "Employee", "EmployeeDivision", "FollowUp", "FollowUpStatus", "Funnel", "FunnelStage", "ImportIssue", "ImportJob",
    "ImportMapping", "JobStatus", "Lead", "LeadAlsoNotify", "LeadAssociatedContact", "LeadAttachment",
    "LeadCustomValue", "LeadEvent",
    "LeadFollower", "LeadProduct", "LoginThrottle", "LoginTicket", "MasterEntry", "Notification",
    "NotificationPreference", "NotificationTemplate", "OutboxAttempt", "OutboxMessage", "RunnerLease",
    "SavedContactView", "SavedLeadView", "Setting", "StageChange",
]
