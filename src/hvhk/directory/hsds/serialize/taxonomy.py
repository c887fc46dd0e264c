"""Categories: taxonomies, their terms, and the attributes that link a term to a record."""

from hvhk.directory import models as m
from hvhk.directory.hsds.serialize.details import _clean, _id


def taxonomy(t: m.Taxonomy) -> dict:
    return _clean(
        {
            "id": str(t.id),
            "hvhk_source_id": _id(t.source_id),
            "name": t.name,
            "description": t.description,
            "uri": t.uri,
            "version": t.version,
            "hvhk_code": t.code,
            "__keep": ("id", "name", "description"),
        }
    )


def taxonomy_term(t: m.TaxonomyTerm) -> dict:
    return _clean(
        {
            "id": str(t.id),
            "hvhk_source_id": _id(t.source_id),
            "code": t.code,
            "name": t.name,
            "description": t.description,
            "parent_id": _id(t.parent_id),
            "taxonomy": t.taxonomy.name,
            "taxonomy_detail": taxonomy(t.taxonomy),
            "language": t.language,
            "taxonomy_id": str(t.taxonomy_id),
            "term_uri": t.term_uri,
            "hvhk_position": t.position,
            "hvhk_translations": t.translations or None,
            "__keep": ("id", "name", "description"),
        }
    )


def attribute(a: m.Attribute) -> dict:
    return _clean(
        {
            "id": str(a.id),
            "link_id": str(a.link_id),
            "taxonomy_term_id": str(a.taxonomy_term_id),
            "link_type": a.link_type,
            "link_entity": a.link_entity,
            "value": a.value,
            "taxonomy_term": taxonomy_term(a.taxonomy_term),
            "__keep": ("id",),
        }
    )
