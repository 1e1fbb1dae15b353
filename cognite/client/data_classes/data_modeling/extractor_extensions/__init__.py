"""Typed classes for the extractor extensions of the Core Data Model (``extractor_extensions.v1``)."""
