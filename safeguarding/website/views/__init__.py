"""The public website's views: `public` (anyone) and `manage` (the business unit)."""
