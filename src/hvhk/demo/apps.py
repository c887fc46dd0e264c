from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "hvhk.demo"
    label = "demo"
    verbose_name = "Demo"
