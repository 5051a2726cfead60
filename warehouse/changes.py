"""The change plan: what a run must (re)load, given what the warehouse holds. Pure: no SQL.

The warehouse's state comes in as ``loaded`` (path -> (article_hash, extractor_version), as
``warehouse.load.loaded_articles`` reads it) and the curated tables' hashes of the last
completed run (``warehouse.runs.last_table_hashes``). The pre-check (flows/precheck.py), the
flow (flows/pipeline.py) and the load itself (which decides again inside its transaction,
where another run may have loaded meanwhile) all ask ``is_current``.

An article is current when the warehouse holds its bytes under its path, extracted by the same
engine version; anything else (new, edited, moved, or a newer engine) is loaded again. A
changed curated table that alters what loaded figures say reloads every article; an edit to
articles.csv reloads the articles whose metadata it changed.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace


def is_current(loaded: Mapping[str, tuple[str, str]], path: str, article_hash: str,
               extractor_version: str) -> bool:
    """Does the warehouse hold these bytes under this path, extracted by this engine version?"""
    return loaded.get(path) == (article_hash, extractor_version)


def select_changed(articles: Sequence, loaded: Mapping[str, tuple[str, str]],
                   extractor_version: str, full_refresh: bool = False
                   ) -> tuple[list, list]:
    """(to process, unchanged). `loaded` maps path -> (article_hash, extractor_version).

    An article is unchanged when the warehouse holds the same bytes extracted by the same
    engine version; anything else (new, edited, or a newer engine) is processed again.
    """
    if full_refresh:
        return list(articles), []
    todo, same = [], []
    for art in articles:
        (same if is_current(loaded, art.path, art.article_hash, extractor_version) else todo).append(art)
    return todo, same


def article_changes(articles: Sequence, loaded: Mapping[str, tuple[str, str]],
                    extractor_version: str, full_refresh: bool = False) -> dict[str, str]:
    """Why each article is (re)processed, by path: 'new', 'changed' (other bytes under the
    same path) or 're-extract' (same bytes, another engine version); unchanged ones are
    absent, or 'full refresh' when every article is processed again anyway."""
    why = {}
    for art in articles:
        before = loaded.get(art.path)
        if before is None:
            why[art.path] = "new"
        elif before[0] != art.article_hash:
            why[art.path] = "changed"
        elif before[1] != extractor_version:
            why[art.path] = f"re-extract ({before[1]} -> {extractor_version})"
        elif full_refresh:
            why[art.path] = "full refresh"
    return why


def changed_tables(current: Mapping[str, str], previous: Mapping[str, str] | None) -> list[str]:
    """Curated tables whose bytes differ from those of the last completed run (all of them
    when there was none): the run must load them even if no article changed."""
    previous = previous or {}
    return sorted(name for name, digest in current.items() if previous.get(name) != digest)


# Curated tables whose change alters what an already-loaded figure says (its region, metric,
# conversion or claim checks). articles.csv is not one: a new article's metadata row must
# not re-extract the whole corpus, and pairing_assistance.csv feeds no figure.
TABLES_THAT_CHANGE_FIGURES = frozenset(
    {"regions.csv", "metrics.csv", "fx_rates.csv", "official_series.csv"})


def tables_force_refresh(tables_changed) -> bool:
    return bool(TABLES_THAT_CHANGE_FIGURES.intersection(tables_changed))


def metadata_edited(now: Iterable[Mapping], stored: Mapping[str, Mapping]) -> list[str]:
    """Paths whose metadata now (rows of the article frame) differ from what the warehouse
    holds for them (`stored`: path -> {column: value}), compared on the stored columns.
    An edit to articles.csv (a title, a date) must reach dim_article, and a date also the
    periods and exchange rates of the figures: such an article is processed again."""
    def blank(v) -> bool:
        return v is None or (isinstance(v, float) and v != v) or str(v) == ""

    def same(a, b) -> bool:
        return (blank(a) and blank(b)) or (not blank(a) and not blank(b) and str(a) == str(b))

    edited = []
    for row in now:
        before = stored.get(row["path"])
        if before is not None and not all(same(row.get(k), v) for k, v in before.items()):
            edited.append(row["path"])
    return edited


@dataclass(frozen=True)
class ChangePlan:
    """What a run does: the articles to (re)load and why, those left as they are, the curated
    tables that changed, and whether every loaded article is replaced (``full_refresh``)."""

    todo: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    changes: dict[str, str] = field(default_factory=dict)   # path -> why it is (re)loaded
    tables_changed: list[str] = field(default_factory=list)
    full_refresh: bool = False
    edited: frozenset[str] = frozenset()                     # paths whose metadata was edited

    @property
    def nothing_new(self) -> bool:
        return not self.todo and not self.tables_changed

    @property
    def needs_stored_metadata(self) -> bool:
        """Whether an articles.csv edit may have changed what unchanged articles say: the
        warehouse's metadata of ``unchanged`` decides (``with_metadata``)."""
        return bool(self.unchanged) and "articles.csv" in self.tables_changed

    def with_metadata(self, now: Iterable[Mapping], stored: Mapping[str, Mapping]) -> "ChangePlan":
        """The plan with the unchanged articles whose metadata `now` differ from `stored`
        (see ``metadata_edited``) loaded again."""
        edited = set(metadata_edited(now, stored))
        if not edited:
            return self
        return replace(self, todo=self.todo + [a for a in self.unchanged if a.path in edited],
                       unchanged=[a for a in self.unchanged if a.path not in edited],
                       changes={**self.changes, **{p: "metadata edited" for p in edited}},
                       edited=frozenset(edited))


def plan_changes(articles: Sequence, loaded: Mapping[str, tuple[str, str]], extractor_version: str,
                 tables_changed: Sequence[str] = (), full_refresh: bool = False) -> ChangePlan:
    """The plan for `articles` (records with ``path`` and ``article_hash``) against `loaded`.

    A changed curated table that alters what loaded figures say (an FX rate, a series value,
    the gazetteer; not articles.csv) re-extracts and replaces every loaded article, as
    ``full_refresh`` does. Into an empty warehouse there is nothing stale to replace (and a
    concurrent first run must still find the other's articles loaded and skip them).
    """
    full_refresh = full_refresh or bool(loaded and tables_force_refresh(tables_changed))
    todo, unchanged = select_changed(articles, loaded, extractor_version, full_refresh)
    return ChangePlan(todo=todo, unchanged=unchanged,
                      changes=article_changes(todo, loaded, extractor_version, full_refresh),
                      tables_changed=sorted(tables_changed), full_refresh=full_refresh)
