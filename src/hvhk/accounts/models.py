"""People who sign in, and the roles they hold in networks and organisations."""

import uuid

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields) -> "User":
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class User(AbstractUser):
    """Signs in with an e-mail address. A superuser is a platform admin (all networks)."""

    username = None
    first_name = None
    last_name = None
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("naam"), max_length=150, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class RoleAssignment(models.Model):
    """A role one person holds in one network (and, for partner editors, for one organisation)."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("coördinator")
        INTAKE = "intake", _("intakemedewerker")
        ANALYST = "analyst", _("analist")
        EDITOR = "editor", _("redacteur van een partner")
        MEMBER = "member", _("medewerker van een partner")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="roles", verbose_name=_("gebruiker")
    )
    network = models.ForeignKey(
        "core.Network", on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("netwerk")
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("organisatie"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # Roles held for one partner organisation: an editor changes its offering, a member only takes part in the
    # network (bodies, meetings, news) and edits nothing.
    PARTNER_STAFF = frozenset({Role.EDITOR, Role.MEMBER})

    class Meta:
        ordering = ["network", "role"]
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "network", "role"],
                condition=models.Q(organization__isnull=True),
                name="role_unique_per_user_network",
            ),
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=models.Q(organization__isnull=False),
                name="role_unique_per_user_organization",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=["editor", "member"], organization__isnull=False)
                | (~models.Q(role__in=["editor", "member"]) & models.Q(organization__isnull=True)),
                name="role_partner_staff_has_organization",
            ),
        ]

    def __str__(self) -> str:
        where = self.organization or self.network
        return f"{self.user} – {self.get_role_display()} ({where})"

    def clean(self) -> None:
        super().clean()
        if self.role in self.PARTNER_STAFF and not self.organization_id:
            raise ValidationError(
                {"organization": _("Een medewerker van een partner hoort bij een organisatie.")}
            )
        if self.role not in self.PARTNER_STAFF and self.organization_id:
            raise ValidationError(
                {
                    "organization": _(
                        "Alleen een redacteur of medewerker van een partner hoort bij een organisatie."
                    )
                }
            )
        if self.organization_id and self.network_id and self.organization.network_id != self.network_id:
            raise ValidationError({"organization": _("Deze organisatie hoort bij een ander netwerk.")})


class Invitation(models.Model):
    """A coordinator invites someone for a role; the link in the e-mail creates the account or adds the role."""

    VALID_DAYS = 14

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    network = models.ForeignKey(
        "core.Network", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("netwerk")
    )
    email = models.EmailField(_("e-mailadres"))
    role = models.CharField(_("rol"), max_length=20, choices=RoleAssignment.Role.choices)
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("organisatie"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uitgenodigd door")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("geldig tot"))
    accepted_at = models.DateTimeField(_("aanvaard op"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.email} – {self.get_role_display()}"
