"""The document model at the path third-party plugins import: `essaylint.model`.

Its home is `essaylint.reading.model`; this module only re-exports it, and stays.
"""

from essaylint.reading.model import (
    Comment as Comment,
)
from essaylint.reading.model import (
    Document as Document,
)
from essaylint.reading.model import (
    QuestionStyle as QuestionStyle,
)
from essaylint.reading.model import (
    Section as Section,
)
from essaylint.reading.model import (
    SectionKind as SectionKind,
)
from essaylint.reading.model import (
    Span as Span,
)
from essaylint.reading.model import (
    SpanKind as SpanKind,
)
from essaylint.reading.model import (
    join_spans as join_spans,
)
