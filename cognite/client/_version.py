__version__ = "8.22.0"
__api_subversion__ = "20230101"
