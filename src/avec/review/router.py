"""JSON API of the review domain."""

from fastapi import APIRouter

router = APIRouter()
