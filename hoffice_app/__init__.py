"""H-Office Leads & Contacts."""
