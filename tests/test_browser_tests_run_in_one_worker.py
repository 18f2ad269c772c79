"""Every test that uses Chromium runs in one pytest-xdist worker (conftest.pytest_collection_modifyitems marks them
xdist_group("chromium"); pytest.ini's --dist loadgroup keeps a group in one worker). Two browsers side by side on
this machine's two cores slow each other more than they gain, and one worker visits each page once for all the
tests that look at it (conftest.visit_page).

The group reaches xdist's scheduler only as "@chromium" at the end of each test's id, which xdist's worker adds. It
did not under pytest 9.2 (a test's id is kept elsewhere there), and the browser tests then ran in both workers,
each visiting every page again: this test is how that shows.
"""
import os

import pytest


def test_a_browser_test_is_in_the_chromium_group(request, playwright_driver):
    if not os.environ.get("PYTEST_XDIST_WORKER") or not request.config.getvalue("loadgroup"):
        pytest.skip("only under pytest-xdist with --dist loadgroup, as pytest.ini runs the tests")
    assert request.node.get_closest_marker("xdist_group").args == ("chromium",)
    assert request.node.nodeid.endswith("@chromium"), (
        f"{request.node.nodeid}: pytest-xdist did not put this browser test in its group, so browser tests run in "
        "both workers (a pytest that xdist does not support? see requirements-test.txt)")
