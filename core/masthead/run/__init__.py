"""How a run is carried out.

The ingest session, the runners (in process, local worker processes, Dask), the
worker pool, progress display, the run summary and per-document tracing.
"""
