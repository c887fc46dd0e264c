"""Partner staff who open registrations (a family's data) sign in with a second factor; the personas here have
one. The page that asks for it is tested on its own with a person who has none."""

import pytest

from tests.conftest import with_two_factor


@pytest.fixture
def editor_a(editor_a):
    return with_two_factor(editor_a)
