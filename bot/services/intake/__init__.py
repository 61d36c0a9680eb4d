"""Articles in: clean, check, dedupe, limit and enqueue (accept.py); pastes merged (window.py)."""
