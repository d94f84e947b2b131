"""HTML page of the ledger for auditors (« Journal de preuves »): head, latest checkpoint, verifier
key, and one entry with its inclusion proof checked against the latest signed checkpoint."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from avec.accounts.deps import SessionDep
from avec.accounts.schemas import Principal
from avec.ledger import service
from avec.ledger.merkle import VerificationError, verify_inclusion
from avec.web.deps import require_web_roles
from avec.web.templating import page_language, render

router = APIRouter()
Auditor = Annotated[Principal, Depends(require_web_roles("dpo", "quality", "admin"))]

TEXTS = {
    "fr": {
        "title": "Journal de preuves",
        "intro": "Chaque action tracée (échange avec une IA, décision de relecture, refus, changement de "
        "configuration) est inscrite dans ce journal infalsifiable. Il ne contient que des empreintes "
        "(SHA-256) et des métadonnées, jamais le contenu des échanges.",
        "size": "Nombre d'entrées",
        "root": "Empreinte racine actuelle",
        "checkpoint": "Dernier point de contrôle signé",
        "no_checkpoint": "Aucun point de contrôle signé pour l'instant.",
        "key": "Clé de vérification (à publier et à conserver hors du serveur)",
        "how": "Vérifier hors ligne",
        "how_text": "Exportez le journal puis vérifiez-le avec le vérificateur autonome (Python et "
        "cryptography suffisent) :",
        "lookup": "Consulter une entrée",
        "index": "Numéro de l'entrée (à partir de 0)",
        "show": "Afficher",
        "entry": "Entrée",
        "proof_ok": "Preuve d'inclusion vérifiée : cette entrée figure dans le point de contrôle signé "
        "de taille",
        "proof_head": "Preuve d'inclusion vérifiée dans l'arbre actuel (pas encore couvert par un point de "
        "contrôle signé).",
        "proof_bad": "La preuve d'inclusion ne se vérifie pas : lancez « avec ledger verify ».",
        "unknown": "Aucune entrée à ce numéro.",
    },
    "en": {
        "title": "Evidence ledger",
        "intro": "Every traced action (AI exchange, review decision, refusal, configuration change) is "
        "written to this tamper-evident log. It holds only digests (SHA-256) and metadata, never the "
        "content of exchanges.",
        "size": "Entries",
        "root": "Current root hash",
        "checkpoint": "Latest signed checkpoint",
        "no_checkpoint": "No signed checkpoint yet.",
        "key": "Verifier key (publish it and keep a copy off the server)",
        "how": "Verify offline",
        "how_text": "Export the ledger, then check it with the standalone verifier (Python and cryptography "
        "are enough):",
        "lookup": "Look up an entry",
        "index": "Entry number (from 0)",
        "show": "Show",
        "entry": "Entry",
        "proof_ok": "Inclusion proof verified: this entry is in the signed checkpoint of size",
        "proof_head": "Inclusion proof verified in the current tree (not yet covered by a signed "
        "checkpoint).",
        "proof_bad": "The inclusion proof does not verify: run 'avec ledger verify'.",
        "unknown": "No entry at this number.",
    },
}


def _lookup(session: Any, index: int) -> dict[str, Any]:
    try:
        row = service.entry(session, index)
        proof = service.inclusion_proof(session, index)
    except service.LedgerError:
        return {"error": "unknown"}
    try:
        verify_inclusion(proof.index, proof.size, proof.leaf_hash, proof.proof, proof.root)
        status = "proof_ok" if proof.checkpoint else "proof_head"
    except VerificationError:
        status = "proof_bad"
    if bytes(row.leaf_hash) != proof.leaf_hash:
        status = "proof_bad"
    return {
        "body": json.dumps(json.loads(row.body), indent=2, ensure_ascii=False, sort_keys=True),
        "status": status,
        "size": proof.size,
        "index": index,
    }


@router.get("/ledger", response_class=HTMLResponse)
def ledger_page(request: Request, _: Auditor, session: SessionDep, index: int | None = None) -> Response:
    """Head, latest checkpoint, verifier key; with ``?index=`` one entry and its checked proof."""
    settings = request.app.state.settings
    head = service.head(session)
    latest = service.latest_checkpoint(session)
    key = service.verifier_key(settings.ledger_origin, request.app.state.secrets.ledger_signing_key)
    found = _lookup(session, index) if index is not None else None
    return render(
        request,
        "ledger/index.html",
        {
            "t": TEXTS.get(page_language(request), TEXTS["en"]),
            "size": head.size,
            "root": service.b64(head.root),
            "checkpoint": latest,
            "key": key,
            "found": found,
            "index": index,
        },
        status_code=404 if found and found.get("error") else 200,
    )
