"""The safeguarding partnership platform: one Django project package, apps layered downwards."""
