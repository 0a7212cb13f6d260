"""Case reviews: serious incident notifications (children by pseudonym, identifying details in an
encrypted identity panel), rapid reviews with agency requests, local child safeguarding practice
reviews and the earlier SCRs, SARs and other learning reviews, with their findings (learning
points in `learning`), recommendations, action plans (in `actions`) and dissemination.

Deadlines (working days, England and Wales bank holidays) are derived from each record's dates:
selectors.deadline_list() feeds the "My work" card and the reminder command
(`manage.py case_reviews_send_reminders`). Annual report figures: reporting.py. Module guide:
docs/modules/case_reviews.md.

May import: core, accounts, activity_log, partnership, actions, learning.
"""
