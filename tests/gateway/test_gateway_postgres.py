"""The same gateway path with the server on PostgreSQL (skipped with a reason if none is reachable)."""

from __future__ import annotations

import openai
import pytest
from sqlalchemy import select
from tests.conftest import drop_pg_schema, make_pg_schema, postgres_unavailable_reason
from tests.live_server import start_live_server

from avec.cli_support import open_sessions
from avec.gateway.models import Interaction


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory):
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    url, schema = make_pg_schema()
    server = start_live_server(tmp_path_factory.mktemp("livepg"), extra_env={"AVEC_DATABASE_URL": url})
    yield server
    server.stop()
    drop_pg_schema(schema)


def test_completion_and_refusal_are_recorded_on_postgres(pg_server):
    client = openai.OpenAI(base_url=pg_server.base_url + "/v1", api_key=pg_server.key_for("pg.user"),
                           max_retries=0, timeout=120)
    out = client.chat.completions.create(
        model="gemma-3-270m-embedded", messages=[{"role": "user", "content": "Reformule : repos au lit."}],
        max_tokens=10, extra_body={"avec": {"use_case": "plain-language-rewrite"}},
    )
    public_id = out.model_extra["avec"]["interaction_id"]
    with pytest.raises(openai.BadRequestError):
        client.chat.completions.create(model="gemma-3-270m-embedded", messages=[{"role": "user", "content": "x"}],
                                       extra_body={"avec": {"use_case": "nope"}})
    with open_sessions(pg_server.settings) as tx:
        row = tx.scalar(select(Interaction).where(Interaction.public_id == public_id))
        assert row.status == "completed" and row.ledger_index is not None and row.ledger_index >= 0
        refused = tx.scalars(select(Interaction).where(Interaction.status == "refused")).all()
        assert [r.error_code for r in refused] == ["unknown_use_case"]
