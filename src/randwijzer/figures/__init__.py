"""Figures as charts, funded examples ("inspiratie") and the funding plan."""
