from django.http import HttpRequest

from hvhk.wegwijzer import saved_list


def saved(request: HttpRequest) -> dict:
    """How many services the visitor keeps in 'Mijn lijst' for the current network (for the menu)."""
    network = getattr(request, "network", None)
    if network is None or not hasattr(request, "session"):
        return {}
    return {"saved_count": len(saved_list.saved_ids(request, network))}


def csrf_placeholder(request: HttpRequest) -> dict:
    """While a page is rendered for the page cache, forms get a placeholder instead of this visitor's token."""
    placeholder = getattr(request, "csrf_placeholder", None)
    return {"csrf_token": placeholder} if placeholder else {}
