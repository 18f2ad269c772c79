"""The tests that use Chromium run in two groups, each in one pytest-xdist worker, one test after another
(conftest.pytest_collection_modifyitems marks them xdist_group; pytest.ini's --dist loadgroup keeps a group in
one worker). Every test of one page is in the same group, so the worker that visited the page answers them all
from that one visit (conftest.visit_page).

The group reaches xdist's scheduler only as "@<group>" at the end of each test's id, which xdist's worker adds. It
did not under pytest 9.2 (a test's id is kept elsewhere there): the browser tests were then spread over the
workers one by one, and each worker visited every page again. This test is how that shows.
"""
import os

import pytest

from conftest import BROWSER_GROUPS


def test_a_browser_test_is_in_its_group(request, playwright_driver):
    if not os.environ.get("PYTEST_XDIST_WORKER") or not request.config.getvalue("loadgroup"):
        pytest.skip("only under pytest-xdist with --dist loadgroup, as pytest.ini runs the tests")
    group = request.node.get_closest_marker("xdist_group").args[0]
    assert group in BROWSER_GROUPS
    assert request.node.nodeid.endswith(f"@{group}"), (
        f"{request.node.nodeid}: pytest-xdist did not put this browser test in its group, so the browser tests are "
        "spread over the workers one by one (a pytest that xdist does not support? see requirements-test.txt)")
