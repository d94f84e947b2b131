"""HTML pages: auth."""

from fastapi import APIRouter

router = APIRouter()
