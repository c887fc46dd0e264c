"""Signal URLs: register."""

urlpatterns = []
