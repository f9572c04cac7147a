"""Walk an LDES feed's TREE pages (`tree:relation` → `tree:node`), saving where the walk stands.

After every page the state (pages to read, pages read, the last page) is stored in the database,
so a run that stops on a page that fails resumes there. Pages before the last one do not change
in an LDES; a later run reads the last page again and follows what was added after it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from rdflib import Graph, Namespace

from . import fetching, rdf
from .models import FeedState

TREE = Namespace("https://w3id.org/tree#")


def next_pages(graph: Graph) -> list[str]:
    return sorted({str(node) for relation in graph.objects(None, TREE.relation)
                   for node in graph.objects(relation, TREE.node)})


def state_for(source: str, start: str, dry_run: bool) -> FeedState:
    state = FeedState.objects.filter(source=source, start_url=start).first()
    if state is None:
        state = FeedState(source=source, start_url=start, queue=[start])
    if not state.queue:  # the walk ended last time: the last page may have grown
        state.queue = [state.last_page or start]
    if dry_run:
        state.pk = None  # a dry run reads from the stored state but never saves it
    return state


def walk(state: FeedState, notes: Callable[[str], None], save: bool = True) -> Iterator[tuple[str, Graph]]:
    """Yield (page URL, graph) in order; the state advances after the caller has handled a page.

    Raises FeedError (Dutch, naming the page) when a page cannot be read: the state still points at it."""
    visited = set(state.visited)
    while state.queue:
        url = state.queue[0]
        key = fetching.ipdc_key_for(url, state.start_url) if state.source == "ipdc" else None
        text, content_type = fetching.read(url, api_key=key)
        graph = rdf.parse(text, url, rdf.guess_format(url, text, content_type), base=url)
        yield url, graph
        visited.add(url)
        following = []
        for page in next_pages(graph):
            if page in visited or page in state.queue or page in following:
                notes(f"pagina {page} komt nog eens voor; niet opnieuw gelezen")
                continue
            following.append(page)
        state.queue = state.queue[1:] + following
        state.visited = sorted(visited)
        state.last_page = url
        if save:
            state.save()
