"""Every family the emulator serves: the table entries of each family module, gathered once."""

from __future__ import annotations

from cognite.client.testing._families import CORE_FAMILIES
from cognite.client.testing._families_agents import AGENTS_FAMILIES
from cognite.client.testing._families_contextualization import CONTEXTUALIZATION_FAMILIES
from cognite.client.testing._families_dm_instances import DM_INSTANCES_FAMILIES
from cognite.client.testing._families_dm_schema import DM_SCHEMA_FAMILIES
from cognite.client.testing._families_documents import DOCUMENTS_FAMILIES
from cognite.client.testing._families_extpipes import EXTPIPES_FAMILIES
from cognite.client.testing._families_files import FILES_FAMILIES
from cognite.client.testing._families_functions import FUNCTIONS_FAMILIES
from cognite.client.testing._families_geospatial import GEOSPATIAL_FAMILIES
from cognite.client.testing._families_graphql import GRAPHQL_FAMILIES
from cognite.client.testing._families_hosted_extractors import HOSTED_EXTRACTOR_FAMILIES
from cognite.client.testing._families_iam import IAM_FAMILIES
from cognite.client.testing._families_integrations import INTEGRATIONS_FAMILIES
from cognite.client.testing._families_postgres_gateway import POSTGRES_GATEWAY_FAMILIES
from cognite.client.testing._families_raw import RAW_FAMILIES
from cognite.client.testing._families_relationships import RELATIONSHIP_FAMILIES
from cognite.client.testing._families_sequences import SEQUENCE_FAMILIES
from cognite.client.testing._families_simulators import SIMULATOR_FAMILIES
from cognite.client.testing._families_streams import STREAMS_FAMILIES
from cognite.client.testing._families_subscriptions import SUBSCRIPTION_FAMILIES
from cognite.client.testing._families_three_d import THREE_D_FAMILIES
from cognite.client.testing._families_timeseries import TIMESERIES_FAMILIES
from cognite.client.testing._families_transformations import TRANSFORMATIONS_FAMILIES
from cognite.client.testing._families_units import UNITS_FAMILIES
from cognite.client.testing._families_workflows import WORKFLOWS_FAMILIES
from cognite.client.testing._store import Family

FAMILIES: tuple[Family, ...] = (
    *CORE_FAMILIES,
    *CONTEXTUALIZATION_FAMILIES,
    *TIMESERIES_FAMILIES,
    *RELATIONSHIP_FAMILIES,
    *SEQUENCE_FAMILIES,
    *RAW_FAMILIES,
    *FILES_FAMILIES,
    *SUBSCRIPTION_FAMILIES,
    *DM_INSTANCES_FAMILIES,
    *DM_SCHEMA_FAMILIES,
    *STREAMS_FAMILIES,
    *GRAPHQL_FAMILIES,
    *EXTPIPES_FAMILIES,
    *UNITS_FAMILIES,
    *IAM_FAMILIES,
    *HOSTED_EXTRACTOR_FAMILIES,
    *POSTGRES_GATEWAY_FAMILIES,
    *TRANSFORMATIONS_FAMILIES,
    *DOCUMENTS_FAMILIES,
    *GEOSPATIAL_FAMILIES,
    *FUNCTIONS_FAMILIES,
    *THREE_D_FAMILIES,
    *WORKFLOWS_FAMILIES,
    *SIMULATOR_FAMILIES,
    *AGENTS_FAMILIES,
    *INTEGRATIONS_FAMILIES,
)
