"""Auditor endpoints of the ledger (roles dpo, quality, admin): checkpoints, entries, proofs."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from avec.accounts.deps import SessionDep, require_roles
from avec.accounts.schemas import Principal
from avec.ledger import service

router = APIRouter(prefix="/api/ledger", tags=["ledger"])
Auditor = Annotated[Principal, Depends(require_roles("dpo", "quality", "admin"))]


def _bad(exc: service.LedgerError) -> HTTPException:
    status = 404 if isinstance(exc, service.UnknownEntry) else 400
    return HTTPException(status_code=status, detail=str(exc))


def _checkpoint(cp: service.Checkpoint) -> dict[str, Any]:
    return {
        "size": cp.size,
        "root": service.b64(cp.root),
        "note": cp.note,
        "created_at": cp.created_at.isoformat() if cp.created_at else None,
    }


@router.get("/key")
def get_key(request: Request, _: Auditor) -> dict[str, str]:
    """The checkpoint verifier key (note format)."""
    settings = request.app.state.settings
    return {
        "origin": settings.ledger_origin,
        "verifier_key": service.verifier_key(settings.ledger_origin, request.app.state.secrets.ledger_signing_key),
    }


@router.get("/checkpoint")
def get_checkpoint(session: SessionDep, _: Auditor) -> dict[str, Any]:
    """The latest signed checkpoint and the current (unsigned) head."""
    head = service.head(session)
    latest = service.latest_checkpoint(session)
    return {
        "checkpoint": _checkpoint(latest) if latest else None,
        "head": {"size": head.size, "root": service.b64(head.root)},
    }


@router.post("/checkpoint", status_code=201)
def post_checkpoint(request: Request, session: SessionDep, _: Auditor) -> dict[str, Any]:
    """Sign a checkpoint of the current tree now (idempotent for an unchanged tree)."""
    settings = request.app.state.settings
    cp = service.issue_checkpoint(
        session, origin=settings.ledger_origin, signing_key=request.app.state.secrets.ledger_signing_key
    )
    return _checkpoint(cp)


@router.get("/checkpoints/{size}")
def get_checkpoint_at(size: int, session: SessionDep, _: Auditor) -> dict[str, Any]:
    """The checkpoint signed at exactly ``size``."""
    cp = service.checkpoint_at(session, size)
    if cp is None:
        raise HTTPException(status_code=404, detail=f"no checkpoint at size {size}")
    return _checkpoint(cp)


@router.get("/entries/{index}")
def get_entry(index: int, session: SessionDep, _: Auditor) -> dict[str, Any]:
    """One entry: its canonical body (digests and metadata only) and leaf hash."""
    try:
        row = service.entry(session, index)
    except service.LedgerError as exc:
        raise _bad(exc) from None
    return {
        "index": row.idx,
        "entry": json.loads(row.body),
        "body": row.body,
        "leaf_hash": service.b64(bytes(row.leaf_hash)),
    }


@router.get("/proof/inclusion")
def get_inclusion(
    session: SessionDep,
    _: Auditor,
    index: Annotated[int, Query(ge=0)],
    size: Annotated[int | None, Query(ge=1)] = None,
) -> dict[str, Any]:
    """Inclusion proof of entry ``index`` in the tree of ``size`` (default: latest checkpoint)."""
    try:
        p = service.inclusion_proof(session, index, size)
    except service.LedgerError as exc:
        raise _bad(exc) from None
    return {
        "index": p.index,
        "size": p.size,
        "leaf_hash": service.b64(p.leaf_hash),
        "proof": [service.b64(h) for h in p.proof],
        "root": service.b64(p.root),
        "checkpoint": p.checkpoint,
    }


@router.get("/proof/consistency")
def get_consistency(
    session: SessionDep,
    _: Auditor,
    old: Annotated[int, Query(alias="from", ge=1)],
    new: Annotated[int, Query(alias="to", ge=1)],
) -> dict[str, Any]:
    """Consistency proof from tree size ``from`` to tree size ``to``."""
    try:
        p = service.consistency_proof(session, old, new)
    except service.LedgerError as exc:
        raise _bad(exc) from None
    return {
        "from": p.old,
        "to": p.new,
        "proof": [service.b64(h) for h in p.proof],
        "from_root": service.b64(p.old_root),
        "to_root": service.b64(p.new_root),
    }
