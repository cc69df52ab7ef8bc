"""The HTTP service: a FastAPI app over the library (``create_app`` in ``app.py``).

Routers per resource in ``api/``; auth (API keys, roles, rate limits) in ``auth.py``;
per-request dependencies in ``deps.py``; the per-worker runtime (database, matcher kept in
step with the store, webhook deliverer) in ``runtime.py``. The console lives in
``console/``.
"""
