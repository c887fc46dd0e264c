"""Template filters for the labels of display.py: `{{ referral|referral_status }}`, never a raw code."""

from django import template

from hvhk.referrals import display

register = template.Library()

register.filter("request_status", display.request_status)
register.filter("referral_status", display.referral_status)
register.filter("event_status", display.event_status)
register.filter("access_detail", display.access_detail)
