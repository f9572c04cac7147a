"""Open data out: the catalogue in CommonGrants, OSLO Besluit Subsidies, CPSV-AP and DCAT-AP.

One module per standard (`commongrants`, `oslo`, `cpsv`, `dcat`), each a plain mapping from the
catalogue's models; `identifiers` gives every record its persistent IRI or UUID. Nothing below
this app imports it.
"""
