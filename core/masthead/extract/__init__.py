"""What a source plugin uses to read a page.

The page view (:mod:`~masthead.extract.document`), text folding and blocks
(:mod:`~masthead.extract.text`), written-out dates (:mod:`~masthead.extract.dates`),
head metadata (:mod:`~masthead.extract.htmlmeta`), the fast tree builder
(:mod:`~masthead.extract.htmlparse`), and the toolkit every outlet shares:
boilerplate as data (:mod:`~masthead.extract.boilerplate`), comment threads
(:mod:`~masthead.extract.comments`, :mod:`~masthead.extract.htmlcomments`), captions and credits
(:mod:`~masthead.extract.captions`), bylines and datelines
(:mod:`~masthead.extract.bylines`), line shapes (:mod:`~masthead.extract.shapes`),
article fields as a parser collects them (:mod:`~masthead.extract.fields`)
and listing pages (:mod:`~masthead.extract.listing`). Everything here is
public API for plugin authors.
"""
