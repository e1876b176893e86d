"""The protection part: its checks (checks.py) and one module per page beside them."""
