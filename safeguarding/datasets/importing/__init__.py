"""The machinery of an import, below the services that run it (datasets.services):

* `files`: the uploaded files, kept in a folder of their own until read, then deleted;
* `readers`: which parser reads a return;
* `store`: where the records go (one COPY on PostgreSQL, batched inserts elsewhere);
* `progress`: progress written on a side connection, so the page sees it during the import;
* `memory`: garbage-collector tuning while a large import reads.

Nothing here records activity or decides an import's outcome: the services do.
"""
