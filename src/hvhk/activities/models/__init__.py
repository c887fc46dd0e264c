"""Activities: dated group offering (info evenings, workshops, parent groups, courses), their sessions, families'
registrations with a waiting list, and the access log of those registrations. Every row belongs to one network."""

from hvhk.activities.models.activities import Activity, HolidayPeriod, Session
from hvhk.activities.models.registrations import Registration, RegistrationAccess

__all__ = ["Activity", "HolidayPeriod", "Registration", "RegistrationAccess", "Session"]
