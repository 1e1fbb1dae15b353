"""Seeded fault injection for the emulator: error statuses, latency, connection resets, auto-retryable flags."""

from __future__ import annotations

import fnmatch
import random
import re
import threading
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

__all__ = ["FaultDecision", "FaultRule", "Faults"]


@dataclass
class FaultRule:
    """Which requests to disturb, and how (each probability is per matching request).

    Args:
        path: A glob (``"/assets/*"``) or compiled regex matched against the path relative to the project
            (``/assets/list``); the OAuth token path is ``/oauth2/token``. ``"*"`` matches everything.
        methods: HTTP methods to match (None: all).
        statuses: Probability per error status, e.g. ``{429: 0.1, 503: 0.05}`` (their sum must be <= 1).
        retry_after: ``Retry-After`` seconds sent with injected 429/503 responses (None: no header).
        latency_ms: Added latency as a (min, max) range in milliseconds (None: none).
        latency_rate: Probability of adding latency.
        reset_before: Probability of dropping the connection before the request is processed.
        reset_after: Probability of dropping the connection after the request is processed (its effect stays).
        auto_retryable: Probability of adding ``cdf-is-auto-retryable: true`` to an error response.
        max_faults: Stop injecting after this many faults from this rule (None: no limit).
        projects: Projects to match (None: all).
    """

    path: str | re.Pattern[str] = "*"
    methods: Collection[str] | None = None
    statuses: Mapping[int, float] = field(default_factory=dict)
    retry_after: float | None = None
    latency_ms: tuple[float, float] | None = None
    latency_rate: float = 1.0
    reset_before: float = 0.0
    reset_after: float = 0.0
    auto_retryable: float = 0.0
    max_faults: int | None = None
    projects: Collection[str] | None = None
    injected: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if sum(self.statuses.values()) > 1.0 + 1e-9:
            raise ValueError("The probabilities in 'statuses' add up to more than 1")
        for status in self.statuses:
            if not 400 <= status <= 599:
                raise ValueError(f"Not an error status: {status}")
        self._regex = self.path if isinstance(self.path, re.Pattern) else re.compile(fnmatch.translate(self.path))
        self._methods = None if self.methods is None else {m.upper() for m in self.methods}

    def matches(self, method: str, path: str, project: str | None) -> bool:
        """Tell whether a request is subject to this rule.

        Args:
            method: The HTTP method.
            path: The path relative to the project.
            project: The project (None for non-project routes).

        Returns:
            True when the rule applies.
        """
        if self._methods is not None and method not in self._methods:
            return False
        if self.projects is not None and project not in self.projects:
            return False
        return self._regex.fullmatch(path) is not None


@dataclass
class FaultDecision:
    """What to do to one request.

    Args:
        status: An error status to answer with instead of processing (None: process).
        latency_s: Seconds to wait first.
        reset_before: Drop the connection before processing.
        reset_after: Drop the connection after processing.
        auto_retryable: Add ``cdf-is-auto-retryable: true`` if the response is an error.
        retry_after: ``Retry-After`` for an injected status.
    """

    status: int | None = None
    latency_s: float = 0.0
    reset_before: bool = False
    reset_after: bool = False
    auto_retryable: bool = False
    retry_after: float | None = None


class Faults:
    """The fault rules of an emulator, each with its own seeded random stream (deterministic per rule).

    The first matching rule decides for a request. Each matching request draws the same number of random
    numbers from its rule's stream, so the outcome of the n-th request a rule sees depends only on the seed.

    Args:
        seed: The seed (None: unseeded).
    """

    def __init__(self, seed: int | str | None = None) -> None:
        self._seed = seed
        self.rules: list[FaultRule] = []
        self._rngs: list[random.Random] = []
        self._lock = threading.Lock()

    @property
    def seed(self) -> int | str | None:
        """The seed of the random streams."""
        return self._seed

    def add(self, rule: FaultRule | None = None, /, **kwargs: object) -> FaultRule:
        """Add a rule (after the existing ones); pass a :class:`FaultRule` or its arguments.

        Args:
            rule: The rule.
            **kwargs: Arguments of :class:`FaultRule` when no rule is given.

        Returns:
            The added rule.
        """
        if rule is None:
            rule = FaultRule(**kwargs)  # type: ignore[arg-type]
        with self._lock:
            index = len(self.rules)
            self.rules.append(rule)
            self._rngs.append(random.Random(f"{self._seed}:{index}") if self._seed is not None else random.Random())
        return rule

    def clear(self) -> None:
        """Remove every rule."""
        with self._lock:
            self.rules.clear()
            self._rngs.clear()

    def reseed(self, seed: int | str | None) -> None:
        """Restart every rule's random stream from a new seed.

        Args:
            seed: The seed.
        """
        with self._lock:
            self._seed = seed
            self._rngs = [
                random.Random(f"{seed}:{i}") if seed is not None else random.Random() for i in range(len(self.rules))
            ]
            for rule in self.rules:
                rule.injected = 0

    def decide(self, method: str, path: str, project: str | None) -> FaultDecision | None:
        """Decide the faults for one request.

        Args:
            method: The HTTP method.
            path: The path relative to the project.
            project: The project, if any.

        Returns:
            A decision, or None when no rule matches.
        """
        if not self.rules:
            return None
        with self._lock:
            for rule, rng in zip(self.rules, self._rngs, strict=True):
                if not rule.matches(method, path, project):
                    continue
                draws = [rng.random() for _ in range(5)]
                latency_draw = rng.random()
                if rule.max_faults is not None and rule.injected >= rule.max_faults:
                    return None
                decision = FaultDecision(retry_after=rule.retry_after)
                if draws[0] < rule.reset_before:
                    decision.reset_before = True
                else:
                    acc = 0.0
                    for status, p in rule.statuses.items():
                        acc += p
                        if draws[1] < acc:
                            decision.status = status
                            break
                    if decision.status is None and draws[2] < rule.reset_after:
                        decision.reset_after = True
                decision.auto_retryable = draws[3] < rule.auto_retryable
                if rule.latency_ms is not None and draws[4] < rule.latency_rate:
                    lo, hi = rule.latency_ms
                    decision.latency_s = (lo + (hi - lo) * latency_draw) / 1000.0
                if decision.reset_before or decision.reset_after or decision.status is not None:
                    rule.injected += 1
                return decision
        return None
