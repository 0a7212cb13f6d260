"""The partnership's public website: pages, the resource library, reporting a concern,
published learning, subscriptions and the site's own statistics (counted without tracking).

Top layer (beside annual_reports): it may read every app below through their selectors; no app
imports it. Only the business unit edits; everything public is marked @public.
"""
