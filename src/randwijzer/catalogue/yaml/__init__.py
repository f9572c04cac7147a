"""The catalogue's YAML round trip: read and check the files (loader, schema), write them back (export)."""
