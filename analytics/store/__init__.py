"""The client store: each client's history kept on disk (a DuckLake lake), shared by the app and the CLI."""

from analytics.store.client import AccountMismatch, ClientWorkspace
from analytics.store.store import ClientMemory, Store, UnknownClient, open_store

__all__ = ["AccountMismatch", "ClientMemory", "ClientWorkspace", "Store", "UnknownClient", "open_store"]
