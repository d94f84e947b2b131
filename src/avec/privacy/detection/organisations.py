"""Round-14 organisations that are no care facility: employers, work-health services, insurers,
home-care providers, company letterheads, homes and landlords named alone (each family in its own
module, with its safety notes).

``organisation_spans`` is called by ``facilities.find_facilities`` with the other named bodies: a span
here that holds a shorter facility span replaces it ("HAD Vallée" inside "HAD Vallée Domicile").
"""

from __future__ import annotations

from avec.privacy.detection.company_letterheads import letterhead_spans
from avec.privacy.detection.department_bodies import department_body_spans
from avec.privacy.detection.employers import (
    employer_spans,
    family_firm_spans,
    job_employer_spans,
    partner_firm_spans,
)
from avec.privacy.detection.facility_adjectives import adjective_facility_spans
from avec.privacy.detection.home_providers import home_provider_spans
from avec.privacy.detection.housing_names import hotel_spans, housing_spans
from avec.privacy.detection.network_names import network_spans
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.shelter_names import shelter_spans
from avec.privacy.detection.trade_firms import trade_firm_spans
from avec.privacy.detection.work_health import work_health_spans
from avec.privacy.spans import Span


def organisation_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans of employers, work-health services, insurers, providers and letterheads."""
    spans = employer_spans(ctx) + job_employer_spans(ctx) + partner_firm_spans(ctx) + work_health_spans(ctx)
    spans += (
        family_firm_spans(ctx)
        + home_provider_spans(ctx)
        + letterhead_spans(ctx)
        + housing_spans(ctx)
        + hotel_spans(ctx)
    )
    # round 15: shelters and day centres by their kind, bodies closed by their département, keyword + adjective
    spans += shelter_spans(ctx) + department_body_spans(ctx) + adjective_facility_spans(ctx)
    spans += network_spans(ctx)  # round 15: charities, employment and training networks by their branch
    spans += trade_firm_spans(ctx)  # round 15: "chez Intérim X", a firm named after its trade
    spans.sort(key=lambda s: (s.start, s.start - s.end))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue  # overlapping readings: the first and longest is kept
        out.append(s)
    return out
