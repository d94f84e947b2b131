"""Every message key the registry pages use exists in French and English (static and computed keys)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from avec.registry import lifecycle
from avec.registry.compliance import SOURCES, YES_NO_ANSWERS
from avec.registry.models import (
    AI_ACT_CLASSES,
    DECISIONS,
    DEPLOYMENTS,
    DPIA_STATUSES,
    DRIFT_ACTIONS,
    MODEL_CARD_SECTIONS,
    PROVIDERS,
    SYSTEM_STATUSES,
)

WEB = Path(__file__).resolve().parents[2] / "src" / "avec" / "web"
MESSAGES = yaml.safe_load((WEB / "messages" / "registry.yaml").read_text("utf-8"))


def test_static_keys_of_templates_exist_in_both_languages():
    used = set()
    for template in (WEB / "templates" / "registry").glob("*.html"):
        used |= set(re.findall(r"""_\(["'](registry\.[a-z0-9_.]+[a-z0-9_])["']\s*[,)]""", template.read_text("utf-8")))
    assert len(used) > 50
    missing = sorted(k for k in used if k not in MESSAGES)
    assert missing == []
    incomplete = sorted(k for k, v in MESSAGES.items() if not (v.get("fr") and v.get("en")))
    assert incomplete == []


def test_computed_keys_exist_for_every_value():
    families = {
        "registry.status.": SYSTEM_STATUSES,
        "registry.deployment.": DEPLOYMENTS,
        "registry.ai_act.": AI_ACT_CLASSES,
        "registry.decision.": DECISIONS,
        "registry.form.dpia.": DPIA_STATUSES,
        "registry.form.drift.": DRIFT_ACTIONS,
        "registry.form.provider.": PROVIDERS,
        "registry.card.section.": MODEL_CARD_SECTIONS,
        "registry.grid.answer.": YES_NO_ANSWERS,
        "registry.source.": SOURCES,
        "registry.item.": ("compliant", "non_compliant", "open", "not_applicable"),
    }
    missing = [prefix + v for prefix, values in families.items() for v in values if prefix + v not in MESSAGES]
    assert missing == []
    assert set(lifecycle.DECISION_KINDS.values()) <= set(DECISIONS)
