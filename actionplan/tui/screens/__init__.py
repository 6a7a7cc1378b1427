"""One screen per file: the board, its dialogs, and help."""
