"""Activity URLs: public."""

urlpatterns: list = []
