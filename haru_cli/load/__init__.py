"""Files → records: the workspace's files, YAML 1.2 with positions, validation, the parse cache."""
