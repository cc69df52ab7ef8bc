"""Police triage: seized media (folders, archives, raw and E01 disk images) to a
categorised, court-ready case.

- ``disk``: The Sleuth Kit and libewf: partitions, file systems, deleted files;
- ``sources``: what a source is, the files in it, its hashes before and after;
- ``worker``: what a Dask task runs (read, hash, open archives);
- ``runner``: the run (verify, hash on Dask, match, pre-categorise, stack), resumable;
- ``case``: cases and items in the store, the examiner's verdicts (audited);
- ``categories``: UK A/B/C and Project VIC US 0-4;
- ``stacks``: near-duplicate families by PDQ;
- ``export`` and ``report``: VICS 2.0 JSON, CSV, HTML and PDF.
"""
