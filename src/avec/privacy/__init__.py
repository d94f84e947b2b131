"""Pseudonymization of French clinical, social and medico-social text.

Detection (recognizers -> spans) and transformation (spans -> surrogates -> restore) talk only
through the span contract in :mod:`avec.privacy.spans`.
"""
