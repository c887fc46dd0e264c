"""The architecture as a test: the layers' import contracts in pyproject.toml ([tool.importlinter]) hold for the
code, and an import that runs back up (an app importing one above it, or one adapter importing another) breaks
them. `make lint` runs the same check; this keeps it in every pytest run too."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(src: Path) -> subprocess.CompletedProcess:
    """lint-imports with the project's contracts, on the `hvhk` package found in `src`."""
    return subprocess.run(  # noqa: S603 (our own tool, fixed arguments)
        [str(LINT_IMPORTS), "--no-cache", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        env={"PYTHONPATH": str(src), "PATH": str(Path(sys.executable).parent)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def copy_of_the_code(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(
        ROOT / "src" / "hvhk",
        src / "hvhk",
        ignore=shutil.ignore_patterns("locale", "static", "templates", "__pycache__", "judged", "data"),
    )
    shutil.copytree(ROOT / "src" / "hvhk" / "demo" / "data", src / "hvhk" / "demo" / "data")
    return src


def test_the_code_keeps_the_layers():
    run = _lint_imports(ROOT / "src")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout


@pytest.mark.parametrize(
    ("module", "back_up_import"),
    [
        ("core/models.py", "from hvhk.accounts import models as _up"),  # core -> accounts
        ("accounts/selectors.py", "from hvhk.directory import models as _up"),  # accounts -> directory
        ("directory/selectors.py", "from hvhk.referrals import models as _up"),  # directory -> a domain app
        ("referrals/selectors.py", "from hvhk.portal import selectors as _up"),  # a domain app -> an adapter
        ("referrals/selectors.py", "from hvhk.feedback import models as _up"),  # domain apps are independent
        (
            "activities/selectors/access.py",
            "from hvhk.signals import models as _up",
        ),  # a domain app -> analysis
        ("portal/selectors.py", "from hvhk.wegwijzer import display as _up"),  # adapters are independent
    ],
)
def test_an_import_that_runs_back_up_breaks_the_contract(copy_of_the_code, module, back_up_import):
    path = copy_of_the_code / "hvhk" / module
    original = path.read_text()
    path.write_text(f"{original}\n{back_up_import}\n")
    try:
        run = _lint_imports(copy_of_the_code)
    finally:
        path.write_text(original)
    assert run.returncode != 0
    importer = "hvhk." + module.removesuffix(".py").replace("/", ".")
    assert f"{importer} -> {back_up_import.split()[1]}" in run.stdout
