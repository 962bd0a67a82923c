"""How to cite an article: a BibTeX entry beside the plain citation.

Every value comes from the article, so every value is escaped for BibTeX (its special
characters) here, and for HTML where the entry is shown.
"""
from __future__ import annotations

from builder.addresses import absolute, article_address
from builder.models import Article
from builder.render.markup import one_line
from builder.slugs import slugify

# Characters BibTeX/LaTeX act on, and what stands for them literally.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
# In a url field only the braces (and backslash) matter; they are percent-encoded.
URL_ESCAPES = {"{": "%7B", "}": "%7D", "\\": "%5C"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
KEY_SKIP = {"the", "a", "an"}  # never the name part of a key
KEY_WORD_MIN = 4  # the citation key takes the first title word of at least this many letters


def archived_at(slug: str, site_url: str) -> str:
    """The article's address in the archive: absolute when the site's address is known."""
    return absolute(article_address(slug), site_url)


_BIBTEX_TABLE = str.maketrans(BIBTEX_ESCAPES)
_URL_TABLE = str.maketrans(URL_ESCAPES)


def bibtex_text(value: str) -> str:
    return one_line(value).translate(_BIBTEX_TABLE)


def bibtex_url(value: str) -> str:
    return one_line(value).translate(_URL_TABLE)


def citation_key(article: Article) -> str:
    """'smith2017north': author's last name (else the publisher's first word, else a title
    word), the year ('nd' when unknown), a title word; never a made-up 'anon'."""
    words = [w for w in slugify(article.title).replace("-", " ").split() if w not in KEY_SKIP]
    long_words = [w for w in words if len(w) >= KEY_WORD_MIN]
    if article.author:
        name = slugify(article.author.split()[-1]).replace("-", "")
    else:
        names = [w for w in slugify(article.publisher or "").split("-") if w not in KEY_SKIP]
        name = names[0] if names else ""
    if not name and long_words:  # neither author nor publisher: the title gives both parts
        name, long_words = long_words[0], long_words[1:]
    year = str(article.date.year) if article.date else "nd"
    return f"{name or 'article'}{year}{long_words[0] if long_words else ''}"


def bibtex_entry(article: Article, archive_name: str, site_url: str = "") -> str:
    """An @article entry; also readable by biblatex (date, urldate-free)."""
    fields: list[tuple[str, str]] = []
    if article.author:
        fields.append(("author", "{" + bibtex_text(article.author) + "}"))
    fields.append(("title", "{{" + bibtex_text(article.title) + "}}"))
    if article.publisher:
        fields.append(("journal", "{" + bibtex_text(article.publisher) + "}"))
    if article.date:
        fields.append(("year", "{" + str(article.date.year) + "}"))
        if article.date.month:
            fields.append(("month", MONTHS[article.date.month - 1]))
        fields.append(("date", "{" + article.date.iso + "}"))
    if article.url:
        fields.append(("url", "{" + bibtex_url(article.url) + "}"))
    where = archived_at(article.slug, site_url)
    fields.append(("note", "{Archived in " + bibtex_text(archive_name) + ", \\url{" + bibtex_url(where) + "}}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@article{{{citation_key(article)},\n{body}\n}}"
