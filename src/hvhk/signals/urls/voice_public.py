"""Signal URLs: voice_public."""

urlpatterns = []
