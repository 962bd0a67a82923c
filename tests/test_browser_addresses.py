"""In Chromium: an old address with #p3 lands on the third paragraph of the right article after a
build with a header error, then a move to another folder with a new title."""
from __future__ import annotations

import re
import shutil

import pytest

from tests.browser_support import (  # noqa: F401 - fixtures
    browser, build, close_page, heading, in_view, open_page, paragraph_state, serve,
)
from tests.test_addresses import story

pytestmark = pytest.mark.browser
OLD, NEW = "Seoul rally against deportations", "Activists rally in Seoul"


@pytest.fixture
def visit(browser):
    visit = open_page(browser)
    yield visit
    close_page(visit)


def test_old_address_and_paragraph_survive_a_header_error_then_a_move_and_retitle(tmp_path, visit):
    served = serve(tmp_path)
    try:
        content = served.content
        (content / "articles").mkdir(parents=True)
        (content / "articles" / "rally.txt").write_text(story(OLD, n=8), encoding="utf-8")
        (content / "articles" / "other.txt").write_text(story("Families wait in Seoul", n=8), encoding="utf-8")
        build(served)
        rally = content / "articles" / "rally.txt"
        good = rally.read_text(encoding="utf-8")
        rally.write_text(good.replace(f'title: "{OLD}"', "title: Seoul: a rally"), encoding="utf-8")
        with pytest.raises(AssertionError):  # the build reports the header error
            build(served)
        (content / "2024").mkdir()
        shutil.move(rally, content / "2024" / "seoul.txt")
        (content / "2024" / "seoul.txt").write_text(good.replace(f'title: "{OLD}"', f'title: "{NEW}"'),
                                                    encoding="utf-8")
        build(served)
        page = visit.page
        page.goto(served.url("articles/seoul-rally-against-deportations.html#p3"))
        page.wait_for_url(re.compile(r"/articles/activists-rally-in-seoul\.html#p3$"))
        page.wait_for_timeout(300)
        assert heading(page) == NEW
        state = paragraph_state(page, "p3")
        assert state["target"] and in_view(state), state
        assert page.inner_text("#p3").startswith("Paragraph 3 of the report on seoul rally against deportations")
    finally:
        served.stop()
