"""Writes of directory data: every change to it goes through these functions (the portal, the admin and the
importer call them). `<entity>_<verb>`, keyword-only, one transaction each, with the acting user."""

from hvhk.directory.services.drafts import (
    draft_preview,
    draft_problems,
    draft_publish,
    draft_return,
    draft_save,
    draft_submit,
    draft_withdraw,
)
from hvhk.directory.services.freshness import service_confirm_current
from hvhk.directory.services.snapshots import (
    location_apply_snapshot,
    organization_apply_snapshot,
    service_apply_snapshot,
)
from hvhk.directory.services.taxonomy import taxonomy_seed

__all__ = [
    "draft_preview",
    "draft_problems",
    "draft_publish",
    "draft_return",
    "draft_save",
    "draft_submit",
    "draft_withdraw",
    "location_apply_snapshot",
    "organization_apply_snapshot",
    "service_apply_snapshot",
    "service_confirm_current",
    "taxonomy_seed",
]
