"""Activity URLs: registration."""

urlpatterns: list = []
