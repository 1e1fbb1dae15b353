"""Hosted-extractor jobs: a source, a destination and a format (with its mapping) that CDF runs, and the logs and
metrics they report.

A job's ``format`` loads by its ``type`` (``cognite``, ``rockwell``, ``value``, ``custom``) and its ``config`` by its
shape (MQTT topic filter, Kafka topic, REST request); kinds this SDK version does not know keep their data.

Example:
    >>> from cognite.client.data_classes.hosted_extractors import CustomFormat, JobWrite, MQTTConfig
    >>> JobWrite("job", "cdf", "broker", CustomFormat("my-mapping"), MQTTConfig("sensors/#")).dump()
    {'externalId': 'job', 'destinationId': 'cdf', 'sourceId': 'broker', 'format': {'type': 'custom', 'mappingId': 'my-mapping'}, 'config': {'topicFilter': 'sensors/#'}}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from cognite.client.data_classes._base import (
    CogniteExternalIdUpdate,
    CogniteObject,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    PropertySpec,
    UnknownCogniteResource,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)
from cognite.client.data_classes.data_modeling.core import UnknownWireObject
from cognite.client.data_classes.hosted_extractors._poly import PolymorphicBase

__all__ = [
    "BodyLoad",
    "CogniteFormat",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "CustomFormat",
    "ExternalIDTransformerMixin",
    "HeaderValueLoad",
    "IncrementalLoad",
    "Job",
    "JobConfig",
    "JobFormat",
    "JobList",
    "JobLogs",
    "JobLogsList",
    "JobMetrics",
    "JobMetricsList",
    "JobUpdate",
    "JobWrite",
    "JobWriteList",
    "KafkaConfig",
    "MQTTConfig",
    "NextUrlLoad",
    "Prefix",
    "PropertySpec",
    "QueryParamLoad",
    "RestConfig",
    "RockwellFormat",
    "UnknownCogniteResource",
    "UnknownJobConfig",
    "UnknownJobFormat",
    "ValueFormat",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]

Encoding = Literal["utf8", "utf16", "utf16le", "latin1"]
TargetStatus = Literal["running", "paused"]


# ------------------------------------------------------------------------------------------------- formats


class Prefix(CogniteObject):
    """A prefix of the external ids a job writes.

    Args:
        from_topic: Use the topic (or similar) of the message as the prefix.
        prefix: A fixed prefix.
    """

    from_topic: bool | None = None
    prefix: str | None = None


class JobFormat(PolymorphicBase):
    """Base of the message formats of a job; ``JobFormat.load`` picks the class by ``type``.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import JobFormat
        >>> JobFormat.load({"type": "value", "encoding": "utf8"})
        ValueFormat(encoding='utf8')
    """

    __slots__ = ()
    _WHAT = "format type"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the format (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        raise NotImplementedError


class UnknownJobFormat(UnknownWireObject, JobFormat):
    """A format this SDK version does not know (kept and written back as it was).

    Args:
        data: The raw dictionary.
    """

    __slots__ = ()


class _PrefixFormat(CogniteObject, JobFormat, tag_field="type"):  # type: ignore[misc]
    encoding: Encoding | None = None
    compression: Literal["gzip"] | None = None
    prefix: Prefix | None = None
    data_models: dict[str, Any] | None = None


class CogniteFormat(_PrefixFormat, tag="cognite"):
    """Messages in the Cognite format.

    Args:
        encoding: The text encoding.
        compression: ``"gzip"`` when messages are compressed.
        prefix: A prefix of the external ids written.
        data_models: Where to write in data modeling (``{"space": ...}``).
    """


class RockwellFormat(_PrefixFormat, tag="rockwell"):
    """Messages in the Rockwell format.

    Args:
        encoding: The text encoding.
        compression: ``"gzip"`` when messages are compressed.
        prefix: A prefix of the external ids written.
        data_models: Where to write in data modeling (``{"space": ...}``).
    """


class ValueFormat(_PrefixFormat, tag="value"):
    """Messages holding a single value (the topic names the time series).

    Args:
        encoding: The text encoding.
        compression: ``"gzip"`` when messages are compressed.
        prefix: A prefix of the external ids written.
        data_models: Where to write in data modeling (``{"space": ...}``).
    """


class CustomFormat(CogniteObject, JobFormat, tag_field="type", tag="custom"):  # type: ignore[misc]
    """Messages transformed by a mapping.

    Args:
        mapping_id: The external id of the mapping.
        encoding: The text encoding.
        compression: ``"gzip"`` when messages are compressed.
    """

    mapping_id: str
    encoding: Encoding | None = None
    compression: Literal["gzip"] | None = None


JobFormat._OPTIONS = {
    "cognite": CogniteFormat,
    "rockwell": RockwellFormat,
    "value": ValueFormat,
    "custom": CustomFormat,
}
JobFormat._UNKNOWN = UnknownJobFormat


# ------------------------------------------------------------------------------------------------- REST loads


class IncrementalLoad(PolymorphicBase):
    """Base of how a REST job pages or loads incrementally; ``IncrementalLoad.load`` picks the class by ``type``.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import IncrementalLoad
        >>> IncrementalLoad.load({"type": "nextUrl", "value": "body.next"})
        NextUrlLoad(value='body.next')
    """

    __slots__ = ()
    _WHAT = "load type"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the load (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        raise NotImplementedError


class UnknownIncrementalLoad(UnknownWireObject, IncrementalLoad):
    """A load of a kind this SDK version does not know (kept and written back as it was).

    Args:
        data: The raw dictionary.
    """

    __slots__ = ()


class BodyLoad(CogniteObject, IncrementalLoad, tag_field="type", tag="body"):  # type: ignore[misc]
    """Put an expression's value in the request body.

    Args:
        value: The expression.
    """

    value: str


class NextUrlLoad(CogniteObject, IncrementalLoad, tag_field="type", tag="nextUrl"):  # type: ignore[misc]
    """Follow the URL an expression gives.

    Args:
        value: The expression.
    """

    value: str


class HeaderValueLoad(CogniteObject, IncrementalLoad, tag_field="type", tag="headerValue"):  # type: ignore[misc]
    """Put an expression's value in a header.

    Args:
        key: The header name.
        value: The expression.
    """

    key: str
    value: str


class QueryParamLoad(CogniteObject, IncrementalLoad, tag_field="type", tag="queryParam"):  # type: ignore[misc]
    """Put an expression's value in a query parameter.

    Args:
        key: The parameter name.
        value: The expression.
    """

    key: str
    value: str


IncrementalLoad._OPTIONS = {"body": BodyLoad, "nextUrl": NextUrlLoad, "headerValue": HeaderValueLoad,
                            "queryParam": QueryParamLoad}  # fmt: skip
IncrementalLoad._UNKNOWN = UnknownIncrementalLoad


# ------------------------------------------------------------------------------------------------- configs


class JobConfig(PolymorphicBase):
    """Base of the source-specific configuration of a job; ``JobConfig.load`` picks the class by its fields (an MQTT
    ``topicFilter``, a Kafka ``topic``, a REST ``path``).

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import JobConfig
        >>> JobConfig.load({"topic": "measurements", "partitions": 2})
        KafkaConfig(topic='measurements', partitions=2)
    """

    __slots__ = ()

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the configuration.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        raise NotImplementedError

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        if isinstance(data, PolymorphicBase | UnknownWireObject):
            return data
        if not isinstance(data, Mapping):
            raise TypeError(f"Cannot load a job config from {data!r}: expected a dict")
        if "topicFilter" in data or "topic_filter" in data:
            return MQTTConfig.load(dict(data))
        if "topic" in data:
            return KafkaConfig.load(dict(data))
        if "path" in data and "interval" in data:
            return RestConfig.load(dict(data))
        return UnknownJobConfig(data)


class UnknownJobConfig(UnknownWireObject, JobConfig):
    """A job configuration of a shape this SDK version does not know (kept and written back as it was).

    Args:
        data: The raw dictionary.
    """

    __slots__ = ()


class MQTTConfig(CogniteObject, JobConfig):  # type: ignore[misc]
    """The configuration of a job reading from an MQTT broker.

    Args:
        topic_filter: The topic filter to subscribe to.
    """

    topic_filter: str


class KafkaConfig(CogniteObject, JobConfig):  # type: ignore[misc]
    """The configuration of a job reading from Kafka.

    Args:
        topic: The topic.
        partitions: The number of partitions (CDF's default: 1).
    """

    topic: str
    partitions: int | None = None


class RestConfig(CogniteObject, JobConfig):  # type: ignore[misc]
    """The configuration of a job polling a REST server.

    Args:
        interval: How often: ``"5m"``, ``"15m"``, ``"1h"``, ``"6h"``, ``"12h"`` or ``"1d"``.
        path: The path of the request.
        method: ``"get"`` (CDF's default) or ``"post"``.
        body: The JSON body of a POST.
        query: Query parameters.
        headers: Headers.
        incremental_load: How to load incrementally.
        pagination: How to page.
    """

    interval: Literal["5m", "15m", "1h", "6h", "12h", "1d"]
    path: str
    method: Literal["get", "post"] | None = None
    body: Any = None
    query: dict[str, str] | None = None
    headers: dict[str, str] | None = None
    incremental_load: IncrementalLoad | None = None
    pagination: IncrementalLoad | None = None


# ------------------------------------------------------------------------------------------------- jobs


class JobWrite(CogniteObject):
    """A job to create.

    Args:
        external_id: The external id.
        destination_id: The external id of the destination.
        source_id: The external id of the source.
        format: The message format.
        config: The source-specific configuration.
        name: A name (at most 50 characters).
        description: A description.
        metadata: Custom string key-value pairs.
    """

    external_id: str
    destination_id: str
    source_id: str
    format: JobFormat
    config: JobConfig | None = None
    name: str | None = None
    description: str | None = None
    metadata: dict[str, str] | None = None

    def as_write(self) -> JobWrite:
        """Return the object itself (it is the write form)."""
        return self


class Job(WriteableCogniteResource[JobWrite]):
    """A job, as read.

    Args:
        external_id: The external id.
        destination_id: The external id of the destination.
        source_id: The external id of the source.
        format: The message format.
        target_status: What the job should be doing: ``"running"`` or ``"paused"``.
        status: What it is doing, e.g. ``"running"``, ``"paused"``, ``"connection_error"``.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        config: The source-specific configuration.
        name: The name.
        description: The description.
        metadata: Custom string key-value pairs.
    """

    external_id: str
    destination_id: str
    source_id: str
    format: JobFormat
    target_status: TargetStatus | None = None
    status: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    config: JobConfig | None = None
    name: str | None = None
    description: str | None = None
    metadata: dict[str, str] | None = None

    def as_write(self) -> JobWrite:
        """Return the write form."""
        return JobWrite(
            self.external_id, self.destination_id, self.source_id, self.format, self.config, self.name,
            self.description, self.metadata,
        )  # fmt: skip


class JobUpdate(CogniteExternalIdUpdate):
    """Changes to a job: ``config``, ``destination_id``, ``format``, ``source_id``, ``target_status``.

    Args:
        external_id: The external id of the job.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import JobUpdate
        >>> JobUpdate("job").target_status.set("paused").dump()
        {'externalId': 'job', 'update': {'targetStatus': {'set': 'paused'}}}
    """

    config = update_field(CognitePrimitiveUpdate)
    destination_id = update_field(CognitePrimitiveUpdate)
    format = update_field(CognitePrimitiveUpdate)
    source_id = update_field(CognitePrimitiveUpdate)
    target_status = update_field(CognitePrimitiveUpdate)

    _PROPERTIES = (
        PropertySpec("destination_id", is_nullable=False),
        PropertySpec("format", is_nullable=False),
        PropertySpec("source_id", is_nullable=False),
        PropertySpec("target_status", is_nullable=False),
        PropertySpec("config", is_nullable=False),
    )


class JobWriteList(CogniteResourceList[JobWrite], ExternalIDTransformerMixin):
    """A list of jobs to create.

    Args:
        resources: The jobs.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = JobWrite


class JobList(WriteableCogniteResourceList[JobWrite, Job], ExternalIDTransformerMixin):
    """A list of jobs.

    Args:
        resources: The jobs.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Job
    _WRITE_LIST = JobWriteList


class JobLogs(CogniteResource):
    """A log entry of a job.

    Args:
        job_external_id: The job.
        type: What happened: ``"paused"``, ``"startup_error"``, ``"connection_error"``, ``"connected"``,
            ``"transform_error"``, ``"cdf_write_error"`` or ``"ok"``.
        created_time: When (ms since epoch).
        message: Details.
    """

    job_external_id: str
    type: str
    created_time: int
    message: str | None = None


class JobLogsList(CogniteResourceList[JobLogs]):
    """A list of job log entries.

    Args:
        resources: The entries.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = JobLogs


class JobMetrics(CogniteResource):
    """The metrics of a job over one period.

    Args:
        job_external_id: The job.
        timestamp: The start of the period (ms since epoch).
        source_messages: Messages received from the source.
        cdf_input_values: Values the mapping produced.
        cdf_requests: Requests made to CDF.
        transform_failures: Messages the mapping failed on.
        cdf_write_failures: Failed writes to CDF.
        cdf_skipped_values: Values skipped.
        cdf_failed_values: Values that failed to be written.
        cdf_uploaded_values: Values written.
    """

    job_external_id: str
    timestamp: int
    source_messages: int
    cdf_input_values: int
    cdf_requests: int
    transform_failures: int
    cdf_write_failures: int
    cdf_skipped_values: int
    cdf_failed_values: int
    cdf_uploaded_values: int


class JobMetricsList(CogniteResourceList[JobMetrics]):
    """A list of job metrics.

    Args:
        resources: The metrics.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = JobMetrics
