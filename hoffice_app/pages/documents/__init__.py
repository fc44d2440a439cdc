"""The Documents page: the document library."""
