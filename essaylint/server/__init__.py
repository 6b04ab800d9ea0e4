"""`essaylint server`: a Language Server over stdio (pygls) for editors.

May import: `essaylint.api` and the result and data types of the layers below it (reading,
linting, running); never the CLI. pygls and lsprotocol load only here, when the server starts.
"""
