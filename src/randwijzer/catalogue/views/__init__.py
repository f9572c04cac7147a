"""Views of the public Dutch website; thin: they call search, timing, places and presenters."""
from .catalogue import catalogue_list
from .edition import deel_iv
from .entries import funding_detail, home, partner_detail
from .municipalities import municipality_detail, municipality_list, municipality_search

__all__ = [
    "catalogue_list", "funding_detail", "home", "partner_detail",
    "municipality_detail", "municipality_list", "municipality_search",
    "deel_iv",
]
