"""What a source plugin uses to read a page.

The page view (:mod:`~masthead.extract.document`), text folding and blocks
(:mod:`~masthead.extract.text`), written-out dates (:mod:`~masthead.extract.dates`),
head metadata (:mod:`~masthead.extract.htmlmeta`) and the fast tree builder
(:mod:`~masthead.extract.htmlparse`). Everything here is public API for plugin authors.
"""
