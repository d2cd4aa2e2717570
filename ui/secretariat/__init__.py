"""The secretariat's window: import entries, judges and keys, assignment, bundles, merge, results.

Each page is its own module and talks to the core through a
:class:`~ui.secretariat.session.SecretariatSession`; no rule lives here.
"""
