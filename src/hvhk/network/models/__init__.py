"""The network itself: engagement declarations, bodies, meetings (agenda, minutes, decisions, actions), documents,
news and private calendar feeds. Every row belongs to one network (NetworkScopedModel)."""

from hvhk.network.models.bodies import Body, BodyMember
from hvhk.network.models.engagement import Declaration, Signature
from hvhk.network.models.meetings import (
    ActionItem,
    AgendaItem,
    DateOption,
    DateVote,
    Decision,
    Meeting,
    Participant,
)
from hvhk.network.models.news import CalendarFeed, Document, NewsPost, NewsSubscription

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Body",
    "BodyMember",
    "CalendarFeed",
    "DateOption",
    "DateVote",
    "Decision",
    "Declaration",
    "Document",
    "Meeting",
    "NewsPost",
    "NewsSubscription",
    "Participant",
    "Signature",
]
