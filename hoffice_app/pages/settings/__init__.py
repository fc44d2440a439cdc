"""Settings: company defaults, employees, funnels and every master list (administrators)."""
