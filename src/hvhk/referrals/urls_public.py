from django.urls import path

from hvhk.referrals.views import ask

urlpatterns = [
    path("", ask.ask, name="ask"),
    path("jouw-vraag/", ask.private_page, name="private_page"),
    path("jouw-vraag/intrekken/", ask.withdraw, name="withdraw"),
    path("jouw-vraag/gegevens/", ask.private_export, name="private_export"),
    path("<str:token>/", ask.private, name="private"),
]
