"""The editors' workflow: history and restore, "vandaag geverifieerd", staleness, link checks."""
