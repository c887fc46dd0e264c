"""Signal URLs: notes."""

urlpatterns = []
