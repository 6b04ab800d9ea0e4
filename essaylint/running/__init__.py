"""Running files: settings (`config`, and `finder` for the config in force for a file), the
engine that runs the selected rules over one `Document`, one file start to end (`runner`), many
files in parallel (`jobs`), the result cache (`cache`, `fingerprints`), the replay of a whole
unchanged run (`replay`), fixes (`fixes`) and which files to read (`discovery`).

May import: everything below it (`base`, `reading`, `linting`, `korean`, `values`); never
`reporters` or `cli`. Plugins are loaded through entry points, never imported by name.
"""
