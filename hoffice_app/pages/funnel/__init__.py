"""The funnel board: columns per stage, live drag and drop."""
