"""Rules that hold on every built page of every language, checked in Chromium (one visit per page)."""
from urllib.parse import urlparse

from conftest import language_of, languages

RTL_LANGUAGES = languages.right_to_left()


def test_page_has_no_accessibility_violations(visit_page, page_path):
    visit = visit_page(page_path)
    assert visit.axe_violations == [], f"{page_path}: axe (WCAG 2.2 A/AA) found {visit.axe_violations}"


def test_right_to_left_page_has_its_text_contrast_really_checked(visit_page, page_path):
    """axe skips Arabic-script text (it takes the joined letters for icon ligatures): conftest checks the Urdu pages
    again with the letters written as x. Without that, about 4 text elements a page were checked."""
    if language_of(page_path) not in RTL_LANGUAGES:
        return
    visit = visit_page(page_path)
    assert visit.contrast_checked is not None and visit.contrast_checked >= 20, \
        f"{page_path}: only {visit.contrast_checked} text elements were checked for colour contrast"


def test_page_makes_no_request_to_another_host(visit_page, page_path, served_url):
    visit = visit_page(page_path)
    ours = urlparse(served_url).netloc
    elsewhere = [url for url in visit.requests if urlparse(url).scheme in ("http", "https", "ws", "wss")
                 and urlparse(url).netloc != ours]
    assert elsewhere == [], f"{page_path} asked other hosts for {elsewhere}"


def test_page_makes_no_failing_request(visit_page, page_path):
    visit = visit_page(page_path)
    assert visit.failed == [], f"{page_path}: failed requests {visit.failed}"
    assert visit.console_errors == [], f"{page_path}: console errors {visit.console_errors}"


def test_page_declares_its_language_and_direction(visit_page, page_path):
    visit = visit_page(page_path)
    lang = language_of(page_path)
    assert visit.html_lang == lang, f"{page_path}: <html lang={visit.html_lang!r}>, expected {lang!r}"
    expected_dir = "rtl" if lang in RTL_LANGUAGES else "ltr"
    assert visit.body_dir == expected_dir, f"{page_path}: dir={visit.body_dir!r}, expected {expected_dir!r}"
