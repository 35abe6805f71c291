"""Deadlines: what a mention means to a reader (event, plan, deadline, span, recurrence), what is
due by when, and how one deadline is followed across articles."""
