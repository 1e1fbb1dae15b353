"""Hosted-extractor sources: MQTT v3/v5 brokers, Kafka clusters, Azure Event Hubs and REST servers.

A source loads as the class of its ``type`` (``mqtt3``, ``mqtt5``, ``kafka``, ``eventhub``, ``rest``); a type this
SDK version does not know loads as :class:`UnknownSource`, which keeps (and writes back) the data as it was.
Authentication and certificates load by their ``type`` the same way. Secrets (passwords, keys, client secrets) exist
only on the write classes, which never show them in their reprs; CDF never returns them.

Example:
    >>> from cognite.client.data_classes.hosted_extractors import Source
    >>> src = Source.load({"type": "mqtt5", "externalId": "broker", "host": "mqtt.example.com", "createdTime": 0,
    ...                    "lastUpdatedTime": 0, "authentication": {"type": "basic", "username": "ada"}})
    >>> type(src).__name__, src.authentication.username
    ('MQTT5Source', 'ada')
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

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
from cognite.client.data_classes._secrets import masked_repr, masked_update_repr
from cognite.client.data_classes.data_modeling.core import UnknownWireObject
from cognite.client.data_classes.hosted_extractors._poly import PolymorphicBase, UnknownResource

__all__ = [
    "AuthCertificate",
    "AuthCertificateWrite",
    "Authentication",
    "AuthenticationWrite",
    "BasicAuthentication",
    "BasicAuthenticationWrite",
    "CACertificate",
    "CACertificateWrite",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "EventHubSource",
    "EventHubSourceUpdate",
    "EventHubSourceWrite",
    "ExternalIDTransformerMixin",
    "KafkaBroker",
    "KafkaSource",
    "KafkaSourceUpdate",
    "KafkaSourceWrite",
    "MQTT3Source",
    "MQTT3SourceUpdate",
    "MQTT3SourceWrite",
    "MQTT5Source",
    "MQTT5SourceUpdate",
    "MQTT5SourceWrite",
    "PropertySpec",
    "RESTClientCredentialsAuthentication",
    "RESTClientCredentialsAuthenticationWrite",
    "RESTHeaderAuthentication",
    "RESTHeaderAuthenticationWrite",
    "RESTQueryAuthentication",
    "RESTQueryAuthenticationWrite",
    "RestSource",
    "RestSourceUpdate",
    "RestSourceWrite",
    "ScramSha256Authentication",
    "ScramSha256AuthenticationWrite",
    "ScramSha512Authentication",
    "ScramSha512AuthenticationWrite",
    "Source",
    "SourceList",
    "SourceUpdate",
    "SourceWrite",
    "SourceWriteList",
    "UnknownAuthentication",
    "UnknownCogniteResource",
    "UnknownSource",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]

CertificateType = Literal["der", "pem"]


# ------------------------------------------------------------------------------------------------- authentication


class Authentication(PolymorphicBase):
    """Base of the authentication of a source as read (no secrets); ``Authentication.load`` picks the class by
    ``type``.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors.sources import Authentication
        >>> Authentication.load({"type": "header", "key": "X-Api-Key"})
        RESTHeaderAuthentication(key='X-Api-Key')
    """

    __slots__ = ()
    _WHAT = "authentication type"

    def as_write(self) -> AuthenticationWrite | None:
        """The write form without the secret (CDF never returns it), or None when it cannot be written without it."""
        raise NotImplementedError


class AuthenticationWrite(PolymorphicBase):
    """Base of the authentication of a source as written (with its secret); ``AuthenticationWrite.load`` picks the
    class by ``type``.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors.sources import AuthenticationWrite
        >>> AuthenticationWrite.load({"type": "basic", "username": "ada", "password": "pw"})
        BasicAuthenticationWrite(username='ada', password=<hidden>)
    """

    __slots__ = ()
    _WHAT = "authentication type"


class UnknownAuthentication(UnknownWireObject, Authentication, AuthenticationWrite):
    """Authentication of a kind this SDK version does not know (kept, dumped and written back as it was).

    Args:
        data: The raw dictionary.
    """

    __slots__ = ()

    def as_write(self) -> UnknownAuthentication:
        """Return the object itself."""
        return self


class BasicAuthentication(CogniteObject, Authentication, tag_field="type", tag="basic"):  # type: ignore[misc]
    """Username and password authentication, as read (the password is never returned).

    Args:
        username: The user name.
    """

    username: str

    def as_write(self) -> BasicAuthenticationWrite:
        """The write form, without the password."""
        return BasicAuthenticationWrite(self.username)


class BasicAuthenticationWrite(CogniteObject, AuthenticationWrite, tag_field="type", tag="basic"):  # type: ignore[misc]
    """Username and password authentication (MQTT, Kafka, Event Hub: key name and key value, REST).

    Args:
        username: The user name.
        password: The password (never shown in reprs).

    Example:
        >>> from cognite.client.data_classes.hosted_extractors.sources import BasicAuthenticationWrite
        >>> BasicAuthenticationWrite("ada", "s3cret").dump()
        {'type': 'basic', 'username': 'ada', 'password': 's3cret'}
    """

    username: str
    password: str | None = None

    _SECRETS: ClassVar[tuple[str, ...]] = ("password",)
    __repr__ = masked_repr


class RESTClientCredentialsAuthentication(CogniteObject, Authentication, tag_field="type", tag="clientCredentials"):  # type: ignore[misc]
    """OAuth client-credentials authentication, as read (the secret is never returned).

    Args:
        client_id: The client id.
        token_url: The URL to fetch tokens from.
        scopes: Space separated scopes.
        default_expires_in: Default ``expires_in`` when the identity provider does not return one.
    """

    client_id: str
    token_url: str
    scopes: str
    default_expires_in: str | None = None

    def as_write(self) -> None:
        """None: the client secret is needed to write it."""
        return None


class RESTClientCredentialsAuthenticationWrite(  # type: ignore[misc]
    CogniteObject, AuthenticationWrite, tag_field="type", tag="clientCredentials"
):
    """OAuth client-credentials authentication (REST, Event Hub, Kafka).

    Args:
        client_id: The client id.
        client_secret: The client secret (never shown in reprs).
        token_url: The URL to fetch tokens from.
        scopes: Space separated scopes.
        default_expires_in: Default ``expires_in`` when the identity provider does not return one.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors.sources import RESTClientCredentialsAuthenticationWrite
        >>> RESTClientCredentialsAuthenticationWrite("app", "s3cret", "https://idp/token", "read")
        RESTClientCredentialsAuthenticationWrite(client_id='app', client_secret=<hidden>, token_url='https://idp/token', scopes='read')
    """

    client_id: str
    client_secret: str
    token_url: str
    scopes: str
    default_expires_in: str | None = None

    _SECRETS: ClassVar[tuple[str, ...]] = ("client_secret",)
    __repr__ = masked_repr


class RESTHeaderAuthentication(CogniteObject, Authentication, tag_field="type", tag="header"):  # type: ignore[misc]
    """A token sent in a header (REST), as read.

    Args:
        key: The header name.
    """

    key: str

    def as_write(self) -> None:
        """None: the header value is needed to write it."""
        return None


class RESTHeaderAuthenticationWrite(CogniteObject, AuthenticationWrite, tag_field="type", tag="header"):  # type: ignore[misc]
    """A token sent in a header (REST).

    Args:
        key: The header name.
        value: The token (never shown in reprs).
    """

    key: str
    value: str

    _SECRETS: ClassVar[tuple[str, ...]] = ("value",)
    __repr__ = masked_repr


class RESTQueryAuthentication(CogniteObject, Authentication, tag_field="type", tag="query"):  # type: ignore[misc]
    """A token sent as a query parameter (REST), as read.

    Args:
        key: The query parameter name.
    """

    key: str

    def as_write(self) -> None:
        """None: the parameter value is needed to write it."""
        return None


class RESTQueryAuthenticationWrite(CogniteObject, AuthenticationWrite, tag_field="type", tag="query"):  # type: ignore[misc]
    """A token sent as a query parameter (REST).

    Args:
        key: The query parameter name.
        value: The token (never shown in reprs).
    """

    key: str
    value: str

    _SECRETS: ClassVar[tuple[str, ...]] = ("value",)
    __repr__ = masked_repr


class ScramSha256Authentication(CogniteObject, Authentication, tag_field="type", tag="scramSha256"):  # type: ignore[misc]
    """SCRAM-SHA-256 authentication (Kafka), as read.

    Args:
        username: The user name.
    """

    username: str

    def as_write(self) -> None:
        """None: the password is needed to write it."""
        return None


class ScramSha256AuthenticationWrite(  # type: ignore[misc]
    CogniteObject, AuthenticationWrite, tag_field="type", tag="scramSha256"
):
    """SCRAM-SHA-256 authentication (Kafka).

    Args:
        username: The user name.
        password: The password (never shown in reprs).
    """

    username: str
    password: str

    _SECRETS: ClassVar[tuple[str, ...]] = ("password",)
    __repr__ = masked_repr


class ScramSha512Authentication(CogniteObject, Authentication, tag_field="type", tag="scramSha512"):  # type: ignore[misc]
    """SCRAM-SHA-512 authentication (Kafka), as read.

    Args:
        username: The user name.
    """

    username: str

    def as_write(self) -> None:
        """None: the password is needed to write it."""
        return None


class ScramSha512AuthenticationWrite(  # type: ignore[misc]
    CogniteObject, AuthenticationWrite, tag_field="type", tag="scramSha512"
):
    """SCRAM-SHA-512 authentication (Kafka).

    Args:
        username: The user name.
        password: The password (never shown in reprs).
    """

    username: str
    password: str

    _SECRETS: ClassVar[tuple[str, ...]] = ("password",)
    __repr__ = masked_repr


Authentication._OPTIONS = {
    "basic": BasicAuthentication,
    "clientCredentials": RESTClientCredentialsAuthentication,
    "header": RESTHeaderAuthentication,
    "query": RESTQueryAuthentication,
    "scramSha256": ScramSha256Authentication,
    "scramSha512": ScramSha512Authentication,
}
Authentication._UNKNOWN = UnknownAuthentication
AuthenticationWrite._OPTIONS = {
    "basic": BasicAuthenticationWrite,
    "clientCredentials": RESTClientCredentialsAuthenticationWrite,
    "header": RESTHeaderAuthenticationWrite,
    "query": RESTQueryAuthenticationWrite,
    "scramSha256": ScramSha256AuthenticationWrite,
    "scramSha512": ScramSha512AuthenticationWrite,
}
AuthenticationWrite._UNKNOWN = UnknownAuthentication


# ------------------------------------------------------------------------------------------------- certificates


class CACertificate(CogniteObject):
    """A custom certificate authority of a source, as read.

    Args:
        thumbprint: The certificate's thumbprint.
        expires_at: When it expires (ms since epoch).
    """

    thumbprint: str
    expires_at: int


class CACertificateWrite(CogniteObject):
    """A custom certificate authority, to let a source use a self-signed certificate.

    Args:
        type: ``"der"`` (base 64 encoded) or ``"pem"``.
        certificate: The certificate.
    """

    type: CertificateType
    certificate: str


class AuthCertificate(CogniteObject):
    """The client certificate a source authenticates with, as read.

    Args:
        thumbprint: The certificate's thumbprint.
        expires_at: When it expires (ms since epoch).
    """

    thumbprint: str
    expires_at: int


class AuthCertificateWrite(CogniteObject):
    """A client certificate to authenticate to a source with.

    Args:
        type: ``"der"`` (base 64 encoded) or ``"pem"``.
        certificate: The certificate.
        key: The certificate's private key (never shown in reprs).
        key_password: The password of the key (never shown in reprs).

    Example:
        >>> from cognite.client.data_classes.hosted_extractors.sources import AuthCertificateWrite
        >>> AuthCertificateWrite("pem", "CERT", "KEY", "pw")
        AuthCertificateWrite(type='pem', certificate='CERT', key=<hidden>, key_password=<hidden>)
    """

    type: CertificateType
    certificate: str
    key: str
    key_password: str | None = None

    _SECRETS: ClassVar[tuple[str, ...]] = ("key", "key_password")
    __repr__ = masked_repr


class KafkaBroker(CogniteObject):
    """A Kafka bootstrap broker.

    Args:
        host: The host name or IP address.
        port: The port.
    """

    host: str
    port: int


# ------------------------------------------------------------------------------------------------- sources


class SourceWrite(PolymorphicBase):
    """Base of the sources to create; ``SourceWrite.load`` picks the class by ``type``.

    Args:
        external_id: The external id of the source.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import SourceWrite
        >>> SourceWrite.load({"type": "kafka", "externalId": "k", "bootstrapBrokers": [{"host": "b", "port": 9092}]})
        KafkaSourceWrite(external_id='k', bootstrap_brokers=[KafkaBroker(host='b', port=9092)])
    """

    __slots__ = ()
    _WHAT = "source type"
    external_id: str

    def as_write(self) -> SourceWrite:
        """Return the object itself (it is the write form)."""
        return self

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the source to a dictionary (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        raise NotImplementedError


class Source(PolymorphicBase):
    """Base of the sources as read; ``Source.load`` picks the class by ``type`` (an unknown type gives
    :class:`UnknownSource`).

    Args:
        external_id: The external id of the source.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import Source
        >>> type(Source.load({"type": "opcua", "externalId": "new-kind", "endpoint": "opc.tcp://x"})).__name__
        'UnknownSource'
    """

    __slots__ = ()
    _WHAT = "source type"
    external_id: str

    def as_write(self) -> SourceWrite:
        """Return the write form of the source (without secrets, which CDF never returns)."""
        raise NotImplementedError

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the source to a dictionary (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        raise NotImplementedError


class UnknownSource(UnknownResource, Source, SourceWrite):
    """A source of a type this SDK version does not know: keeps the data as loaded and writes it back unchanged.

    Args:
        data: The raw dictionary.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import Source
        >>> Source.load({"type": "opcua", "externalId": "x", "endpoint": "opc.tcp://x"}).dump()
        {'type': 'opcua', 'externalId': 'x', 'endpoint': 'opc.tcp://x'}
    """

    __slots__ = ()

    def as_write(self) -> UnknownSource:
        """Return the object itself."""
        return self


def _auth_write(auth: Any) -> Any:
    return None if auth is None else auth.as_write()


class _MQTTSourceWrite(CogniteObject, SourceWrite, tag_field="type"):  # type: ignore[misc]
    external_id: str
    host: str
    port: int | None = None
    authentication: AuthenticationWrite | None = None
    use_tls: bool | None = None
    ca_certificate: CACertificateWrite | None = None
    auth_certificate: AuthCertificateWrite | None = None


class MQTT3SourceWrite(_MQTTSourceWrite, tag="mqtt3"):
    """An MQTT v3.1.1 broker to create as a source.

    Args:
        external_id: The external id.
        host: Host name or IP address of the broker.
        port: The port (CDF's default: 1883).
        authentication: How to authenticate (``BasicAuthenticationWrite``).
        use_tls: Connect with TLS.
        ca_certificate: A custom certificate authority.
        auth_certificate: A client certificate to authenticate with.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import MQTT3SourceWrite
        >>> MQTT3SourceWrite("broker", "mqtt.example.com", port=1883).dump()
        {'type': 'mqtt3', 'externalId': 'broker', 'host': 'mqtt.example.com', 'port': 1883}
    """


class MQTT5SourceWrite(_MQTTSourceWrite, tag="mqtt5"):
    """An MQTT v5 broker to create as a source.

    Args:
        external_id: The external id.
        host: Host name or IP address of the broker.
        port: The port (CDF's default: 1883).
        authentication: How to authenticate (``BasicAuthenticationWrite``).
        use_tls: Connect with TLS.
        ca_certificate: A custom certificate authority.
        auth_certificate: A client certificate to authenticate with.
    """


class _MQTTSource(WriteableCogniteResource[Any], Source, tag_field="type"):  # type: ignore[misc]
    external_id: str
    host: str
    created_time: int | None = None
    last_updated_time: int | None = None
    port: int | None = None
    authentication: Authentication | None = None
    use_tls: bool | None = None
    ca_certificate: CACertificate | None = None
    auth_certificate: AuthCertificate | None = None

    _WRITE: ClassVar[type[_MQTTSourceWrite]]

    def as_write(self) -> Any:
        """Return the write form (without the password and certificates, which CDF never returns)."""
        return self._WRITE(self.external_id, self.host, self.port, _auth_write(self.authentication), self.use_tls)


class MQTT3Source(_MQTTSource, tag="mqtt3"):
    """An MQTT v3.1.1 broker source, as read.

    Args:
        external_id: The external id.
        host: Host name or IP address of the broker.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        port: The port.
        authentication: How it authenticates (no password).
        use_tls: Whether it connects with TLS.
        ca_certificate: The custom certificate authority (thumbprint and expiry).
        auth_certificate: The client certificate (thumbprint and expiry).
    """

    _WRITE = MQTT3SourceWrite


class MQTT5Source(_MQTTSource, tag="mqtt5"):
    """An MQTT v5 broker source, as read.

    Args:
        external_id: The external id.
        host: Host name or IP address of the broker.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        port: The port.
        authentication: How it authenticates (no password).
        use_tls: Whether it connects with TLS.
        ca_certificate: The custom certificate authority (thumbprint and expiry).
        auth_certificate: The client certificate (thumbprint and expiry).
    """

    _WRITE = MQTT5SourceWrite


class EventHubSourceWrite(CogniteObject, SourceWrite, tag_field="type", tag="eventhub"):  # type: ignore[misc]
    """An Azure Event Hub to create as a source.

    Args:
        external_id: The external id.
        host: Host name or IP address of the event hub consumer endpoint.
        event_hub_name: The name of the event hub.
        key_name: The name of the access key (deprecated by CDF: use ``authentication``).
        key_value: The value of the access key (never shown in reprs; deprecated by CDF: use ``authentication``).
        consumer_group: The consumer group (default: the default consumer group).
        authentication: Basic (key name and value) or client-credentials authentication.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import EventHubSourceWrite
        >>> EventHubSourceWrite("hub", "hub.servicebus.windows.net", "telemetry", "reader", "s3cret")
        EventHubSourceWrite(external_id='hub', host='hub.servicebus.windows.net', event_hub_name='telemetry', key_name='reader', key_value=<hidden>)
    """

    external_id: str
    host: str
    event_hub_name: str
    key_name: str | None = None
    key_value: str | None = None
    consumer_group: str | None = None
    authentication: AuthenticationWrite | None = None

    _SECRETS: ClassVar[tuple[str, ...]] = ("key_value",)
    __repr__ = masked_repr


class EventHubSource(WriteableCogniteResource[EventHubSourceWrite], Source, tag_field="type", tag="eventhub"):  # type: ignore[misc]
    """An Azure Event Hub source, as read.

    Args:
        external_id: The external id.
        host: Host name or IP address of the event hub consumer endpoint.
        event_hub_name: The name of the event hub.
        key_name: The name of the access key.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        consumer_group: The consumer group.
        authentication: How it authenticates (no secret).
    """

    external_id: str
    host: str
    event_hub_name: str
    key_name: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    consumer_group: str | None = None
    authentication: Authentication | None = None

    def as_write(self) -> EventHubSourceWrite:
        """Return the write form (without the key value, which CDF never returns)."""
        return EventHubSourceWrite(
            self.external_id, self.host, self.event_hub_name, self.key_name, None, self.consumer_group,
            _auth_write(self.authentication),
        )  # fmt: skip


class RestSourceWrite(CogniteObject, SourceWrite, tag_field="type", tag="rest"):  # type: ignore[misc]
    """A REST server to create as a source.

    Args:
        external_id: The external id.
        host: Host name or IP address.
        scheme: ``"https"`` (CDF's default) or ``"http"``.
        port: The port (default: the scheme's).
        ca_certificate: A custom certificate authority.
        authentication: Basic, header, query or client-credentials authentication.
        auth_certificate: A client certificate to authenticate with.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import RestSourceWrite
        >>> from cognite.client.data_classes.hosted_extractors.sources import RESTHeaderAuthenticationWrite
        >>> RestSourceWrite("api", "api.example.com", authentication=RESTHeaderAuthenticationWrite("X-Key", "k"))
        RestSourceWrite(external_id='api', host='api.example.com', scheme='https', authentication=RESTHeaderAuthenticationWrite(key='X-Key', value=<hidden>))
    """

    external_id: str
    host: str
    scheme: Literal["http", "https"] = "https"
    port: int | None = None
    ca_certificate: CACertificateWrite | None = None
    authentication: AuthenticationWrite | None = None
    auth_certificate: AuthCertificateWrite | None = None

    __repr__ = masked_repr


class RestSource(WriteableCogniteResource[RestSourceWrite], Source, tag_field="type", tag="rest"):  # type: ignore[misc]
    """A REST server source, as read.

    Args:
        external_id: The external id.
        host: Host name or IP address.
        scheme: ``"https"`` or ``"http"``.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        port: The port.
        ca_certificate: The custom certificate authority (thumbprint and expiry).
        authentication: How it authenticates (no secret).
        auth_certificate: The client certificate (thumbprint and expiry).
    """

    external_id: str
    host: str
    scheme: Literal["http", "https"] = "https"
    created_time: int | None = None
    last_updated_time: int | None = None
    port: int | None = None
    ca_certificate: CACertificate | None = None
    authentication: Authentication | None = None
    auth_certificate: AuthCertificate | None = None

    def as_write(self) -> RestSourceWrite:
        """Return the write form (without secrets and certificates, which CDF never returns)."""
        return RestSourceWrite(self.external_id, self.host, self.scheme, self.port)


class KafkaSourceWrite(CogniteObject, SourceWrite, tag_field="type", tag="kafka"):  # type: ignore[misc]
    """A Kafka cluster to create as a source.

    Args:
        external_id: The external id.
        bootstrap_brokers: The bootstrap brokers (1 to 8).
        authentication: Basic, SCRAM or client-credentials authentication.
        use_tls: Connect with TLS.
        ca_certificate: A custom certificate authority.
        auth_certificate: A client certificate to authenticate with.
    """

    external_id: str
    bootstrap_brokers: list[KafkaBroker]
    authentication: AuthenticationWrite | None = None
    use_tls: bool | None = None
    ca_certificate: CACertificateWrite | None = None
    auth_certificate: AuthCertificateWrite | None = None


class KafkaSource(WriteableCogniteResource[KafkaSourceWrite], Source, tag_field="type", tag="kafka"):  # type: ignore[misc]
    """A Kafka cluster source, as read.

    Args:
        external_id: The external id.
        bootstrap_brokers: The bootstrap brokers.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        authentication: How it authenticates (no secret).
        use_tls: Whether it connects with TLS.
        ca_certificate: The custom certificate authority (thumbprint and expiry).
        auth_certificate: The client certificate (thumbprint and expiry).
    """

    external_id: str
    bootstrap_brokers: list[KafkaBroker]
    created_time: int | None = None
    last_updated_time: int | None = None
    authentication: Authentication | None = None
    use_tls: bool | None = None
    ca_certificate: CACertificate | None = None
    auth_certificate: AuthCertificate | None = None

    def as_write(self) -> KafkaSourceWrite:
        """Return the write form (without secrets and certificates, which CDF never returns)."""
        brokers = [KafkaBroker(b.host, b.port) for b in self.bootstrap_brokers]
        return KafkaSourceWrite(self.external_id, brokers, _auth_write(self.authentication), self.use_tls)


Source._OPTIONS = {"mqtt3": MQTT3Source, "mqtt5": MQTT5Source, "eventhub": EventHubSource, "rest": RestSource,
                   "kafka": KafkaSource}  # fmt: skip
Source._UNKNOWN = UnknownSource
SourceWrite._OPTIONS = {"mqtt3": MQTT3SourceWrite, "mqtt5": MQTT5SourceWrite, "eventhub": EventHubSourceWrite,
                        "rest": RestSourceWrite, "kafka": KafkaSourceWrite}  # fmt: skip
SourceWrite._UNKNOWN = UnknownSource


# ------------------------------------------------------------------------------------------------- updates


class SourceUpdate(CogniteExternalIdUpdate):
    """Base of the updates of a source (one class per source type; the ``type`` goes on the wire).

    Args:
        external_id: The external id of the source to update.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import MQTT3SourceUpdate
        >>> MQTT3SourceUpdate("broker").host.set("mqtt2.example.com").dump()
        {'type': 'mqtt3', 'externalId': 'broker', 'update': {'host': {'set': 'mqtt2.example.com'}}}
    """

    _TYPE: ClassVar[str] = ""

    __repr__ = masked_update_repr

    def dump(self, camel_case: Literal[True] = True) -> dict[str, Any]:
        """Dump the update to the wire format ``{"type", "externalId", "update"}``.

        Args:
            camel_case: Kept for compatibility (the wire format is camelCase).

        Returns:
            The dictionary.
        """
        return {"type": self._TYPE, **super().dump()}

    @classmethod
    def _from_resource(cls, resource: Any, mode: Literal["replace_ignore_null", "patch", "replace"]) -> dict[str, Any]:
        if isinstance(resource, UnknownResource):
            raise TypeError("A source of an unknown type cannot be updated from the object; use a SourceUpdate")
        if isinstance(resource, Source):
            resource = resource.as_write()
        kind = type(resource).__struct_config__.tag
        target = _UPDATES.get(kind) if cls is SourceUpdate else cls
        if target is None:
            raise TypeError(f"Cannot update a source of type {kind!r}")
        return {"type": kind, **CogniteUpdate._from_resource.__func__(target, resource, mode)}  # type: ignore[attr-defined]

    @classmethod
    def _get_update_properties(cls, item: Any = None) -> list[PropertySpec]:
        return list(cls._PROPERTIES)


_CERTS = (
    PropertySpec("ca_certificate", is_nullable=True),
    PropertySpec("auth_certificate", is_nullable=True),
)


class _MQTTSourceUpdate(SourceUpdate):
    host = update_field(CognitePrimitiveUpdate)
    port = update_field(CognitePrimitiveUpdate)
    authentication = update_field(CognitePrimitiveUpdate)
    use_tls = update_field(CognitePrimitiveUpdate)
    ca_certificate = update_field(CognitePrimitiveUpdate)
    auth_certificate = update_field(CognitePrimitiveUpdate)

    _PROPERTIES = (
        PropertySpec("host", is_nullable=False),
        PropertySpec("port"),
        PropertySpec("authentication"),
        PropertySpec("use_tls", is_nullable=False),
        *_CERTS,
    )


class MQTT3SourceUpdate(_MQTTSourceUpdate):
    """Changes to an MQTT v3.1.1 source: ``host``, ``port``, ``authentication``, ``use_tls``, ``ca_certificate``,
    ``auth_certificate``.

    Args:
        external_id: The external id of the source.
    """

    _TYPE = "mqtt3"


class MQTT5SourceUpdate(_MQTTSourceUpdate):
    """Changes to an MQTT v5 source: ``host``, ``port``, ``authentication``, ``use_tls``, ``ca_certificate``,
    ``auth_certificate``.

    Args:
        external_id: The external id of the source.
    """

    _TYPE = "mqtt5"


class EventHubSourceUpdate(SourceUpdate):
    """Changes to an Event Hub source: ``host``, ``event_hub_name``, ``key_name``, ``key_value``,
    ``authentication``, ``consumer_group``.

    Args:
        external_id: The external id of the source.
    """

    _TYPE = "eventhub"
    host = update_field(CognitePrimitiveUpdate)
    event_hub_name = update_field(CognitePrimitiveUpdate)
    key_name = update_field(CognitePrimitiveUpdate)
    key_value = update_field(CognitePrimitiveUpdate)
    authentication = update_field(CognitePrimitiveUpdate)
    consumer_group = update_field(CognitePrimitiveUpdate)

    _PROPERTIES = (
        PropertySpec("host", is_nullable=False),
        PropertySpec("event_hub_name", is_nullable=False),
        PropertySpec("key_name", is_nullable=False),
        PropertySpec("key_value", is_nullable=False),
        PropertySpec("authentication", is_nullable=False),
        PropertySpec("consumer_group"),
    )


class RestSourceUpdate(SourceUpdate):
    """Changes to a REST source: ``host``, ``scheme``, ``port``, ``ca_certificate``, ``authentication``,
    ``auth_certificate``.

    Args:
        external_id: The external id of the source.
    """

    _TYPE = "rest"
    host = update_field(CognitePrimitiveUpdate)
    scheme = update_field(CognitePrimitiveUpdate)
    port = update_field(CognitePrimitiveUpdate)
    ca_certificate = update_field(CognitePrimitiveUpdate)
    authentication = update_field(CognitePrimitiveUpdate)
    auth_certificate = update_field(CognitePrimitiveUpdate)

    _PROPERTIES = (
        PropertySpec("host", is_nullable=False),
        PropertySpec("scheme", is_nullable=False),
        PropertySpec("port", is_nullable=False),
        PropertySpec("ca_certificate"),
        PropertySpec("authentication"),
        PropertySpec("auth_certificate"),
    )


class KafkaSourceUpdate(SourceUpdate):
    """Changes to a Kafka source: ``bootstrap_brokers``, ``authentication``, ``use_tls``, ``ca_certificate``,
    ``auth_certificate``.

    Args:
        external_id: The external id of the source.
    """

    _TYPE = "kafka"
    bootstrap_brokers = update_field(CognitePrimitiveUpdate)
    authentication = update_field(CognitePrimitiveUpdate)
    use_tls = update_field(CognitePrimitiveUpdate)
    ca_certificate = update_field(CognitePrimitiveUpdate)
    auth_certificate = update_field(CognitePrimitiveUpdate)

    _PROPERTIES = (
        PropertySpec("bootstrap_brokers", is_nullable=False),
        PropertySpec("authentication"),
        PropertySpec("use_tls", is_nullable=False),
        *_CERTS,
    )


_UPDATES: dict[str, type[SourceUpdate]] = {
    "mqtt3": MQTT3SourceUpdate,
    "mqtt5": MQTT5SourceUpdate,
    "eventhub": EventHubSourceUpdate,
    "rest": RestSourceUpdate,
    "kafka": KafkaSourceUpdate,
}


# ------------------------------------------------------------------------------------------------- lists


class SourceWriteList(CogniteResourceList[Any], ExternalIDTransformerMixin):
    """A list of sources to create.

    Args:
        resources: The sources.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = SourceWrite  # type: ignore[assignment]

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every source (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionaries.
        """
        return [s.dump(camel_case) for s in self.data]


class SourceList(WriteableCogniteResourceList[Any, Any], ExternalIDTransformerMixin):
    """A list of sources.

    Args:
        resources: The sources.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Source  # type: ignore[assignment]
    _WRITE_LIST = SourceWriteList

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every source (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionaries.
        """
        return [s.dump(camel_case) for s in self.data]
