"""Archives beyond one machine: the engine mapped over partitions of articles on a dataframe
engine (Dask here; Spark and Ray Data call the same partition function), results as Parquet,
and back into a store without extracting again.

    partition   pandas in, pandas out: the pure step any engine maps (fixed Arrow schemas)
    cluster     `timeline batch` on Dask: inputs to partitions, a task per partition, Parquet out
    load        a finished batch read back as extractions, for `timeline add --from-batch`

Needs the `dask` extra: pip install 'news-timeline[dask]'.
"""
