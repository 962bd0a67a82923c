"""Slugs are stable; old addresses are kept; two articles never share one."""
import dataclasses
from pathlib import Path

from builder.models import Article, Header, RawDocument
from builder.permalinks import Registry, assign_slugs, dump_registry
from builder.registry import Entry, load_registry


def article(rel, title, slug=None, text="text"):
    raw = RawDocument(Path(rel), rel, text, "utf-8", Header(slug=slug))
    return Article(raw, "", title, None, None, None, None, None, None, "en", None, (), (), (), {})


def test_slug_from_title_and_collisions_get_a_number():
    result, _ = assign_slugs([article("b.txt", "Rally in Seoul"), article("a.txt", "Rally in Seoul!")], Registry())
    assert [(a.source.rel_path, a.slug) for a in result] == [("a.txt", "rally-in-seoul"), ("b.txt", "rally-in-seoul-2")]
    assert "already used by another article" in result[1].messages[0].text


def test_numbered_slug_is_kept_across_builds():
    articles = [article("a.txt", "Rally in Seoul"), article("b.txt", "Rally in Seoul")]
    first, registry = assign_slugs(articles, Registry())
    for _ in range(3):
        again, registry = assign_slugs(articles, registry)
        assert [a.slug for a in again] == [a.slug for a in first] == ["rally-in-seoul", "rally-in-seoul-2"]
        assert all(a.previous_slugs == () for a in again)


def test_header_slug_wins():
    [a], _ = assign_slugs([article("a.txt", "Rally", slug="seoul-rally-2023")], Registry())
    assert a.slug == "seoul-rally-2023"


def test_title_edit_keeps_old_address_as_redirect(tmp_path):
    _, registry = assign_slugs([article("a.txt", "First title")], Registry())
    (tmp_path / "permalinks.yml").write_bytes(dump_registry(registry))
    [a], registry = assign_slugs([article("a.txt", "Better title")], load_registry(tmp_path / "permalinks.yml")[0])
    assert a.slug == "better-title"
    assert a.previous_slugs == ("first-title",)
    assert "old one redirects" in a.messages[-1].text
    [b], _ = assign_slugs([article("b.txt", "First title", text="another story")], registry)
    assert b.slug == "first-title-2"  # an old address never points at another article


def test_an_article_keeps_its_address_when_another_wants_it():
    _, registry = assign_slugs([article("z.txt", "Rally")], Registry())
    result, _ = assign_slugs([article("a.txt", "Rally"), article("z.txt", "Rally")], registry)
    assert {a.source.rel_path: a.slug for a in result} == {"a.txt": "rally-2", "z.txt": "rally"}


def test_removed_article_keeps_a_removed_page():
    _, registry = assign_slugs([article("a.txt", "Gone soon")], Registry())
    _, registry = assign_slugs([], registry)
    assert [(e.slug, e.title, e.path) for e in registry.removed] == [("gone-soon", "Gone soon", "a.txt")]


def test_korean_title_is_romanised_and_a_title_without_letters_falls_back_to_file_name_then_default():
    result, _ = assign_slugs([article("a.txt", "북한 이탈주민"), article("seoul-rally.txt", "🙂 …"),
                              article("🙂.txt", "🙂")], Registry())
    assert [a.slug for a in result] == ["bughan-italjumin", "seoul-rally", "article"]


def test_registry_round_trips(tmp_path):
    _, registry = assign_slugs([article("a.txt", "Title: with colon")], Registry())
    registry = dataclasses.replace(registry, removed=[Entry("old", "Old", ["older"], "0123456789abcdef", "x/o.txt")])
    (tmp_path / "permalinks.yml").write_bytes(dump_registry(registry))
    assert load_registry(tmp_path / "permalinks.yml") == (registry, [])


def test_a_moved_file_keeps_its_address():
    _, registry = assign_slugs([article("a.txt", "Rally", text="the story")], Registry())
    [moved], registry = assign_slugs([article("new/b.txt", "Rally again", text="the story")], registry)
    assert (moved.slug, moved.previous_slugs) == ("rally-again", ("rally",))
    assert list(registry.articles) == ["new/b.txt"] and registry.removed == []


def test_a_file_there_but_not_published_keeps_its_address():
    _, registry = assign_slugs([article("a.txt", "Rally")], Registry())
    _, held = assign_slugs([], registry, present={"a.txt"})  # a draft, or a header error
    assert held == registry
    [back], _ = assign_slugs([article("a.txt", "Rally")], held)
    assert back.slug == "rally"


def test_a_gone_file_is_not_retired_while_another_file_failed():
    _, registry = assign_slugs([article("a.txt", "Rally")], Registry())
    _, unconfirmed = assign_slugs([], registry, present={"b.txt"}, complete=False)
    assert unconfirmed == registry


def test_deleted_then_restored_gets_its_address_back():
    _, registry = assign_slugs([article("a.txt", "Rally", text="the story")], Registry())
    _, registry = assign_slugs([], registry)
    [back], registry = assign_slugs([article("other.txt", "Rally", text="the story")], registry)
    assert back.slug == "rally" and registry.removed == []
    _, registry = assign_slugs([], registry)
    [edited], _ = assign_slugs([article("other.txt", "Rally", text="the story, edited")], registry)
    assert edited.slug == "rally"  # same file name, same title


def test_a_file_moved_locally_keeps_the_address_the_website_published():
    from builder.registry import merge, resolve_claims

    _, published = assign_slugs([article("old/a.txt", "Rally", text="the story")], Registry())
    [moved], local = assign_slugs([article("new/a.txt", "Rally", text="the story")], published)
    assert moved.slug == "rally"
    merged = merge(published, local, first_wins=True)  # the website still lists the old path
    resolve_claims(merged, Path("permalinks.yml"))
    [again], registry = assign_slugs([article("new/a.txt", "Rally", text="the story")], merged)
    assert again.slug == "rally" and registry.removed == []
