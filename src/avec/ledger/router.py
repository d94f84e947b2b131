"""JSON API of the ledger domain."""

from fastapi import APIRouter

router = APIRouter()
