"""`builder serve`'s watcher reads an edited file once the editor has finished saving it: an
editor that saves in place empties the file first, and an article read in between is empty."""
from __future__ import annotations

from builder import preview


def test_a_file_caught_half_saved_is_looked_at_again_until_it_stops_changing(tmp_path, monkeypatch):
    article = tmp_path / "content" / "a.txt"
    article.parent.mkdir()
    article.write_text("The first text of the article, as it was saved before.\n", encoding="utf-8")
    seen = preview._snapshot([article.parent])
    article.write_text("", encoding="utf-8")  # the editor has emptied the file ...
    looks = []

    def snapshot(folders):
        looks.append(len(looks))
        if len(looks) == 2:  # ... and has written the new text by the second look
            article.write_text("The new text of the article, saved in place by the editor.\n", encoding="utf-8")
        return real(folders)

    real = preview._snapshot
    monkeypatch.setattr(preview, "_snapshot", snapshot)
    monkeypatch.setattr(preview, "WRITE_SETTLE_SECONDS", 0.0)
    now = preview._settled([article.parent], seen)
    assert now[str(article)][1] == article.stat().st_size > 0
    assert len(looks) == 3  # empty, written, the same again: settled


def test_nothing_changed_is_one_look(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("text\n", encoding="utf-8")
    seen = preview._snapshot([tmp_path])
    monkeypatch.setattr(preview, "WRITE_SETTLE_SECONDS", 60.0)  # would hang if it waited
    assert preview._settled([tmp_path], seen) == seen


def test_a_regeneration_waits_for_quiet_after_an_edit_shown_whole_never_long(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(preview.time, "monotonic", lambda: clock[0])
    regenerator = preview._Regenerator(None, None, None)
    regenerator.request(preview.QUIET_SECONDS)  # the quick path showed the edit: the rest may wait
    assert regenerator.due == 100.0 + preview.QUIET_SECONDS
    for _edit in range(20):  # a curator editing on and on: never more than QUIET_MOST_SECONDS
        clock[0] += 1.0
        regenerator.request(preview.QUIET_SECONDS)
    assert regenerator.due == 100.0 + preview.QUIET_MOST_SECONDS
    regenerator.request()  # an edit the quick path could not show: at once
    assert regenerator.due <= clock[0]
