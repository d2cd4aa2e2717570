"""The secretariat's window: import entries, judges and keys, assignment, bundles, merge, results.

Each page is its own module and talks to the core through a
:class:`~ui.secretariat.session.SecretariatSession`; no rule lives here. What
the pages share is in two modules: :mod:`~ui.secretariat.tables` (the model of
plain rows, its sorting and search proxies, the table views) and
:mod:`~ui.secretariat.page_tools` (headings, button rows, remembered folders,
dialogs and work on a worker's own database connection).
"""
