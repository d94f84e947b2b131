"""JSON API of the metrics domain."""

from fastapi import APIRouter

router = APIRouter()
