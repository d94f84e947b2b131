"""HTML pages: training."""

from fastapi import APIRouter

router = APIRouter()
