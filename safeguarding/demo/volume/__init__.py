"""The demo grown to a large partnership's years (manage.py demo_volume): deterministic synthetic
records made in bulk through the models, with the activity-log events they would have had,
appended to the hash chain in order. See docs/modules/volume.md."""
