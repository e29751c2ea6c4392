"""Validation: raw bytes -> header -> cells -> Frictionless -> Great Expectations -> one Chinese report; normalize."""
