"""JSON API of the registry domain."""

from fastapi import APIRouter

router = APIRouter()
