"""Tools for plugin authors: `newsnorm new-plugin` makes a ready outlet plugin
(scaffold.py), `newsnorm check-plugin` checks an installed one (check.py)."""
