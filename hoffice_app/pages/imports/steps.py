"""The import wizard's steps, in order: the state moves between them, the stepper names them."""
from __future__ import annotations

from enum import IntEnum


class WizardStep(IntEnum):
    UPLOAD = 1
    MAP = 2
    REVIEW = 3
    IMPORTING = 4
    SUMMARY = 5


STEP_NAMES = {WizardStep.UPLOAD: "Upload", WizardStep.MAP: "Map columns", WizardStep.REVIEW: "Review",
              WizardStep.IMPORTING: "Import", WizardStep.SUMMARY: "Summary"}
