"""Typed classes for the Cognite Core Data Model (``cdm.v1``: the views of the ``cdf_cdm`` space)."""
