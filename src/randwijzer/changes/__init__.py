"""The change log of the catalogue: what changed in a funding line, when, in Dutch."""
