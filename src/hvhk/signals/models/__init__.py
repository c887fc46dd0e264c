"""Signals to local policy: what parents and partners notice (a recurring need or barrier, never one family's
case), the themes that bundle them, parents' own voice, calls to take part, and the policy note that carries themes
to the municipality. Every row belongs to one network."""

from hvhk.signals.models.notes import PolicyNote, PolicyNoteSection, ThemeAnswer
from hvhk.signals.models.signals import Signal, SignalEvent, Theme
from hvhk.signals.models.voice import CallSignup, CallSignupAccess, ParticipationCall, VoiceContribution

__all__ = [
    "CallSignup",
    "CallSignupAccess",
    "ParticipationCall",
    "PolicyNote",
    "PolicyNoteSection",
    "Signal",
    "SignalEvent",
    "Theme",
    "ThemeAnswer",
    "VoiceContribution",
]
