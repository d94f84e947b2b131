"""HTML pages: metrics."""

from fastapi import APIRouter

router = APIRouter()
