"""The plugin API at the path third-party plugins import: `essaylint.plugin`.

Its home is `essaylint.linting.plugin`; this module only re-exports it, and stays.
"""

from essaylint.linting.plugin import (
    SEVERITIES as SEVERITIES,
)
from essaylint.linting.plugin import (
    AnswerState as AnswerState,
)
from essaylint.linting.plugin import (
    Assessment as Assessment,
)
from essaylint.linting.plugin import (
    CheckFunction as CheckFunction,
)
from essaylint.linting.plugin import (
    Edit as Edit,
)
from essaylint.linting.plugin import (
    Hit as Hit,
)
from essaylint.linting.plugin import (
    Rule as Rule,
)
from essaylint.linting.plugin import (
    RuleConfigError as RuleConfigError,
)
from essaylint.linting.plugin import (
    RuleContext as RuleContext,
)
from essaylint.linting.plugin import (
    RuleOptions as RuleOptions,
)
from essaylint.linting.plugin import (
    RuleUnavailable as RuleUnavailable,
)
from essaylint.linting.plugin import (
    Severity as Severity,
)
