"""Pages of long lists without counting the whole list: a page reads one row more than it
shows, which says whether there is a next page. At national scale an exact count of the
activities costs more than the page itself, so the total is given only when it is cheap."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest

PER_PAGE = 20
# Far beyond any real list; keeps a hostile ?page= from asking the database for an
# offset it cannot hold.
LAST_PAGE_ASKED = 100_000


@dataclass(frozen=True)
class ListPage:
    """One page of a list; `count` is the list's length when known, else None."""

    object_list: list
    number: int
    per_page: int
    has_next: bool
    count: int | None

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.object_list) - 1 if self.object_list else 0

    @property
    def num_pages(self) -> int | None:
        if self.count is None:
            return None
        return max(1, -(-self.count // self.per_page))

    @property
    def beyond_the_end(self) -> bool:
        """Asked for a page after the last one (an old link, or a hand-made one)."""
        return not self.object_list and self.number > 1


def page_number(request: HttpRequest) -> int:
    """The page the request asks for: 1 unless it names a later one."""
    try:
        number = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), LAST_PAGE_ASKED)


def uncounted_page(
    request: HttpRequest,
    items,
    *,
    per_page: int = PER_PAGE,
    count: Callable[[], int] | None = None,
    shown: Callable | None = None,
) -> ListPage:
    """The page of `items` the request asks for, read with one query (and `count()`, when
    given, for the total). Without `count` the total is known only on the last page.
    `shown`, when given, turns the page's slice of `items` into the rows to show."""
    number = page_number(request)
    total = count() if count is not None else None
    if total is not None:
        number = min(number, max(1, -(-total // per_page)))
    offset = (number - 1) * per_page
    window = items[offset : offset + per_page + 1]
    if shown is not None:
        window = shown(window)
    rows = [] if total == 0 else list(window)  # counted empty: nothing more to read
    has_next = len(rows) > per_page
    rows = rows[:per_page]
    if total is None and not has_next and (rows or number == 1):
        total = offset + len(rows)
    return ListPage(rows, number, per_page, has_next, total)


def query_without_page(request: HttpRequest) -> str:
    """The list's filters as a query string, for links to its other pages."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
