"""Core: shared base models, working days, reporting years, HTTP and permission helpers,
the "My work" and navigation registries, GOV.UK form rendering, safe exports and e-mail.

May import: Django and third-party libraries only. Every other app may import core.
"""
