"""The record types: values, models, the registry of record types, the loaded dataset, problems."""
