"""Signal URLs: voice_portal."""

urlpatterns = []
