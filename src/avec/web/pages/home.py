"""HTML pages: home."""

from fastapi import APIRouter

router = APIRouter()
