"""Annual reports: Assembles the partnership's yearly report from each app's reporting.py and
renders it as a page or a file.

May import: every app below it (reads only their reporting.py modules and selectors).
"""
