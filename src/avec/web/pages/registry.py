"""HTML pages: registry."""

from fastapi import APIRouter

router = APIRouter()
