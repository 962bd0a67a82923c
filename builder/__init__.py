"""Press-archive builder: a folder of news articles in, an archive website out.

The pipeline, stage by stage (builder.pipeline runs it in this order):

1. read      each file of content/ -> RawDocument: sources, decoding, header, saved_pages
2. extract   what the text alone says -> Extraction: extract/
3. merge     the curator's header over the extraction -> Article: merge
4. enrich    topics, people, organisations, places, quotes, key figures -> Knowledge: knowledge/
             (1-4 run per file, in parallel; an unchanged file is not read again: process, cache)
5. address   a stable slug for every article, old addresses kept: permalinks, registry
6. resolve   the whole site worked out once -> Site (index entries, related articles,
             syndicated copies, timeline): resolve
7. render    Site -> pages, one iter_*_pages(site) per family: render/; article pages
             whose inputs did not change are read back: incremental
8. write     pages -> docs/, swapped in whole: write
9. publish   MkDocs (or Zensical) docs/ -> site/: site; after it, the offline zip: publish/

Every page's address comes from addresses; the index kinds from kinds.
"""
__version__ = "0.1.0"
