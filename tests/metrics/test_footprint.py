"""The footprint matches EcoLogits for the same inputs; the measured figure; missing data; cost per call."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from ecologits.electricity_mix_repository import electricity_mixes
from ecologits.impacts.llm import compute_llm_impacts
from ecologits.tracers.utils import llm_impacts

from avec.metrics.footprint import METHOD_ECOLOGITS, METHOD_UNAVAILABLE, compute_footprint
from avec.metrics.settings import MetricsSettings, metrics_settings
from avec.registry.models import AISystem


def _embedded() -> AISystem:
    return AISystem(slug="gemma", name="Gemma", provider="embedded", active_params_b=0.27, total_params_b=0.27)


def test_estimate_equals_ecologits_compute_llm_impacts_for_the_same_inputs() -> None:
    ms = MetricsSettings(electricity_zone="FRA", pue=1.5, wue=0.2)
    fp = compute_footprint(system=_embedded(), output_tokens=200, latency_s=3.0, cpu_seconds=None, settings=ms)
    mix = electricity_mixes.find_electricity_mix("FRA")
    assert mix is not None
    ref = compute_llm_impacts(
        model_active_parameter_count=0.27,
        model_total_parameter_count=0.27,
        output_token_count=200,
        request_latency=3.0,
        if_electricity_mix_adpe=mix.adpe,
        if_electricity_mix_pe=mix.pe,
        if_electricity_mix_gwp=mix.gwp,
        if_electricity_mix_wue=mix.wue,
        datacenter_pue=1.5,
        datacenter_wue=0.2,
    )
    assert fp.method == METHOD_ECOLOGITS
    assert fp.energy_kwh == pytest.approx(ref.energy.value, rel=1e-12)
    assert fp.gwp_kg == pytest.approx(ref.gwp.value, rel=1e-12)
    assert fp.pe_mj == pytest.approx(ref.pe.value, rel=1e-12)
    assert fp.wcf_l == pytest.approx(ref.wcf.value, rel=1e-12)
    assert fp.energy_kwh and fp.energy_kwh > 0
    assert fp.factors["mix_gwp_kg_per_kwh"] == mix.gwp
    assert fp.electricity_zone == "FRA" and fp.pue == 1.5 and fp.methodology_version.startswith("ecologits ")
    assert fp.measured_energy_kwh is None  # no CPU time given


def test_upstream_model_known_to_ecologits_matches_its_high_level_api() -> None:
    """A registry entry without parameters takes them from EcoLogits' model list, like llm_impacts does."""
    system = SimpleNamespace(
        provider="openai_compatible",
        upstream_model="ministral-8b-latest",
        model="",
        active_params_b=None,
        total_params_b=None,
    )
    ms = MetricsSettings(electricity_zone="SWE", pue=1.16, wue=0.09)  # EcoLogits' mistralai data centre
    fp = compute_footprint(system=system, output_tokens=350, latency_s=4.2, cpu_seconds=None, settings=ms)
    ref = llm_impacts("mistralai", "ministral-8b-latest", output_token_count=350, request_latency=4.2)
    assert ref.energy is not None and ref.gwp is not None and ref.wcf is not None
    assert fp.factors["parameters_source"] == "ecologits-models"
    assert fp.energy_kwh == pytest.approx(ref.energy.value, rel=1e-9)
    assert fp.gwp_kg == pytest.approx(ref.gwp.value, rel=1e-9)
    assert fp.wcf_l == pytest.approx(ref.wcf.value, rel=1e-9)


def test_measured_cpu_figure_for_the_embedded_model_only() -> None:
    ms = MetricsSettings(embedded_cpu_watts=40.0, pue=1.25)
    fp = compute_footprint(system=_embedded(), output_tokens=100, latency_s=2.0, cpu_seconds=3.6, settings=ms)
    assert fp.cpu_seconds == 3.6 and fp.cpu_watts == 40.0
    assert fp.measured_energy_kwh == pytest.approx(3.6 * 40.0 * 1.25 / 3.6e6)
    assert fp.measured_gwp_kg == pytest.approx(fp.measured_energy_kwh * fp.factors["mix_gwp_kg_per_kwh"])
    upstream = AISystem(slug="up", name="Up", provider="openai_compatible", active_params_b=8, total_params_b=8)
    other = compute_footprint(system=upstream, output_tokens=100, latency_s=2.0, cpu_seconds=3.6, settings=ms)
    assert other.measured_energy_kwh is None  # our CPU time says nothing about a remote GPU


def test_missing_parameters_or_unknown_zone_give_unavailable_not_an_error() -> None:
    unknown = AISystem(slug="x", name="X", provider="openai_compatible", model="in-house-model")
    fp = compute_footprint(system=unknown, output_tokens=10, latency_s=1.0, cpu_seconds=None, settings=None)
    assert fp.method == METHOD_UNAVAILABLE and fp.energy_kwh is None and "parameters" in fp.note
    bad_zone = compute_footprint(
        system=_embedded(),
        output_tokens=10,
        latency_s=1.0,
        cpu_seconds=None,
        settings=MetricsSettings(electricity_zone="ZZZ"),
    )
    assert bad_zone.method == METHOD_UNAVAILABLE and "ZZZ" in bad_zone.note


def test_settings_come_from_metrics_fields_of_the_app_settings_when_present() -> None:
    app_settings = SimpleNamespace(metrics_electricity_zone="DEU", metrics_pue=1.3)
    ms = metrics_settings(app_settings)
    assert (ms.electricity_zone, ms.pue, ms.timezone) == ("DEU", 1.3, "Europe/Paris")
    fp = compute_footprint(system=_embedded(), output_tokens=50, latency_s=1.0, cpu_seconds=None, settings=app_settings)
    assert fp.electricity_zone == "DEU" and fp.pue == 1.3


def test_cost_per_call_is_well_under_a_millisecond() -> None:
    system, ms = _embedded(), MetricsSettings()
    compute_footprint(system=system, output_tokens=1, latency_s=0.1, cpu_seconds=0.1, settings=ms)  # warm caches
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for i in range(300):
            compute_footprint(system=system, output_tokens=50 + i, latency_s=1.5, cpu_seconds=1.2, settings=ms)
        best = min(best, (time.perf_counter() - start) / 300)
    assert best < 1e-3, f"{best * 1e6:.0f} µs per call"
