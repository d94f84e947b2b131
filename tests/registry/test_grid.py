"""The compliance grid: YAML validation with clear messages, merging, and evaluation of a system."""

from __future__ import annotations

from pathlib import Path

import pytest

from avec.registry.compliance import GridError, active_grid, evaluate, load_grid, parse_grid_text
from avec.registry.models import AISystem

HEAD = 'grid: test\nversion: "1"\nitems:\n'


def item(**fields: str) -> str:
    base = {"id": "x-item", "source": "HAS", "question": "Une question claire ?", "type": "yes_no"}
    base.update(fields)
    pairs = [(k, v) for k, v in base.items() if v != ""]
    lines = [f"  - {k}: {v}" if i == 0 else f"    {k}: {v}" for i, (k, v) in enumerate(pairs)]
    return "\n".join(lines) + "\n"


def test_packaged_grid_is_valid_and_cites_every_source_family(grid):
    assert len(grid.items) >= 15
    assert {i.source for i in grid.items} >= {"HAS", "AI_ACT", "GDPR", "CNIL", "HDS"}
    assert any(i.blocking for i in grid.items)
    assert grid.version.startswith("avec-grille-choix-systeme-ia@")


def test_unknown_item_type_is_refused_naming_the_item():
    with pytest.raises(GridError) as err:
        parse_grid_text(HEAD + item(id="slider-item", type="slider"), name="org.yaml")
    message = str(err.value)
    assert "org.yaml" in message and "slider-item" in message
    assert "unknown type 'slider'" in message and "yes_no" in message


def test_missing_source_is_refused_naming_the_item():
    text = HEAD + item() + item(id="no-source", source="")
    with pytest.raises(GridError) as err:
        parse_grid_text(text)
    assert "'no-source' (#2)" in str(err.value) and "missing 'source'" in str(err.value)


def test_unknown_source_and_missing_id_are_named_by_position():
    with pytest.raises(GridError, match=r"item #1 \(no id\).*missing 'id'"):
        parse_grid_text(HEAD + item(id=""))
    with pytest.raises(GridError, match="unknown source 'WIKIPEDIA'"):
        parse_grid_text(HEAD + item(source="WIKIPEDIA"))


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        ({"type": "choice"}, "needs 'options'"),
        ({"type": "check", "check": "moon_phase"}, "needs 'check' among"),
        ({"compliant": "[maybe]"}, "'compliant' answers must be among"),
        ({"weight": "9"}, "weight"),
        ({"colour": "red"}, "unknown field 'colour'"),
        ({"applies_when": "[always]"}, "applies_when"),
    ],
)
def test_inconsistent_items_are_refused(extra, needle):
    with pytest.raises(GridError, match=needle):
        parse_grid_text(HEAD + item(**extra))


def test_duplicate_ids_and_bad_yaml_are_refused(tmp_path: Path):
    with pytest.raises(GridError, match="duplicate id"):
        parse_grid_text(HEAD + item() + item())
    with pytest.raises(GridError, match="not valid YAML"):
        parse_grid_text("grid: [unclosed")


def test_organisation_items_are_added_without_code(tmp_path: Path):
    (tmp_path / "grid").mkdir()
    (tmp_path / "grid" / "chu.yaml").write_text(HEAD + item(id="chu-ethics", source="ORGANISATION"), "utf-8")
    grid = active_grid(tmp_path)
    assert grid.item("chu-ethics") is not None and "test@1" in grid.versions
    (tmp_path / "grid" / "dup.yaml").write_text(HEAD.replace("test", "dup") + item(id="human-review"), "utf-8")
    with pytest.raises(GridError, match="'human-review': id already used"):
        active_grid(tmp_path)


def _system(**fields: object) -> AISystem:
    base: dict[str, object] = {
        "slug": "s",
        "name": "S",
        "deployment": "on_premises",
        "hosting_country": "FR",
        "hds_certified": False,
        "medical_device": False,
        "ce_marking": "",
        "ai_act_class": "minimal",
        "dpia_status": "done",
        "contract": {},
        "model_card": {},
    }
    return AISystem(**(base | fields))


def test_evaluation_score_blocking_and_applicability(tmp_path: Path):
    path = tmp_path / "g.yaml"
    path.write_text(
        HEAD
        + item(id="must", blocking="true", weight="3")
        + item(id="nice", weight="1")
        + item(id="hds", type="check", check="hds_or_on_premises", blocking="true", applies_when="[patient_data]"),
        "utf-8",
    )
    grid = load_grid([path])
    cloud = _system(deployment="other_cloud")
    open_eval = evaluate(grid, cloud, {}, patient_data=True)
    assert [r.item.id for r in open_eval.blocking_open] == ["must", "hds"]
    assert open_eval.score == 0
    done = evaluate(grid, cloud, {"must": "yes", "nice": "no"}, patient_data=False)
    assert done.blocking_open == [] and done.score == 75  # hds not applicable without patient data
    # "not applicable" cannot close a blocking item, but does drop an ordinary one from the score.
    waved = evaluate(grid, _system(), {"must": "na", "nice": "na"}, patient_data=True)
    assert [r.item.id for r in waved.blocking_open] == ["must"]
