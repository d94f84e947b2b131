"""Identifiers never leave unmasked and are never stored or logged in clear (real server, real model)."""

from __future__ import annotations

import json
from pathlib import Path

import openai
from sqlalchemy import select

from avec.cli_support import open_sessions
from avec.gateway.models import Interaction, InteractionContent
from avec.privacy.encryption import decrypt


def _nir(body13: str) -> str:
    return body13 + f"{97 - int(body13) % 97:02d}"


LAST, FIRST = "Quémeneur", "Gwendoline"
NIR = _nir("2480375112345")


def _all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in folder.rglob("*") if p.is_file() and p.suffix != ".gguf"]


def test_identifiers_are_pseudonymized_and_never_stored_in_clear(live_server):
    client = openai.OpenAI(base_url=live_server.base_url + "/v1", api_key=live_server.key_for("priv.user"),
                           max_retries=0, timeout=120)
    prompt = (f"Contexte : Mme {FIRST} {LAST.upper()}, née le 14/03/1948, NIR {NIR}, tél. 06 12 34 56 78, "
              f"hospitalisée au CHU de Rennes pour insuffisance cardiaque.\n"
              f"Tâche : rédige une phrase de synthèse pour le médecin traitant.")
    out = client.chat.completions.create(
        model="gemma-3-270m-embedded", messages=[{"role": "user", "content": prompt}], max_tokens=30,
        extra_body={"avec": {"use_case": "discharge-letter-draft",
                             "patient": {"last_name": LAST, "first_names": [FIRST], "nir": NIR}}},
    )
    public_id = out.model_extra["avec"]["interaction_id"]
    with open_sessions(live_server.settings) as tx:
        row = tx.scalar(select(Interaction).where(Interaction.public_id == public_id))
        content = tx.get(InteractionContent, row.id)
        key = (live_server.settings.data_dir / "secrets" / "data.key").read_text()
    import base64

    data_key = base64.b64decode(key)
    ad = f"interaction:{public_id}".encode()
    sent = json.loads(decrypt(data_key, content.sent_enc, ad + b":sent"))
    sent_text = json.dumps(sent, ensure_ascii=False)
    assert row.pseudonymized is True
    for needle in (LAST, LAST.upper(), FIRST, NIR, "06 12 34 56 78", "14/03/1948"):
        assert needle not in sent_text, f"{needle!r} left the organisation"
    assert row.replacements.get("NOM", 0) >= 1 and row.replacements.get("SECU", 0) >= 1
    # The original request is kept, encrypted: it decrypts to what the user wrote.
    original = json.loads(decrypt(data_key, content.original_enc, ad + b":original"))
    assert LAST.upper() in original[0]["content"]
    # A byte search of the data directory (database, WAL, vault, logs) finds no identifier.
    for path, data in _all_bytes(live_server.settings.data_dir):
        for needle in (LAST, LAST.upper(), FIRST, NIR):
            assert needle.encode() not in data, f"{needle!r} found in clear in {path.name}"
