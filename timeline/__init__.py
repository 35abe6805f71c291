"""timeline: dated mentions in news articles, resolved, stored and shown as a timeline and deadlines."""

__version__ = "0.1.0"
