"""What a run reads: files, directories, stdin, and the documents inside web archives and
JSON Lines dumps, each handed over as an `InputDocument`."""
