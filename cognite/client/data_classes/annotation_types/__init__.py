"""Typed forms of annotation data (``images.ObjectDetection``, ``images.TextRegion``, ...) and their primitives."""
