"""Randwijzer: the support catalogue for the Vlaamse Rand."""
