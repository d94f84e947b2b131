"""HTML pages: review."""

from fastapi import APIRouter

router = APIRouter()
