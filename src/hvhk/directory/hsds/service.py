"""Entry points for importing and exporting HSDS files (the commands and the admin use these)."""

from pathlib import Path

from django.core.exceptions import ValidationError

from hvhk.core.models import Network
from hvhk.directory.hsds import export
from hvhk.directory.hsds.importer import Importer, ImportReport
from hvhk.directory.hsds.read import Records


def import_file(
    path: Path,
    network: Network,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress=None,
) -> ImportReport:
    """Import an HSDS JSON file or data package into `network` (see Importer for the rules). An unsaved
    network is saved by the import, in its transaction."""
    records = Records(path)

    def report(count: int) -> None:
        if progress:
            progress(count, records.done())

    return Importer(network, dry_run=dry_run, skip_invalid=skip_invalid, progress=report).run(records)


def network_for_import(slug: str, name: str | None) -> tuple[Network, bool]:
    """The network to import into, and whether it is new. A new network (when `name` is given and the slug is
    free) is checked but not saved: the import saves it in its own transaction, so an import that fails, or is
    killed before it commits, leaves no empty network behind. Raises ValidationError."""
    network = Network.objects.filter(slug=slug).first()
    if network is not None:
        return network, False
    if not name:
        raise ValidationError(f"There is no network '{slug}'. Give --network-name to create it.")
    network = Network(slug=slug, name=name)
    network.full_clean()
    return network, True


def export_file(network: Network, out: Path, *, progress=None) -> int:
    """Write the network as HSDS: a data package when `out` ends in .zip, else JSON. Returns the service count."""
    if Path(out).suffix.lower() == ".zip":
        return export.write_package(network, out, progress)
    return export.write_json(network, out, progress)
