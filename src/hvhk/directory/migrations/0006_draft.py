"""Draft comes over from the portal app: its table (renamed by portal 0002) and rows stay as they are; only
Django's state moves. Its content type moves along, so permissions given on drafts are kept. Drafts get a
history (django-simple-history) from here on: the audit trail of their steps."""

import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models


def content_type_to(app_label: str, other: str):
    def move(apps, schema_editor) -> None:
        ContentType = apps.get_model("contenttypes", "ContentType")
        if not ContentType.objects.filter(app_label=app_label, model="draft").exists():
            ContentType.objects.filter(app_label=other, model="draft").update(app_label=app_label)

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("directory", "0005_history"),
        ("portal", "0002_draft_to_directory"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Draft",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="laatst gewijzigd")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("service", "aanbod"),
                                    ("organization", "organisatie"),
                                    ("location", "locatie"),
                                ],
                                max_length=20,
                                verbose_name="soort",
                            ),
                        ),
                        (
                            "target_id",
                            models.UUIDField(
                                blank=True,
                                help_text="Leeg voor nieuw aanbod.",
                                null=True,
                                verbose_name="record",
                            ),
                        ),
                        ("title", models.CharField(max_length=255, verbose_name="titel")),
                        ("data", models.JSONField(default=dict, verbose_name="inhoud")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "klad"),
                                    ("submitted", "wacht op nazicht"),
                                    ("returned", "teruggestuurd"),
                                    ("published", "gepubliceerd"),
                                    ("withdrawn", "ingetrokken"),
                                ],
                                default="draft",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "submitted_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="ingediend op"),
                        ),
                        (
                            "reviewed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="nagekeken op"),
                        ),
                        (
                            "review_comment",
                            models.TextField(blank=True, verbose_name="opmerking van de coördinator"),
                        ),
                        (
                            "author",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="door",
                            ),
                        ),
                        (
                            "network",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="core.network",
                                verbose_name="netwerk",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="drafts",
                                to="directory.organization",
                                verbose_name="organisatie",
                            ),
                        ),
                        (
                            "reviewed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="nagekeken door",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "voorstel tot wijziging",
                        "verbose_name_plural": "voorstellen tot wijziging",
                        "ordering": ["-updated_at"],
                        "indexes": [models.Index(fields=["network", "status"], name="draft_network_status")],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(
                                    ("status__in", ["draft", "submitted", "returned"]),
                                    ("target_id__isnull", False),
                                ),
                                fields=("kind", "target_id"),
                                name="draft_one_open_per_record",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to("directory", "portal"), content_type_to("portal", "directory")),
        migrations.CreateModel(
            name="HistoricalDraft",
            fields=[
                ("id", models.UUIDField(db_index=True, default=uuid.uuid4, editable=False)),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="aangemaakt op"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="laatst gewijzigd"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("service", "aanbod"),
                            ("organization", "organisatie"),
                            ("location", "locatie"),
                        ],
                        max_length=20,
                        verbose_name="soort",
                    ),
                ),
                (
                    "target_id",
                    models.UUIDField(
                        blank=True, help_text="Leeg voor nieuw aanbod.", null=True, verbose_name="record"
                    ),
                ),
                ("title", models.CharField(max_length=255, verbose_name="titel")),
                ("data", models.JSONField(default=dict, verbose_name="inhoud")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "klad"),
                            ("submitted", "wacht op nazicht"),
                            ("returned", "teruggestuurd"),
                            ("published", "gepubliceerd"),
                            ("withdrawn", "ingetrokken"),
                        ],
                        default="draft",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="ingediend op")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="nagekeken op")),
                ("review_comment", models.TextField(blank=True, verbose_name="opmerking van de coördinator")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="door",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "network",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.network",
                        verbose_name="netwerk",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="directory.organization",
                        verbose_name="organisatie",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="nagekeken door",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical voorstel tot wijziging",
                "verbose_name_plural": "historical voorstellen tot wijziging",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
