"""Activity URLs: portal."""

urlpatterns: list = []
