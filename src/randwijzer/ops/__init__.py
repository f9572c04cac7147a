"""Operations: health check, request ids and JSON logs, backup and restore."""
