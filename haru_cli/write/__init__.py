"""Writing records: atomic new files, YAML text, ids and paths of new records."""
