"""Readers' suggestions (corrections, new funding lines, new partners) and the editors' review queue."""
