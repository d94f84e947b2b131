"""Vault: encrypted per-conversation mappings, keyed lookups, tamper detection, retention purge."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from tests.privacy.conftest import mark_spans

from avec.config import Settings, load_secrets
from avec.db import transaction
from avec.privacy import vault
from avec.privacy.models import VaultEntry
from avec.privacy.transform import Pseudonymizer

NAME, NIR = "Gwendoline QUILLIVIC", "2 84 03 29 123 456 07"


def _mapping() -> Pseudonymizer:
    pseudo = Pseudonymizer(rng=random.Random(4))
    note = f"Patiente {NAME}, NIR {NIR}."
    pseudo.transform(note, mark_spans(note, [("Gwendoline", "PRENOM"), ("QUILLIVIC", "NOM"), (NIR, "SECU")]))
    return pseudo


def _files_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_mapping_round_trip_and_nothing_in_clear_on_disk(settings: Settings, sessions: sessionmaker[Session]) -> None:
    key = load_secrets(settings).data_key
    pseudo = _mapping()
    with transaction(sessions) as session:
        vault.save_mapping(session, pseudo.mapping, conversation_id="conv-42", data_key=key, settings=settings)
    with transaction(sessions) as session:
        loaded = vault.load_mapping(session, conversation_id="conv-42", data_key=key)
    assert loaded is not None and loaded.to_json() == pseudo.mapping.to_json()
    raw = _files_bytes(settings.data_dir)  # the SQLite file, its WAL, the secrets folder
    for needle in ("QUILLIVIC", "Quillivic", "Gwendoline", NIR, NIR.replace(" ", ""), "conv-42"):
        assert needle.encode() not in raw and needle.encode("utf-16-le") not in raw, needle
    assert b"privacy_vault" in raw  # the search did read the database file


def test_wrong_key_or_tampering_is_refused(db_settings: Settings, db_sessions: sessionmaker[Session]) -> None:
    settings, sessions = db_settings, db_sessions
    key = load_secrets(settings).data_key
    with transaction(sessions) as session:
        vault.save_mapping(session, _mapping().mapping, conversation_id="a", data_key=key, settings=settings)
        vault.save_mapping(session, _mapping().mapping, conversation_id="b", data_key=key, settings=settings)
    with transaction(sessions) as session:
        # another key cannot even find the row (the lookup key is keyed too)
        assert vault.load_mapping(session, conversation_id="a", data_key=secrets.token_bytes(32)) is None
        rows = {r.conversation_key: r for r in session.scalars(select(VaultEntry))}
        a, b = rows[vault.conversation_key(key, "a")], rows[vault.conversation_key(key, "b")]
        a.ciphertext = b.ciphertext  # a ciphertext moved to another conversation
        session.flush()
        with pytest.raises(vault.VaultError):
            vault.load_mapping(session, conversation_id="a", data_key=key)
        b.ciphertext = b.ciphertext[:-1] + bytes([b.ciphertext[-1] ^ 1])
        session.flush()
        with pytest.raises(vault.VaultError):
            vault.load_mapping(session, conversation_id="b", data_key=key)


def test_retention_limit_and_purge(db_settings: Settings, db_sessions: sessionmaker[Session]) -> None:
    settings, sessions = db_settings, db_sessions
    key = load_secrets(settings).data_key
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    days = settings.vault_retention_days
    with transaction(sessions) as session:
        vault.save_mapping(
            session, _mapping().mapping, conversation_id="old", data_key=key, settings=settings, now=start
        )
        vault.save_mapping(
            session, _mapping().mapping, conversation_id="used", data_key=key, settings=settings, now=start
        )
        # "used" is used again later: its retention restarts from its last use
        vault.save_mapping(
            session,
            _mapping().mapping,
            conversation_id="used",
            data_key=key,
            settings=settings,
            now=start + dt.timedelta(days=days - 1),
        )
    later = start + dt.timedelta(days=days, hours=1)
    with transaction(sessions) as session:
        assert vault.load_mapping(session, conversation_id="old", data_key=key, now=later) is None  # expired
        assert vault.load_mapping(session, conversation_id="used", data_key=key, now=later) is not None
        assert vault.purge_expired(session, now=later) == 1
    with transaction(sessions) as session:
        assert (
            session.scalar(
                select(VaultEntry.id).where(VaultEntry.conversation_key == vault.conversation_key(key, "old"))
            )
            is None
        )
        assert vault.purge_expired(session, now=later) == 0
        assert vault.forget(session, conversation_id="used", data_key=key) is True
        assert vault.load_mapping(session, conversation_id="used", data_key=key, now=later) is None


def test_conversation_id_is_required(settings: Settings, sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session, pytest.raises(vault.VaultError, match="conversation id"):
        vault.load_mapping(session, conversation_id="", data_key=load_secrets(settings).data_key)
