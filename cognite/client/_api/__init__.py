"""The API families (async); each module is a table over the generic verbs of ``_api_client``."""
