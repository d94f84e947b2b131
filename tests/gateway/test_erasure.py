"""Erasing interaction contents keeps the ledger verifiable: erased contents are reported as erased."""

from __future__ import annotations

import os
import subprocess
import sys

import openai
from sqlalchemy import select

from avec.cli_support import open_sessions
from avec.gateway.models import Interaction, InteractionContent


def _cli(server, *args):
    env = {**os.environ, **{k: v for k, v in server.env.items() if k.startswith("AVEC_")}}
    return subprocess.run([sys.executable, "-m", "avec.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_erase_then_verify_reports_erased_not_tampered(live_server):
    client = openai.OpenAI(base_url=live_server.base_url + "/v1", api_key=live_server.key_for("erase.user"),
                           max_retries=0, timeout=120)
    out = client.chat.completions.create(
        model="gemma-3-270m-embedded", messages=[{"role": "user", "content": "Reformule : prendre le traitement."}],
        max_tokens=8, extra_body={"avec": {"use_case": "plain-language-rewrite"}},
    )
    public_id = out.model_extra["avec"]["interaction_id"]
    before = _cli(live_server, "ledger", "verify", "--contents")
    assert before.returncode == 0, before.stdout + before.stderr

    erased = _cli(live_server, "interactions", "erase", public_id)
    assert erased.returncode == 0 and "erased" in erased.stdout
    again = _cli(live_server, "interactions", "erase", public_id)
    assert again.returncode == 0 and "already erased" in again.stdout
    unknown = _cli(live_server, "interactions", "erase", "int_nope")
    assert unknown.returncode == 1 and "no interaction" in unknown.stderr

    with open_sessions(live_server.settings) as tx:
        row = tx.scalar(select(Interaction).where(Interaction.public_id == public_id))
        content = tx.get(InteractionContent, row.id)
        assert content.erased_at is not None and content.answer_enc is None and content.original_enc is None
        assert row.answer_digest and row.prompt_digest  # metadata and digests stay

    after = _cli(live_server, "ledger", "verify", "--contents")
    assert after.returncode == 0, after.stdout + after.stderr
    import re

    counts = {k: int(v) for k, v in re.findall(r"(match|mismatch|erased|missing) (\d+)", after.stdout)}
    assert counts["mismatch"] == 0 and counts["missing"] == 0
    assert counts["erased"] >= 4  # the four digests of this interaction (prompt, sent, received, answer)
