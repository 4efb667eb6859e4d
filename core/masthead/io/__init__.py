"""Where documents come from and where records go.

Readers (files, JSONL, WARC, standard input), sinks (JSONL, partitioned parts),
checkpoints and output locks, and deduplication of records by id.
"""
