from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "hvhk.api"
    label = "api"
    verbose_name = "API"
