"""What a user sent, as article text: files, HTML, client-split pieces, forwarded posts."""
