"""Signal URLs: proposals."""

urlpatterns = []
