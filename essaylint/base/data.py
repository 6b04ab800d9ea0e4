"""Where essaylint's shipped data is: the folder of the `essaylint.rules` package.

Found through the import system's spec (importlib.util is loaded at start-up anyway) rather than
`importlib.resources.files`, whose import (tempfile, zipfile, shutil …) cost ~7 ms of every run.
A `pathlib.Path` offers everything the callers use of a `Traversable`. Only a package with no
folder on disk (imported from a zip) goes through importlib.resources.
"""

from __future__ import annotations

import os
from functools import cache
from importlib.util import find_spec
from pathlib import Path

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["rules_root"]


@cache
def rules_root() -> Traversable:
    """The `essaylint.rules` package as a folder: typos/, values/, words/, blind/."""
    spec = find_spec("essaylint.rules")
    for location in (spec.submodule_search_locations or ()) if spec is not None else ():
        if os.path.isdir(location):
            return Path(location)
    from importlib.resources import files

    return files("essaylint.rules")
