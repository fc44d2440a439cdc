"""Checking rows without writing a contact: the facts read once per import (``context``), one
row to clean values plus problems (``normalize`` with one pure function per rule in
``rules``; the custom contact fields' cells in ``custom``), batched look-ups, duplicate
decisions in file order, and the review that runs them chunk by chunk.

Stages import each other by module; callers outside the importer use
``hoffice_app.importer``.
"""
