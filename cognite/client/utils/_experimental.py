"""Warnings about features that are in preview (alpha or beta) in the API or in this SDK."""

from __future__ import annotations

import warnings
from typing import Literal

__all__ = ["FeaturePreviewWarning"]

Maturity = Literal["alpha", "beta", "General Availability"]


class FeaturePreviewWarning(FutureWarning):
    """A feature is in preview: it may change, in the API or in the SDK, without a major version.

    Args:
        api_maturity: The maturity of the API feature.
        sdk_maturity: The maturity of the SDK support.
        feature_name: What the feature is called.
        pluralize: The feature name is a plural ("are" instead of "is").

    Example:
        >>> from cognite.client.utils._experimental import FeaturePreviewWarning
        >>> str(FeaturePreviewWarning("beta", "alpha", "Record triggers", pluralize=True))
        'Record triggers are in beta in the API and in alpha in the SDK; they may change without warning.'
    """

    def __init__(
        self, api_maturity: Maturity | str, sdk_maturity: Maturity | str, feature_name: str, pluralize: bool = False
    ) -> None:
        self.api_maturity = api_maturity
        self.sdk_maturity = sdk_maturity
        self.feature_name = feature_name
        self.pluralize = pluralize
        verb, pronoun = ("are", "they") if pluralize else ("is", "it")
        super().__init__(
            f"{feature_name} {verb} in {api_maturity} in the API and in {sdk_maturity} in the SDK; "
            f"{pronoun} may change without warning."
        )

    def warn(self) -> None:
        """Issue this warning (shown once per place, as Python's warning filters decide)."""
        warnings.warn(self, stacklevel=3)
