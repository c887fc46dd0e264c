"""Reversing a URL name once per process.

Django's `reverse` works a name out afresh each time (about 20 µs): a results page asks for some twenty links, a
tenth of a first visit. The result depends only on the name, its arguments, the URL configuration, the script
prefix, the current application and the language, so it is kept per process under all of them (and forgotten when
the setting ROOT_URLCONF changes, as in tests). Only arguments of
plain types are kept (a model instance's text could change under the same key); anything else is reversed as usual.
"""

import uuid
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

PLAIN = (str, int, uuid.UUID)


@lru_cache(maxsize=4096)
def _reversed(viewname, args, kwargs, current_app, urlconf, prefix, language) -> str:
    return reverse(
        viewname, urlconf=urlconf, args=args or None, kwargs=dict(kwargs) or None, current_app=current_app
    )


def cached_reverse(viewname: str, *, args=(), kwargs=None, current_app: str | None = None) -> str:
    """`reverse`, kept per process for plain arguments."""
    args = tuple(args or ())
    pairs = tuple(sorted((kwargs or {}).items()))
    if not isinstance(viewname, str) or not all(
        isinstance(a, PLAIN) for a in (*args, *(v for _k, v in pairs))
    ):
        return reverse(viewname, args=args or None, kwargs=kwargs or None, current_app=current_app)
    return _reversed(viewname, args, pairs, current_app, get_urlconf(), get_script_prefix(), get_language())


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs) -> None:
    """Another ROOT_URLCONF (in tests) is another set of answers, as Django's own URL caches know."""
    if setting == "ROOT_URLCONF":
        _reversed.cache_clear()
