"""Environmental footprint of one call, with the EcoLogits methodology (and a measured CPU figure).

``compute_footprint`` is pure and called on every gateway request: the electricity mixes and the
EcoLogits model list are loaded once per process (EcoLogits loads them at import) and looked up
through small caches; the EcoLogits computation itself costs about 0.2 ms per call here.

Two figures are kept apart and labelled:

* **estimated** (EcoLogits): energy, GWP, primary energy (PE), water (WCF) and ADPe of the request,
  from the model's active/total parameters, the generated tokens, the measured latency, the PUE/WUE
  and the electricity mix of the zone. EcoLogits models GPU servers; for a small model on our own
  CPU this is an upper-bound style estimate, not a measurement.
* **measured** (embedded model only): process CPU time x a configured power per busy core x PUE,
  then x the zone's carbon factor. It is only as good as the configured wattage.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib.metadata import version as package_version
from typing import Any

from ecologits.electricity_mix_repository import ElectricityMix, electricity_mixes
from ecologits.impacts.llm import compute_llm_impacts
from ecologits.model_repository import ParametersMoE, models

from avec.metrics.settings import metrics_settings

METHOD_ECOLOGITS = "ecologits"
METHOD_UNAVAILABLE = "unavailable"
ECOLOGITS_VERSION = package_version("ecologits")


@dataclass(frozen=True)
class Footprint:
    """Footprint of one interaction; ``None`` where a figure could not be computed."""

    method: str
    methodology_version: str
    electricity_zone: str
    pue: float | None
    wue: float | None
    active_params_b: float | None
    total_params_b: float | None
    output_tokens: int
    latency_s: float
    energy_kwh: float | None = None
    gwp_kg: float | None = None
    pe_mj: float | None = None
    wcf_l: float | None = None
    adpe_kgsbeq: float | None = None
    cpu_seconds: float | None = None
    cpu_watts: float | None = None
    measured_energy_kwh: float | None = None
    measured_gwp_kg: float | None = None
    factors: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Plain dict (for the ORM row and JSON)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["factors"] = dict(self.factors)
        return out


class UnknownElectricityZone(ValueError):
    """The configured electricity zone is not one EcoLogits knows."""


@lru_cache(maxsize=64)
def electricity_mix(zone: str) -> ElectricityMix:
    """The EcoLogits electricity mix of ``zone`` (ISO alpha-3, e.g. FRA); raises UnknownElectricityZone."""
    mix = electricity_mixes.find_electricity_mix(zone=zone.upper())
    if mix is None:
        raise UnknownElectricityZone(
            f"unknown electricity zone {zone!r}: use an ISO 3166-1 alpha-3 code known to EcoLogits, e.g. FRA"
        )
    return mix


@lru_cache(maxsize=1)
def _ecologits_parameters() -> dict[str, tuple[float, float]]:
    """Model name -> (active, total) billions of parameters, from EcoLogits' model list (dense values)."""
    table: dict[str, tuple[float, float]] = {}
    for model in models.list_models():
        params = model.architecture.parameters
        if isinstance(params, ParametersMoE):
            active, total = params.active, params.total
        else:
            active = total = params
        if isinstance(active, int | float) and isinstance(total, int | float):
            table.setdefault(model.name.lower(), (float(active), float(total)))
    return table


def system_parameters(system: Any) -> tuple[float | None, float | None, str]:
    """(active, total, source) billions of parameters: the registry's, else EcoLogits' by model name."""
    active: Any = getattr(system, "active_params_b", None)
    total: Any = getattr(system, "total_params_b", None)
    if active or total:
        value_a = float(active or total)
        value_t = float(total or active)
        return value_a, value_t, "registry"
    for name in (getattr(system, "upstream_model", None), getattr(system, "model", None)):
        if name and name.lower() in _ecologits_parameters():
            found = _ecologits_parameters()[name.lower()]
            return found[0], found[1], "ecologits-models"
    return None, None, ""


def _num(value: Any) -> float:
    """A float out of an EcoLogits value (a RangeValue becomes its mean)."""
    inner = getattr(value, "value", value)
    mean = getattr(inner, "mean", None)
    return float(mean if mean is not None else inner)


def compute_footprint(
    *, system: Any, output_tokens: int, latency_s: float, cpu_seconds: float | None, settings: Any
) -> Footprint:
    """Footprint of one call of ``system`` (an AISystem): EcoLogits estimate, plus the measured CPU figure.

    Never raises on missing data: a system without parameters gets ``method="unavailable"`` and a note;
    an unknown electricity zone also yields ``unavailable`` (check it at start-up with ``electricity_mix``).
    """
    ms = metrics_settings(settings)
    zone = (getattr(system, "electricity_zone", None) or ms.electricity_zone).upper()
    pue = float(getattr(system, "pue", None) or ms.pue)
    wue = float(getattr(system, "wue", None) or ms.wue)
    tokens = max(0, int(output_tokens))
    latency = max(0.0, float(latency_s)) if math.isfinite(latency_s) else 0.0
    active, total, source = system_parameters(system)
    base: dict[str, Any] = dict(
        methodology_version=f"ecologits {ECOLOGITS_VERSION}",
        electricity_zone=zone,
        pue=pue,
        wue=wue,
        active_params_b=active,
        total_params_b=total,
        output_tokens=tokens,
        latency_s=latency,
    )
    try:
        mix = electricity_mix(zone)
    except UnknownElectricityZone as exc:
        return Footprint(method=METHOD_UNAVAILABLE, note=str(exc)[:200], **base)
    factors = {
        "mix_gwp_kg_per_kwh": mix.gwp,
        "mix_pe_mj_per_kwh": mix.pe,
        "mix_wue_l_per_kwh": mix.wue,
        "mix_adpe_kgsbeq_per_kwh": mix.adpe,
        "parameters_source": source,
    }
    measured: dict[str, Any] = {}
    if cpu_seconds is not None and getattr(system, "provider", "") == "embedded":
        watts = ms.embedded_cpu_watts
        energy = max(0.0, cpu_seconds) * watts * pue / 3.6e6
        measured = dict(
            cpu_seconds=float(cpu_seconds),
            cpu_watts=watts,
            measured_energy_kwh=energy,
            measured_gwp_kg=energy * mix.gwp,
        )
    if active is None or total is None:
        return Footprint(
            method=METHOD_UNAVAILABLE, note="model parameters unknown", factors=factors, **base, **measured
        )
    impacts = compute_llm_impacts(
        model_active_parameter_count=active,
        model_total_parameter_count=total,
        output_token_count=tokens,
        request_latency=latency if latency > 0 else None,
        if_electricity_mix_adpe=mix.adpe,
        if_electricity_mix_pe=mix.pe,
        if_electricity_mix_gwp=mix.gwp,
        if_electricity_mix_wue=mix.wue,
        datacenter_pue=pue,
        datacenter_wue=wue,
    )
    return Footprint(
        method=METHOD_ECOLOGITS,
        energy_kwh=_num(impacts.energy),
        gwp_kg=_num(impacts.gwp),
        pe_mj=_num(impacts.pe),
        wcf_l=_num(impacts.wcf),
        adpe_kgsbeq=_num(impacts.adpe),
        factors=factors,
        **base,
        **measured,
    )
