"""How replies look: digests, history, exports, in both languages."""
