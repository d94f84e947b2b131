"""Detection of identifiers in French clinical, social and medico-social text.

``Detector.default().detect(text, patient=...)`` returns non-overlapping
:class:`~avec.privacy.spans.Span` objects (EDS-Pseudo labels).
"""

from avec.privacy.detection.config import DetectionConfig
from avec.privacy.detection.detector import Detector, TextTooLongError
from avec.privacy.detection.patient import PatientIdentifiers

__all__ = ["DetectionConfig", "Detector", "PatientIdentifiers", "TextTooLongError"]
