"""Uploaded images are checked by their content and size, then re-encoded: what we store is what we drew.

Re-encoding drops metadata (location, camera) and anything a file carries besides pixels. SVG is not taken: it
is a document that can hold scripts.
"""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 25_000_000
MAX_SIDE = 1024
FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}


def reencode(upload) -> ContentFile:
    """A PNG of at most MAX_SIDE pixels a side made from `upload`, or a ValidationError in plain words."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Dit bestand is te groot: het maximum is 2 MB."))
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            kind = probe.format
            if kind not in FORMATS:
                raise ValidationError(_("Kies een afbeelding in PNG, JPEG, WebP of GIF."))
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("Deze afbeelding heeft te veel pixels."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            picture = image.convert("RGBA")
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError, ValueError) as exc:
        raise ValidationError(_("Dit is geen afbeelding die we kunnen lezen.")) from exc
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.png")
