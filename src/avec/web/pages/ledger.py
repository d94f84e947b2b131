"""HTML pages: ledger."""

from fastapi import APIRouter

router = APIRouter()
