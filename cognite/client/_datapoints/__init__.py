"""Private machinery of the datapoints API: the wire codecs and the concurrent fetcher.

- :mod:`._protobuf`: the protobuf wire format of ``/timeseries/data`` (both directions), hand-written; numeric
  datapoints are decoded and encoded with numpy without a Python object per point.
- :mod:`._fetch`: the planner/fetcher behind ``retrieve``, ``retrieve_arrays`` and ``retrieve_dataframe``.
"""
