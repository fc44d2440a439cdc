"""Route constants and URL builders."""
LOGIN = "/login"
DASHBOARD = "/"
SETTINGS = "/settings"
SETTINGS_SECTION = "/settings/[section]"


def settings_section(section: str) -> str:
    return f"{SETTINGS}/{section}"
