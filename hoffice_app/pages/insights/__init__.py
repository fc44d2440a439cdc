"""Insights: follow-ups per executive, leads by source, product, type and executive, and the
funnel, for a period and a team; every number opens the list behind it, every table downloads."""
