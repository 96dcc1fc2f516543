"""The finder's layout as a visitor meets it (issue 22): the first result in view at a desktop
and a phone size, the filters in a sidebar or behind "Rajaa", chips with remove and
"Tyhjennä", the order in the URL, and the results reachable from the keyboard without tabbing
through the checkboxes. Against the shipped catalogue's build, never naming an entry."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

SIZES = [(1280, 800), (390, 844)]


def _open(browser, base: str, path: str, size: tuple[int, int]):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(base + path)
    page.wait_for_selector("#kk-finder[data-state=ready] .kk-result")
    return page


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _wait_ready(page) -> None:
    page.wait_for_function("document.querySelector('#kk-finder').getAttribute('data-state') === 'ready'")


@pytest.mark.parametrize("size", SIZES, ids=["1280x800", "390x844"])
def test_the_first_result_is_in_view_without_scrolling(browser, site_server, size):
    page = _open(browser, site_server, "haku/", size)
    try:
        box = page.locator(".kk-result").first.bounding_box()
        assert box is not None and box["y"] > 0 and box["y"] + 40 < size[1]
    finally:
        page.close()


def test_on_a_phone_the_filters_are_closed_and_tab_reaches_the_results_first(browser, site_server):
    page = _open(browser, site_server, "haku/", (390, 844))
    try:
        assert page.locator("#kk-filters").evaluate("el => el.open") is False
        assert not page.locator("#kk-filters input[type=checkbox]").first.is_visible()
        page.focus("#kk-finder-q")
        first = page.locator(".kk-result a").first.get_attribute("href")
        for _ in range(12):
            page.keyboard.press("Tab")
            active = page.evaluate(
                "[document.activeElement.type || '', document.activeElement.getAttribute('href')]"
            )
            assert active[0] != "checkbox"
            if active[1] == first:
                break
        else:
            pytest.fail("12 Tabs from the search field did not reach the first result")
        page.click("#kk-filters > summary")
        assert page.locator("#kk-filters input[type=checkbox]").first.is_visible()
    finally:
        page.close()


def test_on_a_desktop_the_skip_link_jumps_over_the_filters(browser, site_server):
    page = _open(browser, site_server, "haku/", (1280, 800))
    try:
        assert page.locator("#kk-filters input[type=checkbox]").first.is_visible()
        page.focus("#kk-finder-q")
        page.keyboard.press("Tab")  # Hae
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')").endswith("#kk-finder-status")
        assert page.evaluate("document.activeElement.getBoundingClientRect().width") > 0  # shown on focus
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement && document.activeElement.id === 'kk-finder-status'")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('#kk-finder-results, .kk-finder__bar') !== null")
    finally:
        page.close()


def test_chips_remove_one_filter_and_clear_removes_all(browser, site_server):
    page = _open(browser, site_server, "haku/", (1280, 800))
    try:
        boxes = page.locator("#kk-filters input[type=checkbox]:visible")
        first, second = boxes.nth(0), boxes.nth(2)
        names = [(b.get_attribute("name"), b.get_attribute("value")) for b in (first, second)]
        assert page.locator("#kk-finder-chips").is_hidden()
        first.check()
        _wait_ready(page)
        second.check()
        _wait_ready(page)
        chips = page.locator("#kk-finder-chips .kk-chip")
        page.wait_for_function("document.querySelectorAll('#kk-finder-chips .kk-chip').length === 2")
        label = first.locator("xpath=..").locator(".kk-filter__label").inner_text()
        assert label in chips.first.inner_text()
        query = _query(page)
        assert all(value in query[name] for name, value in names)
        chips.first.click()
        page.wait_for_function("document.querySelectorAll('#kk-finder-chips .kk-chip').length === 1")
        assert not first.is_checked() and second.is_checked()
        assert names[0][1] not in _query(page).get(names[0][0], [])
        first.check()
        page.wait_for_function("document.querySelectorAll('#kk-finder-chips .kk-chip').length === 2")
        page.click("#kk-finder-clear")
        page.wait_for_function("document.querySelector('#kk-finder-chips').hidden")
        assert not first.is_checked() and not second.is_checked()
        assert _query(page) == {}
        assert page.evaluate("document.activeElement.id") == "kk-finder-status"  # focus not lost
    finally:
        page.close()


def test_the_order_by_title_is_in_the_url_and_sorts_the_results(browser, site_server):
    page = _open(browser, site_server, "haku/", (1280, 800))
    try:
        page.select_option("#kk-finder-sort", "nimi")
        page.wait_for_function("location.search.includes('jarjestys=nimi')")
        _wait_ready(page)
        titles = page.locator(".kk-result__title").all_inner_texts()
        in_order = page.evaluate(
            "ts => ts.slice().sort(new Intl.Collator('fi', {sensitivity: 'base', numeric: true}).compare)",
            titles,
        )
        assert len(titles) > 1 and titles == in_order
        page.reload()
        page.wait_for_selector("#kk-finder[data-state=ready] .kk-result")
        assert page.locator("#kk-finder-sort").input_value() == "nimi"
        assert page.locator(".kk-result__title").all_inner_texts() == titles
        page.select_option("#kk-finder-sort", "")
        page.wait_for_function("!location.search.includes('jarjestys')")
    finally:
        page.close()


def test_newest_first_and_oldest_first_follow_the_years(browser, site_server):
    page = _open(browser, site_server, "haku/?jarjestys=uusin", (1280, 800))
    try:

        def years() -> list[int]:
            lines = page.locator(".kk-result__meta").all_inner_texts()
            found = [int(t) for line in lines for t in [line.rsplit("·", 1)[-1].strip()[:4]] if t.isdigit()]
            return found

        newest = years()
        assert newest == sorted(newest, reverse=True) and newest
        page.select_option("#kk-finder-sort", "vanhin")
        page.wait_for_function("location.search.includes('jarjestys=vanhin')")
        _wait_ready(page)
        oldest = years()
        assert oldest == sorted(oldest) and oldest[0] <= newest[-1]
    finally:
        page.close()


def test_a_group_with_many_values_folds_and_shows_all(browser, site_server):
    page = _open(browser, site_server, "haku/", (1280, 800))
    try:
        button = page.locator(".kk-filter__all:visible").first
        fieldset = button.locator("xpath=ancestor::fieldset")
        before = fieldset.locator("label:visible").count()
        button.click()
        after = fieldset.locator("label:visible").count()
        assert before == 5 and after > before
        assert button.get_attribute("aria-expanded") == "true"
    finally:
        page.close()
