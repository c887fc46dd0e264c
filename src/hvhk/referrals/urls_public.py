from django.urls import path

from hvhk.referrals.views import ask

urlpatterns = [
    path("", ask.ask, name="ask"),
    path("<str:token>/", ask.private, name="private"),
    path("<str:token>/withdraw/", ask.withdraw, name="withdraw"),
]
