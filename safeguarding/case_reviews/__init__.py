"""Case reviews: Serious incident notifications, rapid reviews, child safeguarding practice reviews
(and earlier SCRs and SARs), their findings, recommendations, action plans and dissemination.

May import: core, accounts, activity_log, partnership, actions, learning.
"""
