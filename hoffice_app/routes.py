"""Route constants and URL builders."""
LOGIN = "/login"
DASHBOARD = "/"
SETTINGS = "/settings"


def settings_section(section: str) -> str:
    return f"{SETTINGS}/{section}"

CONTACTS = "/contacts"
CONTACT_NEW = "/contacts/new"
CONTACT_DETAIL = "/contacts/[contact_code]"
CONTACT_EDIT = "/contacts/[contact_code]/edit"


def contact(code: str) -> str:
    return f"{CONTACTS}/{code}"


LEADS = "/leads"
LEAD_NEW = "/leads/new"
LEAD_DETAIL = "/leads/[lead_code]"
LEAD_EDIT = "/leads/[lead_code]/edit"
FOLLOW_UPS = "/follow-ups"
DOCUMENTS = "/documents"
INSIGHTS = "/insights"


def lead(code: str) -> str:
    return f"{LEADS}/{code}"

FUNNEL = "/funnel"
FUNNEL_BOARD = "/funnel/[funnel_id]"


def funnel(funnel_id) -> str:
    return f"{FUNNEL}/{funnel_id}"


NOTIFICATIONS = "/notifications"
NOTIFICATION_PREFERENCES = "/notifications/preferences"

IMPORT = "/import"
IMPORT_JOB = "/import/[job_id]"
IMPORT_HISTORY = "/import/history"


def import_job(job_id) -> str:
    return f"{IMPORT}/{job_id}"


IMPORT_FILES = "/files/imports/"  # + "<job id>/result.xlsx" or "/errors.xlsx" (hoffice_app.http.spreadsheets)


IMPORT_TEMPLATE = "/files/imports/template.xlsx"
CONTACTS_EXPORT = "/files/contacts/export.xlsx"


SESSION_COOKIE = "hoffice_session"  # HttpOnly; set and cleared only by the two routes below (hoffice_app.http.sessions)
AUTH_SESSION = "/auth/session"  # POST ticket, next: exchanges a log-in ticket for the session cookie
AUTH_LOGOUT = "/auth/logout"  # POST: ends the session and clears the cookie


def safe_next(target: str) -> str:
    """Only same-site paths, never //host or a scheme. The target ends up in an HTTP
    Location header, where browsers read a backslash as a slash and skip tabs and line
    breaks: a path holding any of them, or any other control character, is refused."""
    if any(c == "\\" or ord(c) < 32 or ord(c) == 127 for c in target):
        return DASHBOARD
    if target.startswith("/") and not target.startswith("//") and not target.startswith(LOGIN):
        return target
    return DASHBOARD
