"""Toolkit pages: the public library (public.py) and the officers' pages (manage.py)."""
