"""Demo partnership: The synthetic demo partnership: manage.py demo_seed runs each app's demo.py
(settings.DEMO_SEED_MODULES) in order. Nothing in it is real.

May import: every app (it sits at the top).
"""
