"""Checking an uploaded document before it is kept (meeting documents, application documents): its size, and that
it is one of the allowed types by its name and by its content, so a renamed .exe or a .zip called report.docx is
refused. Messages are in the user's language, on the `file` field."""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

# Extension -> (stored content type, how its first bytes look). Office files are zip archives; the sniffing below
# also looks inside them, so a renamed .exe or a .zip called report.docx is refused.
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "txt": "text/plain",
}
OOXML_PART = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_TYPES = {"odt", "ods", "odp"}
ALLOWED_LABEL = "pdf, docx, xlsx, pptx, odt, ods, odp, jpg, png, txt"


def _type_error() -> ValidationError:
    return ValidationError(
        {
            "file": _(
                "Dit soort bestand kan je niet toevoegen. Toegelaten zijn: {types}. Kijk na of het bestand echt "
                "van dat soort is."
            ).format(types=ALLOWED_LABEL)
        }
    )


def _read_head(file, size: int = 8192) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _zip_names(file) -> list[str] | None:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    finally:
        file.seek(0)
    return [*names, f"mimetype:{mimetype.decode('ascii', 'replace').strip()}"]


def _looks_like(extension: str, file) -> bool:
    """Whether the file's content is what its extension says (its magic bytes, and inside office zips)."""
    head = _read_head(file)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension == "txt":
        file.seek(0)
        data = file.read()
        file.seek(0)
        if b"\x00" in data:
            return False
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                data.decode("cp1252")
            except UnicodeDecodeError:
                return False
        return True
    if not head.startswith(b"PK\x03\x04"):
        return False
    names = _zip_names(file)
    if names is None:
        return False
    if extension in OOXML_PART:
        return "[Content_Types].xml" in names and any(n.startswith(OOXML_PART[extension]) for n in names)
    if extension in ODF_TYPES:
        return f"mimetype:{ALLOWED_TYPES[extension]}" in names
    return False


def check_upload(file) -> tuple[str, str]:
    """(safe file name, content type) of an allowed upload; ValidationError (in Dutch) otherwise."""
    if file is None:
        raise ValidationError({"file": _("Kies een bestand.")})
    limit = settings.HVHK_DOCUMENT_MAX_BYTES
    if file.size is None or file.size > limit:
        raise ValidationError(
            {
                "file": _("Dit bestand is te groot. Een bestand mag ten hoogste {limit} zijn.").format(
                    limit=filesizeformat(limit)
                )
            }
        )
    if file.size == 0:
        raise ValidationError({"file": _("Dit bestand is leeg.")})
    base, extension = os.path.splitext(os.path.basename(file.name or ""))
    extension = extension.lower().lstrip(".")
    if extension not in ALLOWED_TYPES or not _looks_like(extension, file):
        raise _type_error()
    if extension == "jpeg":
        extension = "jpg"
    try:
        safe = get_valid_filename(base)[:80]
    except SuspiciousFileOperation:  # get_valid_filename refuses "", "." and ".."
        safe = "document"
    return f"{safe}.{extension}", ALLOWED_TYPES[extension]
