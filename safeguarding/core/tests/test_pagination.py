"""GOV.UK pagination (components/pagination.html): a long list shows the ends and the
neighbours of the current page with ellipses, never a link per page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def test_a_long_list_shows_elided_page_numbers() -> None:
    page = Paginator(list(range(1000)), 10).get_page(50)

    html = render_to_string("components/pagination.html", {"page_obj": page, "query": "q=a"})

    assert html.count('class="govuk-pagination__item govuk-pagination__item--ellipses"') == 2
    for number in (1, 49, 50, 51, 100):
        assert f'aria-label="Page {number}"' in html
    assert 'aria-label="Page 2"' not in html
    assert 'aria-label="Page 75"' not in html
    assert 'href="?q=a&amp;page=51" rel="next"' in html
    assert 'aria-current="page">50<' in html


def test_a_single_page_shows_no_pagination() -> None:
    page = Paginator([1, 2, 3], 10).get_page(1)
    assert render_to_string("components/pagination.html", {"page_obj": page}).strip() == ""
