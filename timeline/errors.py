"""The one exception the CLI turns into a one-line message and a non-zero exit."""


class TimelineError(Exception):
    """Bad input or an unusable store: the message names the problem and what to do."""

    exit_code = 2
